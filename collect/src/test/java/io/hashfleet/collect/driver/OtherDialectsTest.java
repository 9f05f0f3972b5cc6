package io.hashfleet.collect.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtherDialectsTest {
  static final MinerAddress ADDR = MinerAddress.parse("10.0.2.7:4028");
  static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");

  @BeforeEach
  void noMinerHasRefusedYet() {
    // drivers are shared, and so is their memory of refusals; each test starts from a clean fleet
    Exchange.REFUSALS.forgetAll();
  }

  @Test
  void braiinsOs_readsMhsBoardsTempsFansAndTunerPower() throws Exception {
    var id = new MinerIdentity(Make.ANTMINER, "Antminer S19j Pro", "s19jpro", Dialect.BRAIINS_OS, "BOSminer x", null);
    var miner = new Fixtures.Replay().onCommand(String.join("+", BraiinsDriver.COMMANDS),
        "braiins/summary+pools+devs+devdetails+temps+fans+tunerstatus.json");

    MinerTelemetry t = new BraiinsDriver().poll(miner, ADDR, id, AT);

    assertThat(miner.requests).hasSize(1);
    assertThat(t.hashrateNow().ths()).isCloseTo(101.49, within(0.01));
    assertThat(t.boards()).hasSize(3);
    assertThat(t.boards()).extracting(HashboardReading::chips).containsOnly(126);
    assertThat(t.boards().get(1).chipTempC()).isEqualTo(78.5);
    assertThat(t.boards().get(1).boardTempC()).isEqualTo(63.0);
    assertThat(t.tempMaxC()).isEqualTo(78.5);
    assertThat(t.fanRpm()).containsExactly(4020, 3990, 4050, 3960);
    assertThat(t.powerW()).isEqualTo(2957);
    assertThat(t.uptimeS()).isEqualTo(52344);
    assertThat(t.hwErrors()).isEqualTo(211);
    assertThat(t.activePool().url()).startsWith("stratum2+tcp://v2.stratum.braiins.com/");
    assertThat(t.activePool().user()).isEqualTo("hashfleet.bos03");
    assertThat(t.accepted()).isEqualTo(88123);
    assertThat(t.rejected()).isEqualTo(101);
  }

  @Test
  void luxos_readsClassicStatsWithItsOwnTempKeys_andPowerCommand() throws Exception {
    var id = new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.LUXOS, "LUXminer x", null);
    MinerTelemetry t = new LuxosDriver().parse(ADDR, id, AT, Fixtures.raw("luxos/summary+pools+stats+power+fans.json"));

    assertThat(t.hashrateNow().ths()).isCloseTo(138.77, within(0.01));
    assertThat(t.boardsAlive()).isEqualTo(3);
    assertThat(t.boards()).extracting(HashboardReading::chips).containsOnly(110);
    assertThat(t.boards().get(1).chipTempC()).isEqualTo(80.0);
    assertThat(t.boards().get(1).boardTempC()).isEqualTo(63.0);
    assertThat(t.powerW()).isEqualTo(2987);
    assertThat(t.fanRpm()).containsExactly(5400, 5430, 5370, 5460);
    assertThat(t.uptimeS()).isEqualTo(40321);
    assertThat(t.activePool().user()).isEqualTo("hashfleet.lux05");
  }

  @Test
  void whatsminer_isPolledOneCommandPerConnection_andReportsPowerAndChips() throws Exception {
    var id = new MinerIdentity(Make.WHATSMINER, "Whatsminer M50S.VH20", "m50s", Dialect.WHATSMINER, "btminer x", null);
    var miner = new Fixtures.Replay()
        .onCommand("summary", "whatsminer/summary.json")
        .onCommand("pools", "whatsminer/pools.json")
        .onCommand("edevs", "whatsminer/edevs.json");

    MinerTelemetry t = new WhatsminerDriver().poll(miner, ADDR, id, AT);

    assertThat(miner.requests).containsExactly("{\"command\":\"summary\"}", "{\"command\":\"pools\"}", "{\"command\":\"edevs\"}");
    assertThat(t.hashrateNow().ths()).isCloseTo(125.99, within(0.01));
    assertThat(t.powerW()).isEqualTo(3272);
    assertThat(t.boards()).extracting(HashboardReading::chips).containsExactly(129, 129, 128);
    assertThat(t.boardsAlive()).isEqualTo(3);
    assertThat(t.tempMaxC()).isEqualTo(87.7);
    assertThat(t.fanRpm()).containsExactly(4950, 4920);
    assertThat(t.uptimeS()).isEqualTo(66892);
    assertThat(t.activePool().url()).isEqualTo("stratum+tcp://btc.f2pool.com:1314");
    assertThat(t.accepted()).isEqualTo(5105);
    assertThat(t.rejected()).isEqualTo(27);
  }

  @Test
  void whatsminer_parsesFromPerCommandTexts() throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("summary", Fixtures.raw("whatsminer/summary.json"));
    texts.put("pools", Fixtures.raw("whatsminer/pools.json"));
    texts.put("edevs", Fixtures.raw("whatsminer/edevs.json"));
    MinerTelemetry t = new WhatsminerDriver().parse(ADDR, MinerIdentity.UNKNOWN, AT, Replies.parseEach(ADDR, texts));
    assertThat(t.boards()).hasSize(3);
  }

  @Test
  void avalon_readsTheBracketedStatusString_despiteBareNanAndInf() throws Exception {
    var id = new MinerIdentity(Make.AVALON, "AvalonMiner 1366", "a1366", Dialect.AVALON, "cgminer 4.11.1", null);
    MinerTelemetry t = new AvalonDriver().parse(ADDR, id, AT, Fixtures.raw("avalon/summary+pools+stats.json"));

    assertThat(t.hashrateNow().ths()).isCloseTo(130.08, within(0.1));
    assertThat(t.hashrateAvg().ths()).isCloseTo(129.95, within(0.01));
    assertThat(t.boards()).hasSize(3);
    assertThat(t.boards()).extracting(HashboardReading::chips).containsOnly(120);
    assertThat(t.boards().get(2).hashrate().ths()).isCloseTo(43.39, within(0.01));
    assertThat(t.tempMaxC()).isEqualTo(84.0);
    assertThat(t.fanRpm()).containsExactly(3960, 3990);
    assertThat(t.powerW()).isEqualTo(3268);
    assertThat(t.uptimeS()).isEqualTo(81234);
    assertThat(t.hwErrors()).isEqualTo(27);
    assertThat(t.activePool().user()).isEqualTo("hashfleet.a1366x02");
  }

  @Test
  void avalonPower_fallsBackToTheOlderSixEntryPsForm() {
    assertThat(AvalonDriver.power(AvalonStatus.parse("PS[0 1217 1279 221 2834 1280] Fan1[3671]"))).isEqualTo(2834);
    assertThat(AvalonDriver.power(AvalonStatus.parse("WALLPOWER[3301] PS[0 1 2 3 4 5 6]"))).isEqualTo(3301);
    assertThat(AvalonDriver.power(AvalonStatus.parse("Fan1[3671]"))).isNull();
  }

  @Test
  void avalonStatusString_keepsKeysWithSpacesAndValuesWithColons() {
    var m = AvalonStatus.parse("SYSTEMSTATU[Work: In Work, Hash Board: 3 ] Nonce Mask[25] MTmax[83 84 82]");
    assertThat(m).containsEntry("SYSTEMSTATU", "Work: In Work, Hash Board: 3").containsEntry("Nonce Mask", "25");
    assertThat(AvalonStatus.numbers(m.get("MTmax"))).containsExactly(83, 84, 82);
  }
}
