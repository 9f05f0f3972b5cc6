package io.hashfleet.collect.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.ModelCatalog;
import org.junit.jupiter.api.Test;

class IdentifierTest {
  final ModelCatalog catalog = ModelCatalog.bundled();

  MinerIdentity identify(Fixtures.Replay miner) throws Exception {
    return Identifier.identify(miner, catalog).orElseThrow();
  }

  @Test
  void bitmainStock_isKnownByBmminerAndType() throws Exception {
    var id = identify(new Fixtures.Replay().onCommand("version", "bitmain/s19xp-version.json"));
    assertThat(id.make()).isEqualTo(Make.ANTMINER);
    assertThat(id.dialect()).isEqualTo(Dialect.BITMAIN);
    assertThat(id.modelName()).isEqualTo("Antminer S19 XP");
    assertThat(id.modelId()).isEqualTo("s19xp");
    assertThat(id.firmware()).startsWith("BMMiner 1.0.0, miner ").endsWith("(Thu Jun 29 19:16:46 CST 2023)");
    assertThat(Drivers.driverFor(id.dialect())).isInstanceOf(BitmainDriver.class);
  }

  @Test
  void s21AndS19jPro_mapToTheirCatalogIds() throws Exception {
    assertThat(identify(new Fixtures.Replay().onCommand("version", "bitmain/s21-version.json")).modelId()).isEqualTo("s21");
    assertThat(identify(new Fixtures.Replay().onCommand("version", "bitmain/s19jpro-version.json")).modelId()).isEqualTo("s19jpro");
  }

  @Test
  void braiinsOs_asksDevdetailsForTheModel() throws Exception {
    var miner = new Fixtures.Replay().onCommand("version", "braiins/version.json").onCommand("devdetails", "braiins/devdetails.json");
    var id = identify(miner);
    assertThat(id.dialect()).isEqualTo(Dialect.BRAIINS_OS);
    assertThat(id.modelName()).isEqualTo("Antminer S19j Pro");
    assertThat(id.modelId()).isEqualTo("s19jpro");
    assertThat(id.firmware()).isEqualTo("BOSminer bosminer-plus-tuner 0.9.0-36c56a168a");
  }

  @Test
  void luxos_isKnownByLuxminer() throws Exception {
    var id = identify(new Fixtures.Replay().onCommand("version", "luxos/version.json"));
    assertThat(id.dialect()).isEqualTo(Dialect.LUXOS);
    assertThat(id.modelId()).isEqualTo("s19xp");
    assertThat(id.firmware()).isEqualTo("LUXminer 2024.5.1.153000-9b6d1a3f");
  }

  @Test
  void whatsminer_withAnEmptyDescription_isKnownByItsFlatErrorEnvelope() throws Exception {
    var miner = new Fixtures.Replay()
        .onCommand("version", "whatsminer/version-empty-description.json")
        .on("{\"cmd\":\"get_version\"}", "whatsminer/get_version.json")
        .onCommand("devdetails", "whatsminer/devdetails.json")
        .on("{\"cmd\":\"get_miner_info\"}", "whatsminer/get_miner_info.json");
    var id = identify(miner);
    assertThat(id.dialect()).isEqualTo(Dialect.WHATSMINER);
    assertThat(id.modelId()).isEqualTo("m50s");
  }

  @Test
  void whatsminer_refusesVersion_andIsAskedItsOwnCommands() throws Exception {
    var miner = new Fixtures.Replay()
        .onCommand("version", "whatsminer/version.json")
        .on("{\"cmd\":\"get_version\"}", "whatsminer/get_version.json")
        .onCommand("devdetails", "whatsminer/devdetails.json")
        .on("{\"cmd\":\"get_miner_info\"}", "whatsminer/get_miner_info.json");
    var id = identify(miner);
    assertThat(id.make()).isEqualTo(Make.WHATSMINER);
    assertThat(id.dialect()).isEqualTo(Dialect.WHATSMINER);
    assertThat(id.modelName()).isEqualTo("Whatsminer M50S.VH20");
    assertThat(id.modelId()).isEqualTo("m50s");
    assertThat(id.firmware()).isEqualTo("btminer 20230911.22.REL");
    assertThat(id.mac()).isEqualTo("C4:11:04:01:3C:75");
  }

  @Test
  void avalon_isKnownByProd_andItsMacIsFormatted() throws Exception {
    var id = identify(new Fixtures.Replay().onCommand("version", "avalon/version.json"));
    assertThat(id.make()).isEqualTo(Make.AVALON);
    assertThat(id.dialect()).isEqualTo(Dialect.AVALON);
    assertThat(id.modelName()).isEqualTo("AvalonMiner 1366");
    assertThat(id.modelId()).isEqualTo("a1366");
    assertThat(id.mac()).isEqualTo("B4:A2:EB:3F:6A:21");
  }

  @Test
  void anHttpServerOrSshBanner_isNotAMiner() throws Exception {
    assertThat(Identifier.identify(new Fixtures.Replay().onCommand("version", "broken/http-response.txt"), catalog)).isEmpty();
    assertThat(Identifier.identify(new Fixtures.Replay().onCommand("version", "broken/ssh-banner.txt"), catalog)).isEmpty();
  }

  @Test
  void anUnknownDialect_hasNoDriver() {
    assertThatThrownBy(() -> Drivers.driverFor(Dialect.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
  }
}
