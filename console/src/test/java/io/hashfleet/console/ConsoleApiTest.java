package io.hashfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.console.demo.DemoAccounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleApiTest {
  static ConsoleFixture fx;

  @BeforeAll
  static void start() {
    fx = new ConsoleFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String anyMinerOf(String owner) {
    return fx.byOwner.get(owner).get(0);
  }

  /** Every API route with its path parameters filled with real ids of the fleet. */
  private static List<String[]> concreteRoutes() {
    List<String[]> out = new ArrayList<>();
    for (String route : fx.server.apiRoutes()) {
      String[] mp = route.split(" ", 2);
      String path = mp[1].replace("{site}", "dallas").replace("{address}", anyMinerOf(DemoAccounts.OWNER_A)).replace("{id}", "abcdefabcdef");
      out.add(new String[] {mp[0], path});
    }
    return out;
  }

  @Test
  void every_endpoint_but_login_answers_401_without_credentials() {
    ApiClient anonymous = new ApiClient(fx.base());
    List<String[]> routes = concreteRoutes();
    assertThat(routes).hasSizeGreaterThan(20);
    for (String[] r : routes) {
      if (r[1].equals("/api/login")) continue;
      ApiClient.Reply reply = anonymous.send(r[0], r[1], r[0].equals("GET") || r[0].equals("DELETE") ? null : "{}");
      assertThat(reply.status()).as(r[0] + " " + r[1]).isEqualTo(401);
    }
    // A made-up session cookie or token is no better than none.
    ApiClient forged = new ApiClient(fx.base());
    forged.bearer = "hf_not-a-real-token";
    assertThat(forged.get("/api/overview").status()).isEqualTo(401);
  }

  @Test
  void openapi_document_lists_exactly_the_routes_the_server_has() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(new ApiClient(fx.base()).get("/openapi.json").body());
    Set<String> documented = new HashSet<>();
    doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> documented.add(m.getKey().toUpperCase() + " " + p.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(fx.server.apiRoutes());
  }

  @Test
  void owner_overview_counts_only_its_own_miners() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    JsonNode o = northwind.get("/api/overview").json();
    List<String> mine = fx.byOwner.get(DemoAccounts.OWNER_A);
    assertThat(o.get("miners").asLong()).isEqualTo(mine.size());
    assertThat(o.get("hashrate_mhs").asLong()).isEqualTo(fx.ownerMhs(DemoAccounts.OWNER_A));
    assertThat(o.get("installed_mhs").asLong()).isEqualTo(mine.size() * io.hashfleet.domain.ModelCatalog.bundled().byId("s19xp").orElseThrow().nominal().mhs());
    long offline = mine.stream().filter(a -> fx.healthByAddress.get(a).code().equals("offline")).count();
    assertThat(o.get("by_state").get("offline").asLong()).isEqualTo(offline);
    assertThat(o.get("power_w").asLong()).isEqualTo((mine.size() - offline) * ConsoleFixture.S19XP_WATTS);
    // 10 samples a miner, offline ones unanswered: uptime is the answering share.
    assertThat(o.get("uptime_pct24h").asDouble()).isCloseTo(100.0 * (mine.size() - offline) / mine.size(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(names(o.get("sites"), "site")).containsExactly("dallas", "odessa");
  }

  @Test
  void operator_sees_every_miner_including_unowned_ones() {
    ApiClient ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
    JsonNode o = ops.get("/api/overview").json();
    assertThat(o.get("miners").asLong()).isEqualTo(fx.miners.size());
    assertThat(names(o.get("sites"), "site")).containsExactly("austin", "dallas", "odessa");
    assertThat(ops.get("/api/miners/10.9.1.1:4028").status()).isEqualTo(200);
  }

  @Test
  void an_owner_never_reaches_another_owners_miners_through_any_endpoint() {
    ApiClient bluepeak = ApiClient.loggedIn(fx.base(), "bluepeak", "bluepeak-demo");
    String theirs = anyMinerOf(DemoAccounts.OWNER_A);
    assertThat(bluepeak.get("/api/miners/" + theirs).status()).isEqualTo(404);
    assertThat(bluepeak.get("/api/miners/" + theirs + "/series").status()).isEqualTo(404);
    assertThat(bluepeak.get("/api/miners/10.9.1.1:4028").status()).as("unowned miner").isEqualTo(404);
    assertThat(bluepeak.get("/api/sites/austin").status()).as("site where it has nothing").isEqualTo(404);
    assertThat(bluepeak.get("/api/sites/austin/heatmap").status()).isEqualTo(404);
    assertThat(bluepeak.get("/api/sites/austin/series").status()).isEqualTo(404);
    assertThat(bluepeak.get("/api/miners?q=" + theirs).json().get("miners")).isEmpty();

    // Shared site: the heatmap and listings hold its own machines and nothing else.
    JsonNode heat = bluepeak.get("/api/sites/dallas/heatmap").json();
    Set<String> shown = new HashSet<>(names(heat.get("address")));
    Set<String> own = new HashSet<>(fx.byOwner.get(DemoAccounts.OWNER_B));
    assertThat(shown).isNotEmpty().allMatch(own::contains);
    JsonNode page = bluepeak.get("/api/miners?limit=1000").json();
    assertThat(page.get("total").asLong()).isEqualTo(own.size());
    assertThat(names(page.get("miners"), "address")).allMatch(own::contains);
    assertThat(names(bluepeak.get("/api/alerts?state=all").json(), "address")).isNotEmpty().allMatch(own::contains);

    // No answer to any route, with the other owner's ids, carries one of its addresses.
    for (String[] r : concreteRoutes()) {
      if (!r[0].equals("GET") || r[1].equals("/api/stream")) continue;
      ApiClient.Reply reply = bluepeak.get(r[1]);
      for (String a : fx.byOwner.get(DemoAccounts.OWNER_A)) assertThat(reply.body()).as(r[1]).doesNotContain("\"" + a + "\"");
      assertThat(reply.body()).as(r[1]).doesNotContain("10.9.1.1:4028");
    }
  }

  @Test
  void site_summary_of_a_shared_site_is_the_owners_part_only() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    JsonNode dallas = northwind.get("/api/sites/dallas").json();
    long expected = fx.miners.stream().filter(m -> "dallas".equals(m.location().site()))
        .filter(m -> fx.byOwner.get(DemoAccounts.OWNER_A).contains(m.address().toString())).count();
    assertThat(dallas.get("miners").asLong()).isEqualTo(expected).isEqualTo(20);
  }

  @Test
  void changes_with_a_session_need_the_csrf_token_and_tokens_work_for_scripts() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    String csrf = northwind.csrf;
    northwind.csrf = null;
    assertThat(northwind.post("/api/tokens", "{\"label\":\"grafana\"}").status()).isEqualTo(403);
    northwind.csrf = "wrong";
    assertThat(northwind.post("/api/tokens", "{\"label\":\"grafana\"}").status()).isEqualTo(403);
    northwind.csrf = csrf;
    ApiClient.Reply created = northwind.post("/api/tokens", "{\"label\":\"grafana\"}");
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asText();
    String id = created.json().get("id").asText();

    ApiClient script = new ApiClient(fx.base());
    script.bearer = token;
    assertThat(script.get("/api/overview").json().get("miners").asLong()).isEqualTo(fx.byOwner.get(DemoAccounts.OWNER_A).size());
    assertThat(northwind.delete("/api/tokens/" + id).status()).isEqualTo(200);
    assertThat(script.get("/api/overview").status()).isEqualTo(401);
  }

  @Test
  void roles_limit_what_each_user_may_change() {
    ApiClient owner = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    assertThat(owner.post("/api/energy/events", "{\"site\":\"dallas\",\"shed_mw\":1}").status()).as("owners do not command miners").isEqualTo(403);
    assertThat(owner.post("/api/users", "{\"username\":\"mole\",\"password\":\"long-enough-1\",\"role\":\"operator\",\"tenant\":\"hostco\"}").status())
        .isEqualTo(403);
    assertThat(owner.post("/api/users", "{\"username\":\"mole\",\"password\":\"long-enough-1\",\"role\":\"viewer\",\"tenant\":\"bluepeak\"}").status())
        .isEqualTo(403);
    assertThat(owner.post("/api/users", "{\"username\":\"nw-analyst\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}").status()).isEqualTo(201);
    ApiClient viewer = ApiClient.loggedIn(fx.base(), "northwind-viewer", "northwind-view-demo");
    assertThat(viewer.post("/api/tokens", "{}").status()).isEqualTo(403);
    assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
    ApiClient ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
    assertThat(ops.post("/api/energy/events", "{\"site\":\"dallas\",\"shed_mw\":1}").status()).as("no controller in this process").isEqualTo(409);
  }

  @Test
  void failed_logins_are_throttled_and_audited() {
    ApiClient guesser = new ApiClient(fx.base());
    for (int i = 0; i < 5; i++) assertThat(guesser.login("bluepeak-viewer-x", "guess" + i).status()).isEqualTo(401);
    ApiClient.Reply sixth = guesser.login("bluepeak-viewer-x", "guess5");
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.raw().headers().firstValue("Retry-After")).isPresent();

    ApiClient admin = ApiClient.loggedIn(fx.base(), "ops-admin", "hostco-admin-demo");
    JsonNode log = admin.get("/api/audit?limit=1000").json();
    List<String> actions = new ArrayList<>();
    log.forEach(e -> {
      if ("bluepeak-viewer-x".equals(e.path("target").asText())) actions.add(e.get("action").asText());
    });
    assertThat(actions).containsOnly("login_failed", "login_throttled").contains("login_throttled").hasSize(6);
    // An owner's admin reads its own tenant's log only.
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    assertThat(northwind.get("/api/audit").json()).allMatch(e -> e.get("tenant").asText().equals(DemoAccounts.OWNER_A));
  }

  @Test
  void the_treasury_is_shown_to_the_owner_whose_books_these_are_and_to_no_one_else() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    JsonNode t = northwind.get("/api/treasury").json();
    assertThat(t.get("holdings_sats").asLong()).isEqualTo(3 * ConsoleFixture.PAYOUT_SATS);
    // Today's close is 98,000.00: 0.37037034 BTC is worth $36,296.29 (rounded to the cent).
    assertThat(t.get("usd_per_btc").decimalValue()).isEqualByComparingTo("98000.00");
    assertThat(t.get("market_value").decimalValue()).isEqualByComparingTo("36296.29");
    assertThat(t.get("latest_entries")).hasSize(3);
    ApiClient bluepeak = ApiClient.loggedIn(fx.base(), "bluepeak", "bluepeak-demo");
    assertThat(bluepeak.get("/api/treasury").status()).isEqualTo(404);
    ApiClient ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
    assertThat(ops.get("/api/treasury").status()).as("the operator hosts the machines, not the coins").isEqualTo(404);
  }

  @Test
  void expected_production_follows_each_owners_own_hashrate_and_payouts_show_only_with_books() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    ApiClient bluepeak = ApiClient.loggedIn(fx.base(), "bluepeak", "bluepeak-demo");
    JsonNode a = northwind.get("/api/production").json();
    JsonNode b = bluepeak.get("/api/production").json();
    assertThat(a.get("books").asBoolean()).isTrue();
    assertThat(a.get("actual_sats").isNull()).isFalse();
    assertThat(b.get("books").asBoolean()).isFalse();
    assertThat(b.get("actual_sats").isNull()).isTrue();
    assertThat(b.toString()).doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS));
    // Same chain, same period: expected BTC splits as the two owners' measured hashrates do.
    double ratio = a.get("expected_sats").asDouble() / b.get("expected_sats").asDouble();
    double hashRatio = (double) fx.ownerMhs(DemoAccounts.OWNER_A) / fx.ownerMhs(DemoAccounts.OWNER_B);
    assertThat(ratio).isCloseTo(hashRatio, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(northwind.get("/api/production?month=2024-13").status()).isEqualTo(400);
  }

  @Test
  void an_owner_sees_events_at_its_sites_with_its_own_machines_only() {
    ApiClient northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    JsonNode events = northwind.get("/api/energy/events").json();
    assertThat(names(events, "id")).containsExactly("dr-dallas");
    JsonNode dallas = events.get(0);
    assertThat(dallas.get("shed_watts").isNull()).as("site-wide shed reveals the other owner's load").isTrue();
    assertThat(dallas.get("baseline_watts").isNull()).isTrue();
    long mine = fx.minersAt("dallas", DemoAccounts.OWNER_A);
    assertThat(dallas.get("slept_miners").asLong()).isEqualTo(mine);
    assertThat(dallas.get("planned_watts").asLong()).isEqualTo(mine * ConsoleFixture.S19XP_WATTS);
    JsonNode detail = northwind.get("/api/energy/events/dr-dallas").json();
    assertThat(names(detail.get("actions"), "address")).isNotEmpty().allMatch(fx.byOwner.get(DemoAccounts.OWNER_A)::contains);
    assertThat(northwind.get("/api/energy/events/dr-austin").status()).isEqualTo(404);

    ApiClient ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
    JsonNode all = ops.get("/api/energy/events").json();
    assertThat(names(all, "id")).containsExactlyInAnyOrder("dr-dallas", "dr-austin");
    JsonNode opsDallas = ops.get("/api/energy/events/dr-dallas").json().get("event");
    assertThat(opsDallas.get("shed_watts").asLong()).isEqualTo(120_000L);
    assertThat(opsDallas.get("slept_miners").asLong()).isEqualTo(fx.minersAt("dallas", null));
    // Half of the sleeps were confirmed by telemetry (every other machine in fixture order).
    assertThat(opsDallas.get("confirmed_watts").asLong()).isEqualTo((fx.minersAt("dallas", null) + 1) / 2 * ConsoleFixture.S19XP_WATTS);
  }

  @Test
  void bad_requests_get_400_with_a_message_that_names_the_problem() {
    ApiClient anonymous = new ApiClient(fx.base());
    ApiClient.Reply notJson = anonymous.post("/api/login", "{\"username\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("error").asText()).contains("JSON");
    assertThat(anonymous.post("/api/login", "{}").status()).isEqualTo(400);
    ApiClient ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
    ApiClient.Reply badLimit = ops.get("/api/miners?limit=0");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().get("error").asText()).contains("limit");
    assertThat(ops.get("/api/miners?health=sleepy").json().get("error").asText()).contains("unknown health state 'sleepy'");
    assertThat(ops.get("/api/miners/not-an-address:port").status()).isEqualTo(400);
  }

  private static List<String> names(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
