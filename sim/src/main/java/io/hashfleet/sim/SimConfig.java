package io.hashfleet.sim;

import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to build a virtual fleet.
 *
 * @param miners how many virtual miners, on consecutive addresses from the start of {@code range}
 * @param range where the miners live; must lie in 127.0.0.0/8, because the fleet tells miners
 *     apart by the loopback address a client connected to
 * @param modelMix catalog model id to relative weight ({@code s19xp:60,s21:30,m50s:10})
 * @param firmwareMix firmware for Antminers ("stock", "braiins", "luxos") to relative weight;
 *     Whatsminers always speak btminer and Avalons Canaan cgminer
 * @param faultPct percent (0–100) of miners given a random fault at start
 * @param bindHost host the single listening socket binds to
 * @param port the one TCP port every miner answers on; 0 picks a free port (tests)
 * @param httpPort the one port every stock Antminer serves its web configuration on (80 on real
 *     units); 0 picks a free port
 * @param sleepTime how long a miner told to sleep takes to wind down to standby draw
 * @param bootTime how long a miner told to wake takes before it hashes again; it then ramps to
 *     full rate over a sixth of this
 * @param grpcPort the one port every Braiins OS miner serves its public gRPC API on (50051 on
 *     real units); 0 picks a free port
 */
public record SimConfig(
    int miners,
    Cidr range,
    Map<String, Integer> modelMix,
    Map<String, Integer> firmwareMix,
    double faultPct,
    long seed,
    String bindHost,
    int port,
    ModelCatalog catalog,
    int httpPort,
    Duration sleepTime,
    Duration bootTime,
    int grpcPort) {

  public static final Map<String, Integer> DEFAULT_FIRMWARE_MIX = parseMix("stock:70,braiins:20,luxos:10");
  /** Firmware takes a few seconds to stop its hashboards once told to sleep. */
  public static final Duration DEFAULT_SLEEP_TIME = Duration.ofSeconds(5);
  /** Waking is a cold start: boot, chip detection and tuning take about three minutes before the first share. */
  public static final Duration DEFAULT_BOOT_TIME = Duration.ofSeconds(180);

  public SimConfig {
    if (miners <= 0) throw new IllegalArgumentException("miners must be positive, got " + miners);
    if (range == null) throw new IllegalArgumentException("range is required");
    if (miners > range.size()) {
      throw new IllegalArgumentException(miners + " miners do not fit range " + range + " (" + range.size() + " addresses)");
    }
    if ((range.base() >>> 24) != 127 || ((range.base() + miners - 1) >>> 24) != 127) {
      throw new IllegalArgumentException("range " + range + " with " + miners + " miners leaves 127.0.0.0/8: miners are served on loopback addresses");
    }
    if (catalog == null) catalog = ModelCatalog.bundled();
    if (modelMix == null || modelMix.isEmpty()) throw new IllegalArgumentException("model mix is empty");
    for (var e : modelMix.entrySet()) {
      if (catalog.byId(e.getKey()).isEmpty()) {
        throw new IllegalArgumentException("model mix: unknown model id '" + e.getKey() + "' (known: " + knownIds(catalog) + ")");
      }
      if (e.getValue() < 0) throw new IllegalArgumentException("model mix: negative weight for '" + e.getKey() + "'");
    }
    if (modelMix.values().stream().mapToInt(Integer::intValue).sum() <= 0) throw new IllegalArgumentException("model mix weights sum to 0");
    if (firmwareMix == null || firmwareMix.isEmpty()) firmwareMix = DEFAULT_FIRMWARE_MIX;
    for (var e : firmwareMix.entrySet()) {
      if (AntminerFirmware.parse(e.getKey()) == null) {
        throw new IllegalArgumentException("firmware mix: unknown firmware '" + e.getKey() + "' (known: stock, braiins, luxos)");
      }
      if (e.getValue() < 0) throw new IllegalArgumentException("firmware mix: negative weight for '" + e.getKey() + "'");
    }
    if (firmwareMix.values().stream().mapToInt(Integer::intValue).sum() <= 0) throw new IllegalArgumentException("firmware mix weights sum to 0");
    if (!(faultPct >= 0 && faultPct <= 100)) throw new IllegalArgumentException("faultPct must be 0..100, got " + faultPct);
    if (bindHost == null || bindHost.isBlank()) bindHost = "0.0.0.0";
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
    if (httpPort < 0 || httpPort > 65535) throw new IllegalArgumentException("httpPort must be 0..65535, got " + httpPort);
    if (grpcPort < 0 || grpcPort > 65535) throw new IllegalArgumentException("grpcPort must be 0..65535, got " + grpcPort);
    if (sleepTime == null) sleepTime = DEFAULT_SLEEP_TIME;
    if (bootTime == null) bootTime = DEFAULT_BOOT_TIME;
    if (sleepTime.isNegative()) throw new IllegalArgumentException("sleepTime cannot be negative, got " + sleepTime);
    if (bootTime.isNegative()) throw new IllegalArgumentException("bootTime cannot be negative, got " + bootTime);
    // insertion order kept: with a fixed seed the same mix text must give the same fleet
    modelMix = Collections.unmodifiableMap(new LinkedHashMap<>(modelMix));
    firmwareMix = Collections.unmodifiableMap(new LinkedHashMap<>(firmwareMix));
  }

  /** A fleet with an ephemeral gRPC port. */
  public SimConfig(int miners, Cidr range, Map<String, Integer> modelMix, Map<String, Integer> firmwareMix, double faultPct,
      long seed, String bindHost, int port, ModelCatalog catalog, int httpPort, Duration sleepTime, Duration bootTime) {
    this(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, port, catalog, httpPort, sleepTime, bootTime, 0);
  }

  /** A fleet with ephemeral web and gRPC ports and the default sleep and boot times. */
  public SimConfig(int miners, Cidr range, Map<String, Integer> modelMix, Map<String, Integer> firmwareMix, double faultPct,
      long seed, String bindHost, int port, ModelCatalog catalog) {
    this(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, port, catalog, 0, DEFAULT_SLEEP_TIME, DEFAULT_BOOT_TIME, 0);
  }

  /** A fleet with default firmware mix, no faults, seed 1, bound to 0.0.0.0:4028. */
  public static SimConfig of(int miners, String cidr, String modelMix) {
    return new SimConfig(miners, Cidr.parse(cidr), parseMix(modelMix), DEFAULT_FIRMWARE_MIX, 0, 1, "0.0.0.0", 4028, ModelCatalog.bundled());
  }

  public SimConfig withPort(int newPort) {
    return new SimConfig(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, newPort, catalog, httpPort, sleepTime, bootTime, grpcPort);
  }

  public SimConfig withFaultPct(double pct) {
    return new SimConfig(miners, range, modelMix, firmwareMix, pct, seed, bindHost, port, catalog, httpPort, sleepTime, bootTime, grpcPort);
  }

  public SimConfig withFirmwareMix(Map<String, Integer> mix) {
    return new SimConfig(miners, range, modelMix, mix, faultPct, seed, bindHost, port, catalog, httpPort, sleepTime, bootTime, grpcPort);
  }

  public SimConfig withSeed(long newSeed) {
    return new SimConfig(miners, range, modelMix, firmwareMix, faultPct, newSeed, bindHost, port, catalog, httpPort, sleepTime, bootTime, grpcPort);
  }

  public SimConfig withHttpPort(int newHttpPort) {
    return new SimConfig(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, port, catalog, newHttpPort, sleepTime, bootTime, grpcPort);
  }

  public SimConfig withGrpcPort(int newGrpcPort) {
    return new SimConfig(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, port, catalog, httpPort, sleepTime, bootTime, newGrpcPort);
  }

  /** How long miners take to wind down when told to sleep, and to boot when told to wake. */
  public SimConfig withPowerTiming(Duration newSleepTime, Duration newBootTime) {
    return new SimConfig(miners, range, modelMix, firmwareMix, faultPct, seed, bindHost, port, catalog, httpPort, newSleepTime, newBootTime, grpcPort);
  }

  /**
   * Parses {@code "s19xp:60,s21:30"} (spaces allowed) into an ordered map; a bare id weighs 1.
   *
   * @throws IllegalArgumentException naming the bad token
   */
  public static Map<String, Integer> parseMix(String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("mix is empty");
    Map<String, Integer> mix = new LinkedHashMap<>();
    for (String raw : text.split(",")) {
      String token = raw.trim();
      if (token.isEmpty()) throw new IllegalArgumentException("mix '" + text + "': empty entry");
      int colon = token.indexOf(':');
      String id = (colon < 0 ? token : token.substring(0, colon)).trim();
      if (id.isEmpty()) throw new IllegalArgumentException("mix '" + text + "': bad token '" + token + "': missing id before ':'");
      int weight = 1;
      if (colon >= 0) {
        try {
          weight = Integer.parseInt(token.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("mix '" + text + "': bad token '" + token + "': weight after ':' must be a whole number");
        }
        if (weight < 0) throw new IllegalArgumentException("mix '" + text + "': bad token '" + token + "': weight is negative");
      }
      if (mix.put(id, weight) != null) throw new IllegalArgumentException("mix '" + text + "': bad token '" + token + "': id '" + id + "' appears twice");
    }
    return mix;
  }

  private static String knownIds(ModelCatalog catalog) {
    return String.join(", ", catalog.all().stream().map(m -> m.id()).toList());
  }
}
