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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitmainDriverTest {
  static final MinerAddress ADDR = MinerAddress.parse("10.0.1.21:4028");
  static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  static final MinerIdentity S19XP = new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "BMMiner 1.0.0", null);
  static final MinerIdentity S19JPRO = new MinerIdentity(Make.ANTMINER, "Antminer S19j Pro", "s19jpro", Dialect.BITMAIN, "BMMiner 1.0.0", null);
  static final MinerIdentity S21 = new MinerIdentity(Make.ANTMINER, "Antminer S21", "s21", Dialect.BITMAIN, "BMMiner 1.0.0", null);
  final BitmainDriver driver = new BitmainDriver();

  @BeforeEach
  void noMinerHasRefusedYet() {
    // drivers are shared, and so is their memory of refusals; each test starts from a clean fleet
    Exchange.REFUSALS.forgetAll();
  }

  @Test
  void s19xpJoinedReply_withRunTogetherStats_readsEveryFigureAUserChecks() throws Exception {
    MinerTelemetry t = driver.parse(ADDR, S19XP, AT, Fixtures.raw("bitmain/s19xp-summary+pools+stats.json"));

    assertThat(t.hashrateNow().ths()).isCloseTo(141.23, within(0.01));
    assertThat(t.hashrateAvg().ths()).isCloseTo(141.02, within(0.01));
    assertThat(t.boards()).hasSize(3);
    assertThat(t.boardsAlive()).isEqualTo(3);
    assertThat(t.boards()).extracting(HashboardReading::chips).containsOnly(110);
    assertThat(t.boards().get(0).hashrate().ths()).isCloseTo(47.12, within(0.01));
    assertThat(t.boards().get(1).boardTempC()).isEqualTo(70.0);
    assertThat(t.tempMaxC()).isEqualTo(85.0);
    assertThat(t.fanRpm()).containsExactly(5520, 5490, 5580, 5460);
    assertThat(t.powerW()).isNull();
    assertThat(t.uptimeS()).isEqualTo(86400);
    assertThat(t.hwErrors()).isEqualTo(28);
    assertThat(t.pools()).hasSize(3);
    assertThat(t.activePool().url()).isEqualTo("stratum+tcp://btc.f2pool.com:3333");
    assertThat(t.activePool().user()).isEqualTo("hashfleet.s19xp01");
    assertThat(t.accepted()).isEqualTo(181234);
    assertThat(t.rejected()).isEqualTo(363);
    assertThat(t.stale()).isEqualTo(12);
    assertThat(t.pools().get(2).alive()).isFalse();
  }

  @Test
  void s19xpPoll_sendsOneJoinedRequest() throws Exception {
    var miner = new Fixtures.Replay().onCommand("summary+pools+stats", "bitmain/s19xp-summary+pools+stats.json");

    MinerTelemetry t = driver.poll(miner, ADDR, S19XP, AT);

    assertThat(miner.requests).containsExactly("{\"command\":\"summary+pools+stats\"}");
    assertThat(t.boardsAlive()).isEqualTo(3);
  }

  @Test
  void firmwareThatRefusesJoinedRequests_isPolledOneCommandPerConnection_andTheDeadBoardShows() throws Exception {
    var miner = new Fixtures.Replay()
        .onCommand("summary+pools+stats", "bitmain/s19jpro-joined-refused.json")
        .onCommand("summary", "bitmain/s19jpro-dead-board-summary.json")
        .onCommand("pools", "bitmain/s19jpro-dead-board-pools.json")
        .onCommand("stats", "bitmain/s19jpro-dead-board-stats.json");

    MinerTelemetry t = driver.poll(miner, ADDR, S19JPRO, AT);

    assertThat(miner.requests).hasSize(4);
    assertThat(t.boards()).hasSize(3);
    assertThat(t.boardsAlive()).isEqualTo(2);
    HashboardReading dead = t.boards().get(1);
    assertThat(dead.index()).isEqualTo(2);
    assertThat(dead.chips()).isZero();
    assertThat(dead.hashrate().isZero()).isTrue();
    assertThat(dead.maxTempC()).isNull();
    assertThat(t.hashrateNow().ths()).isCloseTo(67.89, within(0.01));
    assertThat(t.uptimeS()).isEqualTo(3725);
    assertThat(t.activePool().user()).isEqualTo("hashfleet.s19jpro07");
  }

  @Test
  void aMinerThatRefusedJoined_isAskedOneCommandPerConnectionStraightAway_untilItIsOfferedJoinedAgain() throws Exception {
    var miner = new Fixtures.Replay()
        .onCommand("summary+pools+stats", "bitmain/s19jpro-joined-refused.json")
        .onCommand("summary", "bitmain/s19jpro-dead-board-summary.json")
        .onCommand("pools", "bitmain/s19jpro-dead-board-pools.json")
        .onCommand("stats", "bitmain/s19jpro-dead-board-stats.json");
    driver.poll(miner, ADDR, S19JPRO, AT);
    miner.requests.clear();

    MinerTelemetry t = driver.poll(miner, ADDR, S19JPRO, AT);

    assertThat(miner.requests).containsExactly("{\"command\":\"summary\"}", "{\"command\":\"pools\"}", "{\"command\":\"stats\"}");
    assertThat(t.boardsAlive()).isEqualTo(2);
    // another miner is not affected
    var other = new Fixtures.Replay().onCommand("summary+pools+stats", "bitmain/s19xp-summary+pools+stats.json");
    driver.poll(other, MinerAddress.parse("10.0.1.22:4028"), S19XP, AT);
    assertThat(other.requests).hasSize(1);
    // after a while the refusing miner is offered a joined request again, in case its firmware changed
    for (int i = 0; i < JoinedRefusals.RETRY_AFTER; i++) driver.poll(miner, ADDR, S19JPRO, AT);
    assertThat(miner.requests).contains("{\"command\":\"summary+pools+stats\"}");
  }

  @Test
  void aMinerThatLaterAnswersJoined_isForgiven() throws Exception {
    var refusing = new Fixtures.Replay()
        .onCommand("summary+pools+stats", "bitmain/s19jpro-joined-refused.json")
        .onCommand("summary", "bitmain/s19jpro-dead-board-summary.json")
        .onCommand("pools", "bitmain/s19jpro-dead-board-pools.json")
        .onCommand("stats", "bitmain/s19jpro-dead-board-stats.json");
    driver.poll(refusing, ADDR, S19JPRO, AT);
    for (int i = 1; i < JoinedRefusals.RETRY_AFTER; i++) driver.poll(refusing, ADDR, S19JPRO, AT);
    // the next poll is the one that offers a joined request again
    var upgraded = new Fixtures.Replay().onCommand("summary+pools+stats", "bitmain/s19xp-summary+pools+stats.json");

    driver.poll(upgraded, ADDR, S19XP, AT);
    driver.poll(upgraded, ADDR, S19XP, AT);

    assertThat(upgraded.requests).containsExactly("{\"command\":\"summary+pools+stats\"}", "{\"command\":\"summary+pools+stats\"}");
  }

  @Test
  void s21_isAskedForTheNewApiStats_andReadsItsChainArray() throws Exception {
    var miner = new Fixtures.Replay()
        .onCommand("summary+pools", "bitmain/s21-summary+pools.json")
        .on(BitmainDriver.NEW_API_STATS, "bitmain/s21-stats-new-api.json");

    MinerTelemetry t = driver.poll(miner, ADDR, S21, AT);

    assertThat(miner.requests).containsExactly("{\"command\":\"summary+pools\"}", "{\"command\":\"stats\",\"new_api\":true}");
    assertThat(t.hashrateNow().ths()).isCloseTo(201.46, within(0.01));
    assertThat(t.boards()).extracting(HashboardReading::chips).containsExactly(108, 108, 108);
    assertThat(t.boards().get(0).hashrate().ths()).isCloseTo(67.23, within(0.01));
    assertThat(t.boards().get(1).chipTempC()).isEqualTo(78.0);
    assertThat(t.tempMaxC()).isEqualTo(78.0);
    assertThat(t.fanRpm()).containsExactly(4320, 4290, 4350, 4260);
    assertThat(t.hwErrors()).isEqualTo(41);
    assertThat(t.uptimeS()).isEqualTo(172800);
    assertThat(t.activePool().user()).isEqualTo("hashfleet.s21x12");
    assertThat(t.powerW()).isNull();
  }
}
