package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a stub of firmware that says success to a change it then ignores, as some S19 builds do. */
class AntminerWebControlTest {
  private static final String CONF = "{\"pools\":[{\"url\":\"stratum+tcp://p:3333\",\"user\":\"w\",\"pass\":\"x\"}],"
      + "\"bitmain-fan-pwm\":\"100\",\"bitmain-work-mode\":\"0\"}";
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  private int serveForgetfulFirmware() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cgi-bin/get_miner_conf.cgi", x -> reply(x, CONF));
    server.createContext("/cgi-bin/set_miner_conf.cgi", x -> {
      posted.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      reply(x, "{\"stats\":\"success\",\"code\":\"M000\",\"msg\":\"OK!\"}");
    });
    server.start();
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange x, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(200, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  @Test
  void aChangeTheFirmwareAcknowledgesButDoesNotApply_isAFailure() throws Exception {
    int port = serveForgetfulFirmware();
    MinerAddress miner = new MinerAddress("127.0.0.1", 4028);
    CommandResult r = MinerControl.send(miner, Dialect.BITMAIN, PowerCommand.sleep(),
        ControlSettings.DEFAULT.withTimeouts(SimRig.FAST).withAntminerWebPort(port));

    assertThat(r).isInstanceOf(Failed.class);
    assertThat(r.message()).startsWith("127.0.0.1:4028: ").contains("still reads bitmain-work-mode 0").contains("ignored");
    JsonNode body = RelaxedJson.parse(posted.get(0));
    assertThat(body.get("miner-mode").isInt()).as("an integer: the string form is ignored by firmware").isTrue();
    assertThat(body.get("miner-mode").asInt()).isEqualTo(1);
    assertThat(body.has("bitmain-work-mode")).isFalse();
    assertThat(body.at("/pools/0/url").asText()).as("the whole configuration goes back").isEqualTo("stratum+tcp://p:3333");
  }
}
