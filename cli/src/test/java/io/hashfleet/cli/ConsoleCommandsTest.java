package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.Principal;
import io.hashfleet.console.access.Role;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.store.FleetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tenants and users: an operator sets up the console's people on a registered fleet, as from a shell. */
class ConsoleCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  String store;

  /** Four miners at dallas (10.0.1.x) and four at odessa (10.0.2.x), with an operator and two owners. */
  @BeforeEach
  void fleetAndTenants() {
    store = dir.resolve("fleet.duckdb").toString();
    List<FleetMiner> miners = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      miners.add(new FleetMiner(MinerAddress.of("10.0.1." + i), MinerIdentity.UNKNOWN, new MinerLocation("dallas", "A1", i)));
      miners.add(new FleetMiner(MinerAddress.of("10.0.2." + i), MinerIdentity.UNKNOWN, new MinerLocation("odessa", "B1", i)));
    }
    try (FleetStore s = FleetStore.open(Path.of(store))) {
      s.upsertMiners(miners);
    }
    ok(CliRun.of("tenants", "add", "hostco", "--name", "HostCo Mining Services", "--kind", "operator", "--store", store));
    ok(CliRun.of("tenants", "add", "northwind", "--name", "Northwind Digital Assets", "--kind", "owner", "--store", store));
    CliRun bluepeak = ok(CliRun.of("tenants", "add", "bluepeak", "--name", "Bluepeak", "--kind", "owner", "--store", store));
    assertThat(bluepeak.out()).contains("tenant bluepeak (owner) added");
  }

  @Test
  void miners_are_assigned_to_owners_by_site_by_range_and_by_file() throws Exception {
    assertThat(ok(CliRun.of("tenants", "assign", "northwind", "--site", "dallas", "--store", store)).out())
        .contains("4 miners at site dallas assigned to northwind");
    // a /30 holds .0 to .3: three of odessa's miners
    assertThat(ok(CliRun.of("tenants", "assign", "bluepeak", "--range", "10.0.2.0/30", "--store", store)).out())
        .contains("3 miners in 10.0.2.0/30 assigned to bluepeak");
    Path csv = dir.resolve("owners.csv");
    Files.writeString(csv, "address,tenant\n10.0.2.4,bluepeak\n10.0.1.1:4028,bluepeak\n");
    assertThat(ok(CliRun.of("tenants", "assign", "--file", csv.toString(), "--store", store)).out()).contains("2 miners assigned from", "bluepeak 2");

    assertThat(ownerOf("10.0.1.1")).contains("bluepeak"); // moved by the file
    assertThat(ownerOf("10.0.1.2")).contains("northwind");
    assertThat(ownerOf("10.0.2.4")).contains("bluepeak");
    List<JsonNode> tenants = lines(ok(CliRun.of("tenants", "list", "--json", "--store", store)).out());
    assertThat(tenants).extracting(t -> t.get("id").asText() + " " + t.get("miners").asText())
        .containsExactly("bluepeak 5", "northwind 3", "hostco null");

    CliRun toOperator = CliRun.of("tenants", "assign", "hostco", "--site", "dallas", "--store", store);
    assertThat(toOperator.exitCode()).isEqualTo(2);
    assertThat(toOperator.err()).contains("hashfleet tenants assign:", "hostco is the operator");
    CliRun typo = CliRun.of("tenants", "assign", "northwind", "--site", "dalas", "--store", store);
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("no registered miner at site dalas");
  }

  @Test
  void the_books_belong_to_one_owner_never_the_operator() {
    assertThat(ok(CliRun.of("tenants", "books", "northwind", "--store", store)).out()).contains("now northwind's books");
    CliRun operator = CliRun.of("tenants", "books", "hostco", "--store", store);
    assertThat(operator.exitCode()).isEqualTo(2);
    assertThat(operator.err()).contains("the books are an owner's");
    try (FleetStore s = FleetStore.open(java.nio.file.Path.of(store))) {
      assertThat(new io.hashfleet.console.access.Accounts(s, java.time.Clock.systemUTC()).booksTenant()).contains("northwind");
    }
  }

  @Test
  void a_file_with_bad_lines_names_each_one_and_assigns_nothing() throws Exception {
    Path csv = dir.resolve("owners.csv");
    Files.writeString(csv, """
        10.0.1.1,northwind
        10.0.9.9,northwind
        10.0.1.2,acme
        10.0.1.3,hostco
        10.0.1.4:http,northwind
        10.0.2.1:4029,northwind
        """);
    CliRun run = CliRun.of("tenants", "assign", "--file", csv.toString(), "--store", store);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nothing assigned",
        "owners.csv:2: unknown miner address 10.0.9.9:4028",
        "owners.csv:3: unknown tenant 'acme'",
        "owners.csv:4: tenant hostco is the operator",
        "owners.csv:5: malformed address '10.0.1.4:http'",
        "owners.csv:6: unknown miner address 10.0.2.1:4029");
    assertThat(run.err()).doesNotContain("owners.csv:1");
    assertThat(ownerOf("10.0.1.1")).isEmpty();
  }

  @Test
  void a_user_added_with_the_password_on_stdin_logs_in() {
    CliRun added = ok(CliRun.withInput("correct horse battery\n", "users", "add", "alice", "--tenant", "northwind", "--role", "owner-admin", "--store", store));
    assertThat(added.out()).contains("user alice added: owner-admin of northwind");
    Optional<Principal> alice = login("alice", "correct horse battery");
    assertThat(alice).hasValueSatisfying(p -> {
      assertThat(p.role()).isEqualTo(Role.OWNER_ADMIN);
      assertThat(p.ownerTenant()).isEqualTo("northwind");
    });
    assertThat(login("alice", "wrong horse battery")).isEmpty();

    CliRun misfit = CliRun.withInput("correct horse battery\n", "users", "add", "bob", "--tenant", "hostco", "--role", "owner", "--store", store);
    assertThat(misfit.exitCode()).isEqualTo(2);
    assertThat(misfit.err()).contains("hashfleet users add:", "role owner does not fit tenant hostco");
    CliRun noPassword = CliRun.of("users", "add", "carol", "--tenant", "hostco", "--role", "operator", "--store", store);
    assertThat(noPassword.exitCode()).isEqualTo(2);
    assertThat(noPassword.err()).contains("no password");

    String listed = ok(CliRun.of("users", "list", "--tenant", "northwind", "--json", "--store", store)).out();
    assertThat(lines(listed)).singleElement().satisfies(u -> assertThat(u.get("username").asText()).isEqualTo("alice"));
    assertThat(listed).doesNotContain("argon2", "hash");
  }

  @Test
  void a_token_printed_once_authenticates_until_revoked() {
    ok(CliRun.withInput("ops-password-1\n", "users", "add", "ops", "--tenant", "hostco", "--role", "operator", "--store", store));
    CliRun issued = ok(CliRun.of("users", "token", "ops", "--label", "grafana", "--store", store));
    String token = issued.out().strip();
    assertThat(token).startsWith("hf_").doesNotContain("\n");
    assertThat(issued.err()).contains("shown only once");
    assertThat(bearer(token)).hasValueSatisfying(p -> assertThat(p.username()).isEqualTo("ops"));

    String id = accounts(a -> a.tokens("ops")).getFirst().id();
    assertThat(ok(CliRun.of("users", "tokens", "ops", "--store", store)).out()).contains(id, "grafana");
    assertThat(liveTokens("ops")).isEqualTo(1);
    assertThat(ok(CliRun.of("users", "revoke-token", "ops", id, "--store", store)).out()).contains("token " + id + " of ops revoked");
    assertThat(bearer(token)).isEmpty();
    assertThat(liveTokens("ops")).isZero();
    assertThat(lines(ok(CliRun.of("users", "tokens", "ops", "--json", "--store", store)).out())).singleElement()
        .satisfies(t -> assertThat(t.get("revoked_at").isNull()).isFalse());
    assertThat(CliRun.of("users", "revoke-token", "ops", id, "--store", store).exitCode()).isEqualTo(2);
  }

  private int liveTokens(String username) {
    return lines(ok(CliRun.of("users", "list", "--json", "--store", store)).out()).stream()
        .filter(u -> u.get("username").asText().equals(username)).findFirst().orElseThrow().get("live_tokens").asInt();
  }

  private static CliRun ok(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private Optional<String> ownerOf(String host) {
    return accounts(a -> a.ownerOf(MinerAddress.of(host)));
  }

  private Optional<Principal> login(String username, String password) {
    return accounts(a -> a.authenticate(username, password.toCharArray()));
  }

  private Optional<Principal> bearer(String token) {
    return accounts(a -> a.authenticateToken(token));
  }

  /** Reads the accounts directly, as the console would, between commands (the store allows one opener at a time). */
  private <T> T accounts(Function<Accounts, T> query) {
    try (FleetStore s = FleetStore.open(Path.of(store))) {
      return query.apply(new Accounts(s, Clock.systemUTC()));
    }
  }

  private static List<JsonNode> lines(String out) {
    List<JsonNode> rows = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (l.isBlank()) continue;
      try {
        rows.add(JSON.readTree(l));
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }
    return rows;
  }
}
