package io.hashfleet.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves one accepted connection: finds the miner by the local address the client dialled, reads
 * one request, answers as that miner's firmware (or misbehaves as its fault says) and closes.
 */
final class Connection implements Runnable {
  /** Clients that connect and never send are dropped after this. */
  private static final int READ_TIMEOUT_MS = 30_000;
  /** A hung miner holds the connection until the client gives up, but not forever. */
  private static final int HUNG_HOLD_MS = 600_000;
  private static final int SLOW_BYTE_MS = 200;

  private final Socket socket;
  private final FleetState fleet;
  private final LongAdder served;
  private final long connectionNo;

  Connection(Socket socket, FleetState fleet, LongAdder served, long connectionNo) {
    this.socket = socket;
    this.fleet = fleet;
    this.served = served;
    this.connectionNo = connectionNo;
  }

  @Override
  public void run() {
    try (socket) {
      int index = minerIndex(socket.getLocalAddress());
      Fault fault = index < 0 ? null : fleet.fault(index);
      if (index < 0 || fault == Fault.OFFLINE) {
        reset(socket);
        return;
      }
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.setTcpNoDelay(true);
      byte[] buf = new byte[8192];
      int len = readRequest(socket.getInputStream(), buf);
      if (len <= 0) return;
      if (fault == Fault.HUNG) {
        hold(socket);
        return;
      }
      OutputStream out = socket.getOutputStream();
      if (fault == Fault.GARBAGE) {
        out.write(Garbage.bytes(fleet.seed, index, connectionNo));
        served.increment();
        return;
      }
      Request request = Request.parse(buf, len);
      Telemetry t = new Telemetry(fleet, index, System.currentTimeMillis() / 1000);
      byte[] reply = ReplyWriter.render(Firmware.of(t.dialect), request, t, refusesJoins(index, t));
      if (fault == Fault.SLOW) drip(out, reply);
      else out.write(reply);
      served.increment();
    } catch (IOException | RuntimeException e) {
      // the client went away or sent nonsense: a real miner just drops the connection too
    }
  }

  /** Loopback IPv4 addresses inside the fleet map to a miner; everything else is refused. */
  private int minerIndex(InetAddress local) {
    if (!(local instanceof Inet4Address) || !local.isLoopbackAddress()) return -1;
    byte[] a = local.getAddress();
    long v = ((a[0] & 255L) << 24) | ((a[1] & 255L) << 16) | ((a[2] & 255L) << 8) | (a[3] & 255L);
    return fleet.indexOf(v);
  }

  /** Some stock S19 firmware answers joined requests with an error, so pollers must fall back. */
  private boolean refusesJoins(int index, Telemetry t) {
    return t.dialect == io.hashfleet.domain.Dialect.BITMAIN && t.model.id().startsWith("s19") && Rng.unit(fleet.seed, index, 12) < 0.1;
  }

  /** Reads one request: a JSON object until its braces balance, plain text as it arrives. */
  private static int readRequest(InputStream in, byte[] buf) throws IOException {
    int len = 0, depth = 0;
    boolean started = false, json = false, inString = false, escaped = false;
    while (len < buf.length) {
      int n;
      try {
        n = in.read(buf, len, buf.length - len);
      } catch (SocketTimeoutException e) {
        return len;
      }
      if (n < 0) return len;
      for (int i = len; i < len + n; i++) {
        byte c = buf[i];
        if (!started) {
          if (c <= ' ') continue;
          started = true;
          json = c == '{';
        }
        if (!json) continue;
        if (inString) {
          if (escaped) escaped = false;
          else if (c == '\\') escaped = true;
          else if (c == '"') inString = false;
        } else if (c == '"') inString = true;
        else if (c == '{') depth++;
        else if (c == '}' && --depth == 0) return i + 1;
      }
      len += n;
      if (started && !json) return len;
    }
    return len;
  }

  private static void hold(Socket s) throws IOException {
    s.setSoTimeout(HUNG_HOLD_MS);
    byte[] sink = new byte[1024];
    InputStream in = s.getInputStream();
    try {
      while (in.read(sink) >= 0) {
        // swallow whatever the client sends; never answer
      }
    } catch (SocketTimeoutException e) {
      // held long enough
    }
  }

  private static void drip(OutputStream out, byte[] reply) throws IOException {
    for (byte b : reply) {
      out.write(b);
      out.flush();
      try {
        Thread.sleep(SLOW_BYTE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** SO_LINGER 0 makes close() send RST, which a client sees as "connection refused/reset". */
  static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
