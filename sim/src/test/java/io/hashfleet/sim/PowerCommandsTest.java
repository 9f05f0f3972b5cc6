package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LuxOS sessions and curtail, Braiins pause and resume, Avalon ascset softoff/softon, over the wire; time moved by hand. */
class PowerCommandsTest {
  private static final Duration SLEEP = Duration.ofSeconds(5);
  private static final Duration BOOT = Duration.ofSeconds(180);
  private final ManualClock clock = new ManualClock();

  private SimFleet fleet(String firmware) {
    return fleet("s19xp:1", firmware);
  }

  private SimFleet fleet(String models, String firmware) {
    SimConfig c = new SimConfig(4, Cidr.parse("127.0.30.0/24"), SimConfig.parseMix(models), SimConfig.parseMix(firmware),
        0, 11, "0.0.0.0", 0, ModelCatalog.bundled()).withPowerTiming(SLEEP, BOOT);
    return SimFleet.start(c, clock);
  }

  private static String session(String ip, int port) throws Exception {
    return Wire.json(ip, port, "{\"command\":\"session\"}").at("/SESSION/0/SessionID").asText();
  }

  @Test
  void luxos_allowsOneSession_andCurtailsSleepAndWakeup() throws Exception {
    try (SimFleet f = fleet("luxos:1")) {
      VirtualMinerView m = f.miners().get(0);
      assertThat(session(m.ip(), f.port())).isEmpty();
      JsonNode logon = Wire.json(m.ip(), f.port(), "{\"command\":\"logon\"}");
      String sid = logon.at("/SESSION/0/SessionID").asText();
      assertThat(sid).isNotEmpty();
      assertThat(Wire.json(m.ip(), f.port(), "{\"command\":\"logon\"}").at("/STATUS/0/STATUS").asText()).isEqualTo("E");
      assertThat(session(m.ip(), f.port())).isEqualTo(sid);

      JsonNode sleep = Wire.json(m.ip(), f.port(), "{\"command\":\"curtail\",\"parameter\":\"" + sid + ",sleep\"}");
      assertThat(sleep.at("/STATUS/0/Code").asInt()).isEqualTo(335);
      assertThat(f.at(m.ip()).orElseThrow().powerState()).isEqualTo(PowerState.WINDING_DOWN);
      clock.advance(SLEEP);
      JsonNode asleep = Wire.json(m.ip(), f.port(), "{\"command\":\"summary+power\"}");
      assertThat(asleep.at("/summary/0/SUMMARY/0/GHS 5s").asDouble()).isZero();
      assertThat(asleep.at("/power/0/POWER/0/Watts").asInt()).isEqualTo(15);

      Wire.json(m.ip(), f.port(), "{\"command\":\"curtail\",\"parameter\":\"" + sid + ",wakeup\"}");
      assertThat(f.at(m.ip()).orElseThrow().powerState()).isEqualTo(PowerState.BOOTING);
      clock.advance(BOOT.plus(BOOT.dividedBy(6)));
      VirtualMinerView awake = f.at(m.ip()).orElseThrow();
      assertThat(awake.powerState()).isEqualTo(PowerState.HASHING);
      assertThat(awake.avgThs()).isEqualTo(m.avgThs());
      assertThat(Wire.json(m.ip(), f.port(), "{\"command\":\"summary\"}").at("/SUMMARY/0/Elapsed").asLong())
          .as("waking restarted the miner").isEqualTo(BOOT.plus(BOOT.dividedBy(6)).toSeconds());

      assertThat(Wire.json(m.ip(), f.port(), "{\"command\":\"logoff\",\"parameter\":\"" + sid + "\"}").at("/STATUS/0/STATUS").asText())
          .isEqualTo("S");
      assertThat(session(m.ip(), f.port())).isEmpty();
    }
  }

  @Test
  void luxos_refusesCurtailWithoutAValidSession() throws Exception {
    try (SimFleet f = fleet("luxos:1")) {
      String ip = f.miners().get(1).ip();
      JsonNode n = Wire.json(ip, f.port(), "{\"command\":\"curtail\",\"parameter\":\"nosuchid,sleep\"}");
      assertThat(n.at("/STATUS/0/STATUS").asText()).isEqualTo("E");
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
    }
  }

  @Test
  void braiins_pausesAndResumes_andTheTunerReportsStandbyDraw() throws Exception {
    try (SimFleet f = fleet("braiins:1")) {
      String ip = f.miners().get(2).ip();
      assertThat(Wire.json(ip, f.port(), "{\"command\":\"pause\"}").at("/STATUS/0/STATUS").asText()).isEqualTo("S");
      clock.advance(SLEEP);
      JsonNode n = Wire.json(ip, f.port(), "{\"command\":\"summary+tunerstatus\"}");
      assertThat(n.at("/summary/0/SUMMARY/0/MHS 5s").asDouble()).isZero();
      assertThat(n.at("/tunerstatus/0/TUNERSTATUS/0/ApproximateMinerPowerConsumption").asInt()).isEqualTo(15);
      assertThat(Wire.json(ip, f.port(), "{\"command\":\"pause\"}").at("/STATUS/0/STATUS").asText()).as("idempotent").isEqualTo("S");
      Wire.json(ip, f.port(), "{\"command\":\"resume\"}");
      clock.advance(BOOT.plus(Duration.ofSeconds(15)));
      VirtualMinerView ramping = f.at(ip).orElseThrow();
      assertThat(ramping.powerState()).isEqualTo(PowerState.RAMPING_UP);
      assertThat(ramping.watts()).isBetween(200, 3000);
    }
  }

  @Test
  void avalon_softoffAndSofton_inJsonAndPlainText_answerAscSetOk_andTheStatusStringFollows() throws Exception {
    try (SimFleet f = fleet("a1366:1", "stock:1")) {
      VirtualMinerView m = f.miners().get(0);
      String ip = m.ip();
      long now = clock.millis() / 1000;
      assertThat(mmId(ip, f.port())).contains("SoftOFF[0]", "SYSTEMSTATU[Work: In Work, Hash Board: 3 ]");

      JsonNode off = Wire.json(ip, f.port(), "{\"command\":\"ascset\",\"parameter\":\"0,softoff,1:" + now + "\"}");
      assertThat(off.at("/STATUS/0/STATUS").asText()).isEqualTo("S");
      assertThat(off.at("/STATUS/0/Code").asInt()).isEqualTo(119);
      assertThat(off.at("/STATUS/0/Msg").asText()).isEqualTo("ASC 0 set OK");
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.WINDING_DOWN);
      clock.advance(SLEEP);
      JsonNode asleep = Wire.json(ip, f.port(), "{\"command\":\"summary+estats\"}");
      assertThat(asleep.at("/summary/0/SUMMARY/0/MHS av").asDouble()).isZero();
      String mm = asleep.at("/estats/0/STATS/0/MM ID0").asText();
      assertThat(mm).contains("SoftOFF[1]", "SYSTEMSTATU[Work: In Idle, Hash Board: 3 ]", "PS[0 1209 0 0 0 1303 15]", "MGHS[0.00 0.00 0.00]");

      // the plain-text form cgminer also takes, answered in its KEY=value form
      String on = Wire.text(ip, f.port(), "ascset|0,softon,1:" + (now + 5));
      assertThat(on).matches("STATUS=S,When=\\d+,Code=119,Msg=ASC 0 set OK,Description=cgminer 4\\.11\\.1\\|\u0000");
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.BOOTING);
      assertThat(mmId(ip, f.port())).contains("SoftOFF[0]", "SYSTEMSTATU[Work: In Init");
      clock.advance(BOOT.plus(BOOT.dividedBy(6)));
      assertThat(f.at(ip).orElseThrow().avgThs()).isEqualTo(m.avgThs());
      assertThat(mmId(ip, f.port())).contains("SYSTEMSTATU[Work: In Work").doesNotContain("PS[0 1209 0 ");
    }
  }

  @Test
  void avalon_badAscsetParameters_getCgminersErrors_andLeaveTheMinerHashing() throws Exception {
    try (SimFleet f = fleet("a1366:1", "stock:1")) {
      String ip = f.miners().get(1).ip();
      assertThat(ascset(ip, f.port(), "0,softof,1:1700000000")).isEqualTo("E 120 ASC 0 set failed: Unknown option: softof");
      assertThat(ascset(ip, f.port(), "0,softoff")).isEqualTo("E 120 ASC 0 set failed: missing softoff setting");
      assertThat(ascset(ip, f.port(), "0,softoff,")).isEqualTo("E 120 ASC 0 set failed: missing softoff setting");
      assertThat(ascset(ip, f.port(), "0,softoff,1700000000")).startsWith("E 120 ASC 0 set failed: invalid softoff setting '1700000000'");
      assertThat(ascset(ip, f.port(), "0,softoff,1:now")).startsWith("E 120 ASC 0 set failed: invalid softoff setting");
      assertThat(ascset(ip, f.port(), "1,softoff,1:1700000000")).isEqualTo("E 107 Invalid ASC id 1 - range is 0 - 0");
      assertThat(ascset(ip, f.port(), "0")).isEqualTo("E 116 Missing option after ASC number");
      assertThat(ascset(ip, f.port(), "")).isEqualTo("E 15 Missing device id parameter");
      assertThat(Wire.json(ip, f.port(), "{\"command\":\"ascset\"}").at("/STATUS/0/Code").asInt()).isEqualTo(15);
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
    }
  }

  private static String ascset(String ip, int port, String parameter) throws Exception {
    JsonNode st = Wire.json(ip, port, "{\"command\":\"ascset\",\"parameter\":\"" + parameter + "\"}").at("/STATUS/0");
    return st.path("STATUS").asText() + " " + st.path("Code").asInt() + " " + st.path("Msg").asText();
  }

  private static String mmId(String ip, int port) throws Exception {
    return Wire.json(ip, port, "{\"command\":\"estats\"}").at("/STATS/0/MM ID0").asText();
  }

  @Test
  void hungMiner_takesNoCommand() throws Exception {
    try (SimFleet f = fleet("braiins:1")) {
      String ip = f.miners().get(3).ip();
      f.inject(ip, Fault.HUNG);
      assertThatThrownBy(() -> Wire.raw(ip, f.port(), "{\"command\":\"pause\"}", 300)).isInstanceOf(SocketTimeoutException.class);
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
    }
  }
}
