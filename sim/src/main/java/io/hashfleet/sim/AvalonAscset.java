package io.hashfleet.sim;

import java.util.List;
import java.util.Locale;

/**
 * Canaan cgminer's {@code ascset}, for the power options only: {@code 0,softoff,1:<unix time>}
 * puts the miner in standby, {@code 0,softon,1:<unix time>} brings it back.
 *
 * <p>The parameter is split as Canaan's {@code api.c} splits it: the ASC number before the first
 * comma, the option up to the second, the setting after it. The replies are cgminer's own
 * messages: {@code ASC 0 set OK} (S, Code 119) when the driver took the setting, and
 * {@code ASC 0 set failed: <why>} (E, Code 120) when it did not, with the driver's wording for an
 * unknown option ({@code Unknown option: <option>}) and a missing setting
 * ({@code missing <option> setting}) as in the driver Canaan published for the Nano 3S; plus
 * Codes 15, 116 and 107 for a missing ASC number, a missing option and an ASC other than 0. The
 * wording for a setting that is not {@code 1:<digits>} is this simulator's: Canaan's softoff code
 * is not public.
 *
 * <p>The command takes effect at once, whatever time it names: a miner told to sleep at a time
 * still to come is not modelled. Other options real firmware knows (fan, workmode, led, …) are
 * answered as unknown here.
 */
final class AvalonAscset {
  static final int MISSING_ID = 15;
  static final int INVALID_ASC = 107;
  static final int MISSING_OPTION = 116;
  static final int SET_OK = 119;
  static final int SET_FAILED = 120;

  private AvalonAscset() {}

  static Reply answer(Request request, Telemetry t, Actions miner, String description) {
    String param = request.parameter();
    if (param == null || param.isEmpty()) return error(t, MISSING_ID, "Missing device id parameter", description);
    int comma = param.indexOf(',');
    String option = comma < 0 ? "" : param.substring(comma + 1);
    if (option.isEmpty()) return error(t, MISSING_OPTION, "Missing option after ASC number", description);
    long id = atoi(param.substring(0, comma));
    // An Avalon controller drives one ASC device, so 0 is the only valid number.
    if (id != 0) return error(t, INVALID_ASC, "Invalid ASC id " + id + " - range is 0 - 0", description);
    String setting = null;
    int second = option.indexOf(',');
    if (second >= 0) {
      setting = option.substring(second + 1);
      option = option.substring(0, second);
    }
    String failure = switch (option.toLowerCase(Locale.ROOT)) {
      case "softoff" -> soft("softoff", setting, miner::sleep);
      case "softon" -> soft("softon", setting, miner::wake);
      default -> "Unknown option: " + option;
    };
    if (failure != null) return error(t, SET_FAILED, "ASC 0 set failed: " + failure, description);
    return new Reply.Envelope(Cgminer.status("S", t.now, SET_OK, "ASC 0 set OK", description), null, List.of());
  }

  /** Applies a well-formed setting and returns null, or says what is wrong with it. */
  private static String soft(String option, String setting, Runnable apply) {
    if (setting == null || setting.isEmpty()) return "missing " + option + " setting";
    if (!setting.startsWith("1:") || setting.length() == 2 || !digits(setting, 2)) {
      return "invalid " + option + " setting '" + setting + "', expected 1:<unix time>";
    }
    apply.run(); // sleeping a sleeping miner, or waking a hashing one, leaves it as it is
    return null;
  }

  private static boolean digits(String s, int from) {
    for (int i = from; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }

  /** C's atoi, as cgminer reads the ASC number: leading blanks, a sign, digits; 0 when there are none. */
  static long atoi(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    boolean negative = i < s.length() && s.charAt(i) == '-';
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
    long v = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v < Integer.MAX_VALUE) v = v * 10 + (s.charAt(i++) - '0');
    return negative ? -v : v;
  }

  private static Reply error(Telemetry t, int code, String msg, String description) {
    return new Reply.Envelope(Cgminer.status("E", t.now, code, msg, description), null, List.of());
  }
}
