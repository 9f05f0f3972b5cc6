package io.hashfleet.store;

import io.hashfleet.domain.MinerAddress;
import java.util.Objects;

/**
 * What a series or uptime figure covers: the whole fleet, one site, one model, one miner, one
 * owner's miners, or one owner's miners on one site.
 */
public sealed interface Scope {
  record Fleet() implements Scope {}

  record Site(String name) implements Scope {
    public Site {
      Objects.requireNonNull(name, "site name");
    }
  }

  /** @param id catalog model id such as "s19xp" */
  record Model(String id) implements Scope {
    public Model {
      Objects.requireNonNull(id, "model id");
    }
  }

  record Miner(MinerAddress address) implements Scope {
    public Miner {
      Objects.requireNonNull(address, "miner address");
    }
  }

  /**
   * The miners one owner tenant owns (per {@code miner_owners}), wherever they are. The console
   * shows an owner only its own machines, and an owner must never see another owner's hashrate.
   *
   * @param tenant tenants.id of kind owner
   */
  record Owner(String tenant) implements Scope {
    public Owner {
      Objects.requireNonNull(tenant, "owner tenant");
    }
  }

  /**
   * One owner's miners on one site. A hosted site often holds machines of several owners, so the
   * site-wide {@link Site} total would show an owner the others' hashrate: an owner's per-site view
   * must use this instead.
   *
   * @param tenant tenants.id of kind owner; a slug without '/', since the rollups key this scope as
   *     tenant/site and a '/' in the tenant would let one owner's key match another's
   * @param site site name, "" for the owner's miners with no site
   */
  record OwnerSite(String tenant, String site) implements Scope {
    public OwnerSite {
      Objects.requireNonNull(tenant, "owner tenant");
      Objects.requireNonNull(site, "site name");
      if (tenant.contains("/")) throw new IllegalArgumentException("owner tenant must not contain '/': " + tenant);
    }
  }

  static Scope fleet() {
    return new Fleet();
  }

  static Scope site(String name) {
    return new Site(name);
  }

  static Scope model(String id) {
    return new Model(id);
  }

  static Scope miner(MinerAddress address) {
    return new Miner(address);
  }

  static Scope owner(String tenant) {
    return new Owner(tenant);
  }

  static Scope ownerSite(String tenant, String site) {
    return new OwnerSite(tenant, site);
  }
}
