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

  /** Sends JSON, drops the trailing NUL the way pollers do, parses the rest. */
  static JsonNode json(String ip, int port, String request) throws IOException {
    String t = text(ip, port, request);
    if (t.endsWith("\0")) t = t.substring(0, t.length() - 1);
    return JSON.readTree(t);
  }
}
