package io.hashfleet.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain-socket client, the way a poller talks to a miner: one request, read to EOF. */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  static byte[] raw(String ip, int port, String request, int timeoutMs) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, port), timeoutMs);
      s.setSoTimeout(timeoutMs);
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
      return out.toByteArray();
    }
  }

  static String text(String ip, int port, String request) throws IOException {
    return new String(raw(ip, port, request, 5000), StandardCharsets.UTF_8);
  }

  /** Sends JSON, drops the trailing NUL the way pollers do, mends the firmware quirks, parses the rest. */
  static JsonNode json(String ip, int port, String request) throws IOException {
    return relaxed(text(ip, port, request));
  }

  /**
   * Parses a reply the way a poller must: without the trailing NUL, with a comma put between
   * bmminer's run-together {@code }{} objects, and Avalon's bare nan/inf read as non-finite numbers.
   */
  static JsonNode relaxed(String raw) throws IOException {
    String t = raw.endsWith("\0") ? raw.substring(0, raw.length() - 1) : raw;
    StringBuilder b = new StringBuilder(t.length() + 16);
    boolean inString = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (inString) {
        b.append(c);
        if (c == '\\') b.append(t.charAt(++i));
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
        b.append(c);
      } else if (c == '{' && i > 0 && t.charAt(i - 1) == '}') {
        b.append(",{");
      } else if (t.startsWith("nan", i)) {
        b.append("NaN");
        i += 2;
      } else if (t.startsWith("inf", i)) {
        b.append("Infinity");
        i += 2;
      } else {
        b.append(c);
      }
    }
    return LENIENT.readTree(b.toString());
  }

  private static final ObjectMapper LENIENT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
}
