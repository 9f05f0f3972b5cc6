package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hashfleet.domain.Btc;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Against a local server answering in the shape Braiins Pool's account API documents. */
class BraiinsPoolRewardsTest {
  static final String REPLY = """
      {"btc":{"daily_rewards":[
        {"date":1733011200,"total_reward":"0.01212345","mining_reward":"0.01200000","bos_plus_reward":"0.00012345",
         "referral_bonus":"0.00000000","referral_reward":"0.00000000","calculation_date":1733097600},
        {"date":1733097600,"total_reward":"0.00000000","mining_reward":"0.00000000","bos_plus_reward":"0.00000000",
         "referral_bonus":"0.00000000","referral_reward":"0.00000000","calculation_date":1733184000}
      ]}}""";

  @Test
  void eachDaysRewardIsAPayoutCreditedTheNextDay() throws Exception {
    AtomicReference<String> token = new AtomicReference<>();
    AtomicReference<String> query = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/accounts/rewards/json/btc", ex -> {
      token.set(ex.getRequestHeaders().getFirst("Pool-Auth-Token"));
      query.set(ex.getRequestURI().getQuery());
      byte[] b = REPLY.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(token.get().equals("good") ? 200 : 401, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      List<Payout> p = new BraiinsPoolRewards(base, "good").fetch(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2));
      assertThat(query.get()).isEqualTo("from=2024-12-01&to=2024-12-02");
      assertThat(p).singleElement().satisfies(x -> {
        assertThat(x.id()).isEqualTo("braiins:2024-12-01");
        assertThat(x.paidAt()).isEqualTo(Instant.parse("2024-12-02T00:00:00Z"));
        assertThat(x.amount()).isEqualTo(Btc.parse("0.01212345"));
      });
      assertThat(new BraiinsPoolRewards(base, "good", "bluepeak-main").fetch(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2)))
          .as("a labelled account's ids stay apart from another account's").extracting(Payout::id).containsExactly("braiins:bluepeak-main:2024-12-01");
      assertThatThrownBy(() -> new BraiinsPoolRewards(base, "good", "two words")).hasMessageContaining("account label");
      assertThatThrownBy(() -> new BraiinsPoolRewards(base, "bad").fetch(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 2)))
          .hasMessageContaining("token was refused (HTTP 401)");
    } finally {
      server.stop(0);
    }
  }
}
