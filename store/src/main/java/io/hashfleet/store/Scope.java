package io.hashfleet.store;

import io.hashfleet.domain.MinerAddress;
import java.util.Objects;

/** What a series or uptime figure covers: the whole fleet, one site, one model or one miner. */
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
}
