package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.count;
import static io.hashfleet.collect.json.Values.flag;
import static io.hashfleet.collect.json.Values.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.PoolReading;
import java.util.ArrayList;
import java.util.List;

/** The cgminer {@code POOLS} array, which every dialect here shares field for field. */
final class Pools {
  private Pools() {}

  static List<PoolReading> parse(JsonNode pools) {
    List<PoolReading> out = new ArrayList<>();
    if (pools == null || !pools.isArray()) return out;
    for (JsonNode p : pools) {
      if (!p.isObject()) continue;
      String url = text(p, "URL");
      if (url == null || url.isBlank()) continue;
      String user = text(p, "User");
      boolean alive = "Alive".equalsIgnoreCase(String.valueOf(text(p, "Status")));
      out.add(new PoolReading(url, user == null ? "" : user, alive, flag(p, "Stratum Active"),
          count(p, "Accepted"), count(p, "Rejected"), count(p, "Stale")));
    }
    return out;
  }
}
