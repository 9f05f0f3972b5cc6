package io.hashfleet.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as a miner's small web server reads it: request line, headers (names in
 * lower case), and a body of Content-Length bytes. Just enough for the cgi pages a fleet tool
 * calls; anything larger or stranger is dropped like a real miner's lighttpd would refuse it.
 */
record WebRequest(String method, String path, Map<String, String> headers, String body) {
  private static final int MAX_HEAD = 16 * 1024;
  private static final int MAX_BODY = 64 * 1024;

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The request on {@code in}, or null when the client closed, went silent or sent nonsense. */
  static WebRequest read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0; // how much of CR LF CR LF has been seen
    while (state < 4) {
      int b = in.read();
      if (b < 0 || head.size() >= MAX_HEAD) return null;
      head.write(b);
      state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3 || !start[2].startsWith("HTTP/")) return null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    int length;
    try {
      length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    } catch (NumberFormatException e) {
      return null;
    }
    if (length < 0 || length > MAX_BODY) return null;
    byte[] body = in.readNBytes(length);
    if (body.length < length) return null;
    return new WebRequest(start[0], start[1], headers, new String(body, StandardCharsets.UTF_8));
  }
}
