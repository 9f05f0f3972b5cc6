package io.hashfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryTest {
  private final FleetStore store = FleetStore.inMemory();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void upsert_addsMinersAndReadsThemBackIdentically() {
    FleetMiner m = Fixtures.miner(7, "s19xp", "tx1");
    store.upsertMiners(List.of(m, Fixtures.miner(8, "s21", null)));

    assertThat(store.minerCount()).isEqualTo(2);
    assertThat(store.miner(Fixtures.address(7))).contains(m);
    assertThat(store.miner(MinerAddress.of("10.9.9.9"))).isEmpty();
  }

  @Test
  void miners_areListedInNumericAddressOrderWithHostNamesLast() {
    store.upsertMiners(List.of(Fixtures.miner(10, "s21", "a"), new FleetMiner(MinerAddress.of("rig.local"), MinerIdentity.UNKNOWN,
        MinerLocation.UNKNOWN), Fixtures.miner(2, "s21", "a"), Fixtures.miner(300, "s21", "a")));

    assertThat(store.miners()).extracting(FleetMiner::address).extracting(MinerAddress::toString)
        .containsExactly("10.0.0.2:4028", "10.0.0.10:4028", "10.0.1.44:4028", "rig.local:4028");
  }

  @Test
  void rescanWithoutLocation_keepsTheLocationOnRecordButUpdatesIdentity() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "tx1")));
    FleetMiner rescanned = new FleetMiner(Fixtures.address(1), Fixtures.identity("s21"), MinerLocation.UNKNOWN);
    store.upsertMiners(List.of(rescanned));

    FleetMiner stored = store.miner(Fixtures.address(1)).orElseThrow();
    assertThat(stored.identity().modelId()).isEqualTo("s21");
    assertThat(stored.location()).isEqualTo(new MinerLocation("tx1", "r0", 1));
  }

  @Test
  void rescanWithALocation_replacesTheWholeLocation() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "tx1")));
    store.upsertMiners(List.of(new FleetMiner(Fixtures.address(1), Fixtures.identity("s19xp"), new MinerLocation("tx2", null, null))));

    assertThat(store.miner(Fixtures.address(1)).orElseThrow().location()).isEqualTo(new MinerLocation("tx2", null, null));
  }

  @Test
  void duplicateAddressesInOneBatch_keepTheLastOne() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "a"), Fixtures.miner(1, "s21", "b")));

    assertThat(store.minerCount()).isEqualTo(1);
    assertThat(store.miner(Fixtures.address(1)).orElseThrow().location().site()).isEqualTo("b");
  }
}
