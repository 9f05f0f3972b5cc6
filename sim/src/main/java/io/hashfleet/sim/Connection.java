package io.hashfleet.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
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
  static final BufferPool BUFFERS = new BufferPool();

  private final SocketChannel channel;
  private final FleetState fleet;
  private final LongAdder served;
  private final long connectionNo;
  /** What the front already read of the request before handing the connection over, or null. */
  private final Ascii started;

  Connection(SocketChannel channel, FleetState fleet, LongAdder served, long connectionNo) {
    this(channel, fleet, served, connectionNo, null);
  }

  /** @param started a pooled buffer holding the first bytes of the request, read by the front */
  Connection(SocketChannel channel, FleetState fleet, LongAdder served, long connectionNo, Ascii started) {
    this.channel = channel;
    this.fleet = fleet;
    this.served = served;
    this.connectionNo = connectionNo;
    this.started = started;
  }

  @Override
  public void run() {
    Ascii buf = started;
    try (channel) {
      // the channel learnt its local address at accept: no further syscall
      int index = minerIndex(fleet, ((InetSocketAddress) channel.getLocalAddress()).getAddress());
      Fault fault = index < 0 ? null : fleet.fault(index);
      if (index < 0 || fault == Fault.OFFLINE) {
        reset(channel);
        return;
      }
      // one buffer per request, reused: the request is read into it, then the reply printed over it
      int pending;
      if (buf != null) {
        pending = buf.length();
      } else {
        buf = BUFFERS.take();
        // Pollers send the request at once, so it is usually waiting: one non-blocking read takes it
        // and the reply goes out the same way. Only a client that has not sent yet (or a faulty
        // miner, which drips or holds) is switched to blocking reads with a timeout, which cost a
        // mode switch per read and so are kept off the common path.
        channel.configureBlocking(false);
        pending = Math.max(0, channel.read(ByteBuffer.wrap(buf.array())));
      }
      int len = requestEnd(buf.array(), pending);
      Socket socket = channel.socket();
      if (len < 0 || fault != null && fault.network()) {
        channel.configureBlocking(true);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        if (len < 0) len = readRequest(socket.getInputStream(), buf.array(), pending);
      }
      if (len <= 0) return;
      if (fault == Fault.HUNG) {
        hold(socket);
        return;
      }
      if (fault == Fault.GARBAGE) {
        writeAll(ByteBuffer.wrap(Garbage.bytes(fleet.seed, index, connectionNo)));
        served.increment();
        return;
      }
      Request request = Request.parse(buf.array(), len);
      long now = fleet.nowMillis();
      Telemetry t = new Telemetry(fleet, index, now);
      ReplyWriter.render(buf.reset(), Firmware.of(t.dialect), request, t, refusesJoins(fleet, index, t), new Actions(fleet, index, now));
      if (fault == Fault.SLOW) {
        // only the dripping miner needs Nagle off; everyone else sends the whole reply in one write
        socket.setTcpNoDelay(true);
        drip(socket.getOutputStream(), buf.array(), buf.length());
      } else {
        writeAll(ByteBuffer.wrap(buf.array(), 0, buf.length()));
      }
      served.increment();
    } catch (IOException | RuntimeException e) {
      // the client went away or sent nonsense: a real miner just drops the connection too
    } finally {
      if (buf != null) BUFFERS.give(buf);
    }
  }

  /**
   * One write sends a whole reply into an idle socket's send buffer; should the kernel take less,
   * the channel turns blocking and finishes.
   */
  private void writeAll(ByteBuffer b) throws IOException {
    channel.write(b);
    if (!b.hasRemaining()) return;
    if (!channel.isBlocking()) channel.configureBlocking(true);
    while (b.hasRemaining()) channel.write(b);
  }

  /** Writes the rest of a reply the front could not send at once, blocking, then closes. */
  static void finishWrite(SocketChannel channel, Ascii rest) {
    try (channel) {
      channel.configureBlocking(true);
      ByteBuffer b = ByteBuffer.wrap(rest.array(), 0, rest.length());
      while (b.hasRemaining()) channel.write(b);
    } catch (IOException e) {
      // the client went away
    } finally {
      BUFFERS.give(rest);
    }
  }

  /** Loopback IPv4 addresses inside the fleet map to a miner; everything else is refused. */
  static int minerIndex(FleetState fleet, InetAddress local) {
    if (!(local instanceof Inet4Address) || !local.isLoopbackAddress()) return -1;
    byte[] a = local.getAddress();
    long v = ((a[0] & 255L) << 24) | ((a[1] & 255L) << 16) | ((a[2] & 255L) << 8) | (a[3] & 255L);
    return fleet.indexOf(v);
  }

  /** Some stock S19 firmware answers joined requests with an error, so pollers must fall back. */
  static boolean refusesJoins(FleetState fleet, int index, Telemetry t) {
    return t.dialect == io.hashfleet.domain.Dialect.BITMAIN && t.model.id().startsWith("s19") && Rng.unit(fleet.seed, index, 12) < 0.1;
  }

  /**
   * Where the request in {@code buf[0, len)} ends: after the brace that balances a JSON object, or
   * at {@code len} for plain text; -1 while a JSON object is still open or only blanks came.
   */
  static int requestEnd(byte[] buf, int len) {
    int depth = 0;
    boolean started = false, json = false, inString = false, escaped = false;
    for (int i = 0; i < len; i++) {
      byte c = buf[i];
      if (!started) {
        if ((c & 255) <= ' ') continue;
        started = true;
        json = c == '{';
      }
      if (!json) return len;
      if (inString) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') inString = false;
      } else if (c == '"') inString = true;
      else if (c == '{') depth++;
      else if (c == '}' && --depth == 0) return i + 1;
    }
    return -1;
  }

  /** Reads on after the {@code len} bytes already in {@code buf} until the request is whole, EOF or timeout. */
  private static int readRequest(InputStream in, byte[] buf, int len) throws IOException {
    while (len < buf.length) {
      int n;
      try {
        n = in.read(buf, len, buf.length - len);
      } catch (SocketTimeoutException e) {
        return len;
      }
      if (n < 0) return len;
      len += n;
      int end = requestEnd(buf, len);
      if (end >= 0) return end;
    }
    return len;
  }

  static void hold(Socket s) throws IOException {
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

  static void drip(OutputStream out, byte[] reply, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      out.write(reply[i]);
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
  static void reset(SocketChannel s) {
    try {
      s.setOption(StandardSocketOptions.SO_LINGER, 0);
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
