package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LuxOS sessions and curtail, Braiins pause and resume, over the wire; time moved by hand. */
class PowerCommandsTest {
  private static final Duration SLEEP = Duration.ofSeconds(5);
  private static final Duration BOOT = Duration.ofSeconds(180);
  private final ManualClock clock = new ManualClock();

  private SimFleet fleet(String firmware) {
    SimConfig c = new SimConfig(4, Cidr.parse("127.0.30.0/24"), SimConfig.parseMix("s19xp:1"), SimConfig.parseMix(firmware),
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
  void hungMiner_takesNoCommand() throws Exception {
    try (SimFleet f = fleet("braiins:1")) {
      String ip = f.miners().get(3).ip();
      f.inject(ip, Fault.HUNG);
      assertThatThrownBy(() -> Wire.raw(ip, f.port(), "{\"command\":\"pause\"}", 300)).isInstanceOf(SocketTimeoutException.class);
      assertThat(f.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
    }
  }
}
