package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.ModelCatalog;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out what answers on a miner port, with as few requests as each firmware allows: one
 * {@code version}, then only what that reply leaves open (Braiins {@code devdetails} for the model;
 * Whatsminer {@code get_version}, {@code devdetails}, {@code get_miner_info}; Bitmain {@code stats}
 * when {@code version} carries no Type).
 */
public final class Identifier {
  static final String VERSION = "{\"command\":\"version\"}";
  static final String DEVDETAILS = "{\"command\":\"devdetails\"}";
  static final String STATS = "{\"command\":\"stats\"}";
  static final String WM_GET_VERSION = "{\"cmd\":\"get_version\"}";
  static final String WM_MINER_INFO = "{\"cmd\":\"get_miner_info\"}";

  private Identifier() {}

  /**
   * @return the identity, or empty when the peer answered but is not a miner this project knows
   *     (an HTTP server, an SSH banner, a cgminer of unknown make)
   * @throws IOException when the peer cannot be reached
   */
  public static Optional<MinerIdentity> identify(MinerRpc rpc, ModelCatalog catalog) throws IOException {
    JsonNode version;
    try {
      version = RelaxedJson.parse(rpc.call(VERSION), "version");
    } catch (ReplyFormatException e) {
      return Optional.empty();
    }
    JsonNode status = version.path("STATUS");
    JsonNode st = status.isArray() ? status.path(0) : status;
    String description = String.valueOf(st.isObject() ? text(st, "Description") : text(version, "Description"));
    JsonNode v = version.path("VERSION").path(0);
    String lower = description.toLowerCase(Locale.ROOT);

    // btminer answers with a flat envelope ("STATUS":"E", not an array) and often an empty
    // Description, so the envelope's shape identifies it as well as the text does.
    boolean flatEnvelope = status.isTextual() && version.has("Code");
    if (flatEnvelope || lower.contains("whatsminer") || lower.contains("btminer") || v.has("btminer")) return Optional.of(whatsminer(rpc, catalog));
    if (v.has("BOSminer") || v.has("BOSminer+") || lower.contains("bosminer")) return Optional.of(braiins(rpc, catalog, v));
    if (v.has("LUXminer") || lower.contains("luxminer")) {
      String model = text(v, "Type");
      return Optional.of(identity(catalog, Make.ANTMINER, model, Dialect.LUXOS, "LUXminer " + text(v, "LUXminer"), null));
    }
    String prod = firstNonNull(text(v, "PROD"), text(v, "MODEL"));
    if (prod != null && (prod.toLowerCase(Locale.ROOT).contains("avalon") || v.has("PROD"))) {
      String model = prod.toLowerCase(Locale.ROOT).contains("avalon") ? prod : "Avalon " + prod;
      String fw = "cgminer " + text(v, "CGMiner") + (v.has("VERSION") ? " " + text(v, "VERSION") : "");
      return Optional.of(identity(catalog, Make.AVALON, model, Dialect.AVALON, fw, mac(text(v, "MAC"))));
    }
    String miner = v.has("BMMiner") ? "BMMiner" : v.has("CGMiner") ? "CGMiner" : null;
    if (miner == null) return Optional.empty();
    String type = text(v, "Type");
    if (type == null) type = typeFromStats(rpc);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("antminer")) return Optional.empty();
    String compiled = text(v, "CompileTime");
    // Stock firmware is known by its build: the miner program version ("Miner") and build date.
    String build = text(v, "Miner");
    String fw = miner + " " + text(v, miner) + (build != null ? ", miner " + build : "") + (compiled != null ? " (" + compiled + ")" : "");
    return Optional.of(identity(catalog, Make.ANTMINER, type, Dialect.BITMAIN, fw, null));
  }

  private static MinerIdentity braiins(MinerRpc rpc, ModelCatalog catalog, JsonNode v) throws IOException {
    String model = null;
    try {
      model = text(RelaxedJson.parse(rpc.call(DEVDETAILS), "devdetails").path("DEVDETAILS").path(0), "Model");
    } catch (ReplyFormatException e) {
      // identity without a model is still useful: the dialect decides the driver
    }
    if (model != null) {
      // BOSminer reports "Bitmain S19j Pro" / "Bitmain Antminer S19j Pro"; operators say "Antminer S19j Pro"
      String m = model.startsWith("Bitmain ") ? model.substring(8) : model;
      model = m.startsWith("Antminer") ? m : "Antminer " + m;
    }
    String fw = "BOSminer " + firstNonNull(text(v, "BOSminer"), text(v, "BOSminer+"));
    return identity(catalog, Make.ANTMINER, model, Dialect.BRAIINS_OS, fw, null);
  }

  private static MinerIdentity whatsminer(MinerRpc rpc, ModelCatalog catalog) throws IOException {
    String fw = null;
    String model = null;
    String mac = null;
    try {
      fw = text(RelaxedJson.parse(rpc.call(WM_GET_VERSION), "get_version").path("Msg"), "fw_ver");
    } catch (ReplyFormatException e) {
      // older btminer: no get_version; the summary's "Firmware Version" is read on poll instead
    }
    try {
      model = text(RelaxedJson.parse(rpc.call(DEVDETAILS), "devdetails").path("DEVDETAILS").path(0), "Model");
    } catch (ReplyFormatException e) {
      // model stays unknown
    }
    try {
      mac = text(RelaxedJson.parse(rpc.call(WM_MINER_INFO), "get_miner_info").path("Msg"), "mac");
    } catch (ReplyFormatException e) {
      // MAC is optional
    }
    if (model != null && !model.toUpperCase(Locale.ROOT).startsWith("WHATSMINER")) model = "Whatsminer " + model;
    return identity(catalog, Make.WHATSMINER, model, Dialect.WHATSMINER, fw == null ? "btminer" : "btminer " + fw, mac);
  }

  private static String typeFromStats(MinerRpc rpc) throws IOException {
    try {
      for (JsonNode o : RelaxedJson.parse(rpc.call(STATS), "stats").path("STATS")) {
        String t = text(o, "Type");
        if (t != null) return t;
      }
    } catch (ReplyFormatException e) {
      // fall through
    }
    return null;
  }

  private static MinerIdentity identity(ModelCatalog catalog, Make make, String model, Dialect dialect, String firmware, String mac) {
    String name = model == null || model.isBlank() ? "unknown" : model.trim();
    String id = catalog.match(name).map(AsicModel::id).orElse(null);
    if (id == null && name.startsWith("Whatsminer ")) id = catalog.match(name.substring(11)).map(AsicModel::id).orElse(null);
    return new MinerIdentity(make, name, id, dialect, firmware, mac);
  }

  /** Avalon sends "b4a2eb3f6a21"; everyone else writes "B4:A2:EB:3F:6A:21". */
  static String mac(String raw) {
    if (raw == null || raw.length() != 12 || raw.indexOf(':') >= 0) return raw;
    StringBuilder b = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) b.append(':');
      b.append(raw, i, i + 2);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
