package io.hashfleet.cli.command.console;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.output.Table;
import io.hashfleet.console.access.Accounts.IssuedToken;
import io.hashfleet.console.access.Accounts.TokenInfo;
import io.hashfleet.console.access.Role;
import io.hashfleet.console.access.User;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The console's users and their API tokens. */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "The console's users: add one (or reset its role and password), list them, give and revoke API tokens. " + AccessStore.STOP_UP,
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class, UsersCommand.Tokens.class,
        UsersCommand.RevokeToken.class})
public final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Add a user, or reset an existing one's tenant, role and password.",
          "The password is never an argument (shell history and the process list would show it): it is read from HASHFLEET_PASSWORD"
              + " when set, else asked for at a terminal, else read from the first line of standard input. At least 8 characters.",
          "  echo \"$PW\" | hashfleet users add alice --tenant northwind --role owner",
          AccessStore.STOP_UP})
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Login name: letters, digits, . _ @ -") String name;
    @Option(names = "--tenant", required = true, paramLabel = "ID") String tenant;
    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "operator-admin or operator (operator's tenant); owner-admin or owner (an owner's tenant); viewer (either, reads only).")
    String role;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      Role r = Role.of(role);
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        boolean existed = s.accounts.user(name).isPresent();
        char[] password = PasswordInput.read(name);
        try {
          s.accounts.putUser(name, tenant, r, password);
        } finally {
          Arrays.fill(password, '\0');
        }
        s.audit(tenant, "user_saved", name, r.code() + " of " + tenant);
        System.out.printf("user %s %s: %s of %s%n", name, existed ? "updated, with a new password" : "added", r.code(), tenant);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with their tenant, role and live API tokens. " + AccessStore.STOP_UP)
  static final class ListUsers implements Callable<Integer> {
    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's users.") String tenant;
    @Option(names = "--json", description = "JSON Lines: one object per user.") boolean json;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        if (tenant != null && s.accounts.tenant(tenant).isEmpty()) throw new IllegalArgumentException("no tenant '" + tenant + "'");
        List<User> users = s.accounts.users(tenant);
        Table table = new Table("USER", "TENANT", "ROLE", "CREATED", "TOKENS", "STATE");
        for (User u : users) {
          long live = s.accounts.tokens(u.username()).stream().filter(t -> t.revokedAt() == null).count();
          if (json) {
            // Never the password hash: a listing gets copied into tickets and chats.
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("username", u.username());
            row.put("tenant", u.tenantId());
            row.put("role", u.role().code());
            row.put("created_at", u.createdAt().toString());
            row.put("disabled", u.disabled());
            row.put("live_tokens", live);
            System.out.println(Json.line(row));
          } else {
            table.row(u.username(), u.tenantId(), u.role().code(), seconds(u.createdAt()), live, u.disabled() ? "disabled" : "active");
          }
        }
        if (!json) {
          table.print(System.out);
          System.err.printf("%d users%n", users.size());
        }
      }
      return 0;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = {"Create an API token for a user's scripts. The token is printed once, alone on standard output; only its SHA-256 is kept.",
          AccessStore.STOP_UP})
  static final class Token implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--label", required = true, paramLabel = "L", description = "What the token is for, e.g. grafana.") String label;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      if (label.isBlank()) throw new IllegalArgumentException("--label is empty");
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        User u = s.accounts.user(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
        if (u.disabled()) throw new IllegalArgumentException("user " + name + " is disabled");
        // The same rule as in the console: a viewer only reads through the pages.
        if (!u.role().createsTokens()) throw new IllegalArgumentException("user " + name + " is a " + u.role().code() + ", who cannot have API tokens");
        IssuedToken issued = s.accounts.createToken(name, label.strip());
        s.audit(u.tenantId(), "token_created", issued.id(), issued.label() + " for " + name);
        // The token alone on stdout, so TOKEN=$(hashfleet users token ...) captures just it; the rest is for the person.
        System.out.println(issued.token());
        System.err.printf("token %s (%s) for %s. It is shown only once: keep it now. Revoke it with: hashfleet users revoke-token %s %s%n",
            issued.id(), issued.label(), name, name, issued.id());
      }
      return 0;
    }
  }

  @Command(name = "tokens", mixinStandardHelpOptions = true, description = "List a user's API tokens by id and label (never the tokens). " + AccessStore.STOP_UP)
  static final class Tokens implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--json", description = "JSON Lines: one object per token.") boolean json;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        if (s.accounts.user(name).isEmpty()) throw new IllegalArgumentException("no user '" + name + "'");
        Table table = new Table("ID", "LABEL", "CREATED", "REVOKED");
        for (TokenInfo t : s.accounts.tokens(name)) {
          if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", t.id());
            row.put("label", t.label());
            row.put("created_at", t.createdAt().toString());
            row.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
            System.out.println(Json.line(row));
          } else {
            table.row(t.id(), t.label(), seconds(t.createdAt()), t.revokedAt() == null ? null : seconds(t.revokedAt()));
          }
        }
        if (!json) table.print(System.out);
      }
      return 0;
    }
  }

  @Command(name = "revoke-token", mixinStandardHelpOptions = true,
      description = "Revoke one of a user's API tokens by its id (see `hashfleet users tokens NAME`). " + AccessStore.STOP_UP)
  static final class RevokeToken implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "ID", description = "The token's 12-character id.") String id;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        User u = s.accounts.user(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
        if (!s.accounts.revokeToken(name, id)) throw new IllegalArgumentException("user " + name + " has no live token " + id);
        s.audit(u.tenantId(), "token_revoked", id, "of " + name);
        System.out.printf("token %s of %s revoked%n", id, name);
      }
      return 0;
    }
  }

  private static String seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
