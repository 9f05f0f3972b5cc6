package io.hashfleet.cli.command.console;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.output.Table;
import io.hashfleet.console.access.Tenant;
import io.hashfleet.console.access.TenantKind;
import io.hashfleet.console.access.User;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The console's tenants: the operator who runs the sites, and the owners who each see only their own miners. */
@Command(name = "tenants", mixinStandardHelpOptions = true,
    description = "The console's tenants: add the operator and the owners, list them, assign miners to an owner. " + AccessStore.STOP_UP,
    subcommands = {TenantsCommand.Add.class, TenantsCommand.ListTenants.class, TenantsCommand.Assign.class, TenantsCommand.Books.class})
public final class TenantsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a tenant, or rename one (its kind cannot change). " + AccessStore.STOP_UP)
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Short slug used in URLs: lower-case letters, digits, dashes (e.g. northwind).") String id;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name people read, e.g. \"Northwind Digital Assets\".") String name;
    @Option(names = "--kind", required = true, paramLabel = "KIND",
        description = "operator (hosts and runs the machines, sees them all) or owner (sees only the miners assigned to it).") String kind;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      Tenant tenant = new Tenant(id, name, TenantKind.of(kind));
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        boolean existed = s.accounts.tenant(id).isPresent();
        s.accounts.putTenant(tenant);
        s.audit(id, "tenant_saved", id, kind + " " + name);
        System.out.printf("tenant %s (%s) %s: %s%n", id, tenant.kind().code(), existed ? "renamed" : "added", name);
      }
      return 0;
    }
  }

  @Command(name = "books", mixinStandardHelpOptions = true,
      description = "Name the owner whose books are the store's default ones (payouts and ledger entries booked without --owner): "
          + "the console shows them to that owner's people and to no one else. Other owners' books are kept with --owner. " + AccessStore.STOP_UP)
  static final class Books implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The owner tenant.") String id;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        s.accounts.setBooksTenant(id);
        s.audit(id, "books_tenant_set", id, null);
        System.out.printf("payouts and treasury booked without --owner in %s are now %s's books%n", storeOptions.store(), id);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants with their miners and users. " + AccessStore.STOP_UP)
  static final class ListTenants implements Callable<Integer> {
    @Option(names = "--json", description = "JSON Lines: one object per tenant.") boolean json;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        Map<String, Integer> miners = s.accounts.minerCounts();
        Map<String, Long> users = s.accounts.users(null).stream().collect(Collectors.groupingBy(User::tenantId, Collectors.counting()));
        List<Tenant> tenants = s.accounts.tenants();
        Table table = new Table("ID", "KIND", "MINERS", "USERS", "NAME");
        for (Tenant t : tenants) {
          // The operator owns nothing yet sees every miner; a count of 0 would mislead.
          Integer owned = t.kind() == TenantKind.OPERATOR ? null : miners.getOrDefault(t.id(), 0);
          long people = users.getOrDefault(t.id(), 0L);
          if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", t.id());
            row.put("name", t.name());
            row.put("kind", t.kind().code());
            row.put("miners", owned);
            row.put("users", people);
            System.out.println(Json.line(row));
          } else {
            table.row(t.id(), t.kind().code(), owned == null ? "all" : owned, people, t.name());
          }
        }
        if (!json) {
          table.print(System.out);
          int owned = miners.values().stream().mapToInt(Integer::intValue).sum();
          System.err.printf("%d tenants; %,d of %,d registered miners have no owner (only the operator sees them)%n", tenants.size(),
              Math.max(0, s.store.minerCount() - owned), s.store.minerCount());
        }
      }
      return 0;
    }
  }

  @Command(name = "assign", mixinStandardHelpOptions = true,
      description = {"Make an owner tenant the owner of registered miners (replacing any previous owner): those at a site, in an IPv4 range,"
          + " or listed in a CSV of address,tenant lines (header optional; address host or host:port, port 4028 by default)."
          + " A file is applied whole or not at all: every bad line is reported as FILE:LINE.",
          "  hashfleet tenants assign northwind --site dallas",
          "  hashfleet tenants assign bluepeak --range 10.2.0.0/16",
          "  hashfleet tenants assign --file owners.csv",
          AccessStore.STOP_UP})
  static final class Assign implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The owner tenant; not with --file, whose lines name it.") String tenantId;
    @ArgGroup(exclusive = true, multiplicity = "1") Which which;
    @Mixin StoreOptions storeOptions;

    static final class Which {
      @Option(names = "--site", paramLabel = "S", description = "Every registered miner at this site.") String site;
      @Option(names = "--range", paramLabel = "CIDR", description = "Every registered miner whose address is in this IPv4 range.") String range;
      @Option(names = "--file", paramLabel = "FILE.csv", description = "address,tenant lines.") Path file;
    }

    @Override
    public Integer call() throws IOException {
      if (which.file != null && tenantId != null) throw new IllegalArgumentException("give no ID with --file: each line names its tenant");
      if (which.file == null && tenantId == null) throw new IllegalArgumentException("name the owner tenant: tenants assign ID --site S | --range CIDR");
      try (AccessStore s = new AccessStore(storeOptions.store())) {
        if (which.file != null) fromFile(s);
        else if (which.site != null) matching(s, m -> which.site.equals(m.location().site()), "at site " + which.site);
        else {
          Cidr cidr = Cidr.parse(which.range);
          matching(s, m -> cidr.contains(m.address().host()), "in " + cidr);
        }
      }
      return 0;
    }

    private void matching(AccessStore s, Predicate<FleetMiner> filter, String where) {
      List<MinerAddress> chosen = s.store.miners().stream().filter(filter).map(FleetMiner::address).toList();
      // Most likely a typo in the site or range; assigning nothing silently would hide it.
      if (chosen.isEmpty()) throw new IllegalArgumentException("no registered miner " + where);
      int n = s.accounts.assignMiners(tenantId, chosen);
      s.audit(tenantId, "miners_assigned", tenantId, n + " miners " + where);
      System.out.printf("%,d miners %s assigned to %s%n", n, where, tenantId);
    }

    private void fromFile(AccessStore s) throws IOException {
      Set<MinerAddress> registered = s.store.miners().stream().map(FleetMiner::address).collect(Collectors.toSet());
      Map<String, List<MinerAddress>> byTenant = OwnershipCsv.read(which.file, registered, s.accounts.tenants());
      // Every line was checked above, so none of these writes can be refused half-way through.
      int total = 0;
      List<String> counts = new ArrayList<>();
      for (Map.Entry<String, List<MinerAddress>> e : byTenant.entrySet()) {
        int n = s.accounts.assignMiners(e.getKey(), e.getValue());
        s.audit(e.getKey(), "miners_assigned", e.getKey(), n + " miners from " + which.file.getFileName());
        total += n;
        counts.add(e.getKey() + " " + n);
      }
      System.out.printf("%,d miners assigned from %s%s%n", total, which.file, counts.isEmpty() ? "" : ": " + String.join(", ", counts));
    }
  }
}
