package io.hashfleet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
  private final ModelCatalog catalog = ModelCatalog.bundled();

  @Test
  void the_bundled_catalog_has_the_fleet_models_with_nameplate_figures() {
    assertThat(catalog.byId("s19xp")).get().satisfies(m -> {
      assertThat(m.nominalThs()).isEqualTo(140);
      assertThat(m.watts()).isEqualTo(3010);
      assertThat(m.hashboards()).isEqualTo(3);
      assertThat(m.chipsPerBoard()).isEqualTo(110);
    });
    for (String id : new String[] {"s19jpro", "s19xp", "s21", "s21pro", "s21xp", "m30s", "m50s", "m60s"}) {
      assertThat(catalog.byId(id)).as(id).isPresent();
    }
  }

  @Test
  void firmware_spellings_match_the_right_model() {
    assertThat(catalog.match("Antminer S19 XP").map(AsicModel::id)).contains("s19xp");
    assertThat(catalog.match("Antminer S19j Pro").map(AsicModel::id)).contains("s19jpro");
    assertThat(catalog.match("Antminer S19").map(AsicModel::id)).contains("s19");
    assertThat(catalog.match("Antminer S21 Pro").map(AsicModel::id)).contains("s21pro");
    assertThat(catalog.match("M50S.VH20").map(AsicModel::id)).contains("m50s");
    assertThat(catalog.match("M60S++")).map(AsicModel::id).contains("m60s");
    assertThat(catalog.match("Antminer L7")).isEmpty();
  }

  @Test
  void a_user_file_adds_models_and_reports_bad_rows_with_their_line(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("mine.csv");
    Files.writeString(ok, "id,make,name,nominal_ths,watts,j_per_th,hashboards,chips_per_board,fans,aliases\n"
        + "s21hyd,Antminer,Antminer S21 Hyd,335,5360,16,3,108,0,S21 Hyd.\n");
    assertThat(ModelCatalog.withExtension(ok).match("Antminer S21 Hyd.").map(AsicModel::id)).contains("s21hyd");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "# mine\nx1,Antminer,X1,abc,3000,20,3,100,4,\n");
    assertThatThrownBy(() -> ModelCatalog.withExtension(bad)).hasMessageContaining("bad.csv:2");
  }
}
