package io.hashfleet.collect.rpc;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cgminer-family transport without a thread per exchange: a few platform threads, each with
 * a selector, carry thousands of exchanges at once (connect, send the request, read to the NUL or
 * EOF, close), under the same deadlines and with the same failures as {@link TcpMinerRpc}.
 *
 * <p>Why: at 5,900 polls a second a virtual thread per poll parks and is woken three times per
 * connection (connect, first byte, end), and on two cores those hand-offs between carriers cost
 * more kernel time than the exchanges. Here one select returns every socket that is ready; the
 * thread that connected a socket also reads it and hands the reply to its callback, on the same
 * thread. Callbacks therefore must not block: a poll parses and classifies there (tens of
 * microseconds) and hands the sample on.
 */
public final class RpcLoop implements AutoCloseable {
  /** What becomes of one exchange; called on a loop thread, exactly once. */
  public interface Reply {
    void answered(String raw);

    void failed(IOException why);
  }

  /** How often deadlines are checked: they are seconds long, so a few tens of ms late is nothing. */
  private static final long SWEEP_NANOS = 20_000_000L;

  private final Loop[] loops;
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean closed;

  public RpcLoop(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    loops = new Loop[threads];
    try {
      for (int i = 0; i < threads; i++) loops[i] = new Loop(i);
    } catch (IOException e) {
      close();
      throw new java.io.UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
    }
    for (Loop l : loops) l.thread.start();
  }

  /** One thread per core. */
  public static RpcLoop perCore() {
    return new RpcLoop(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Starts one exchange: a new connection to {@code address}, {@code request} sent, the reply read.
   * Never blocks. Called from a loop thread (a callback going on to its next request), the
   * exchange stays on that thread.
   */
  public void call(MinerAddress address, RpcTimeouts timeouts, String request, Reply reply) {
    Call c = new Call(address, timeouts, request.getBytes(StandardCharsets.UTF_8), reply);
    if (closed) {
      reply.failed(new RpcException(address, RpcException.Kind.OTHER, "poller stopped", null));
      return;
    }
    Thread me = Thread.currentThread();
    for (Loop l : loops) {
      if (l.thread == me) {
        l.start(c);
        return;
      }
    }
    loops[Math.floorMod(next.getAndIncrement(), loops.length)].submit(c);
  }

  @Override
  public void close() {
    closed = true;
    for (Loop l : loops) {
      if (l == null) continue;
      l.selector.wakeup();
      try {
        l.thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One exchange in flight. */
  private static final class Call {
    final MinerAddress address;
    final RpcTimeouts timeouts;
    final ByteBuffer request;
    final Reply reply;
    final long startNanos = System.nanoTime();
    SocketChannel channel;
    boolean connected;
    boolean done;
    long lastReadNanos;
    byte[] buf;
    int len;

    Call(MinerAddress address, RpcTimeouts timeouts, byte[] request, Reply reply) {
      this.address = address;
      this.timeouts = timeouts;
      this.request = ByteBuffer.wrap(request);
      this.reply = reply;
    }
  }

  private final class Loop {
    final Selector selector;
    final Thread thread;
    final ConcurrentLinkedQueue<Call> incoming = new ConcurrentLinkedQueue<>();
    final AtomicBoolean woken = new AtomicBoolean();
    final List<Call> active = new ArrayList<>();
    /** Every read lands here first; most replies arrive whole in one read. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    final byte[] copy = new byte[64 * 1024];
    long nextSweep = System.nanoTime() + SWEEP_NANOS;

    Loop(int n) throws IOException {
      selector = Selector.open();
      thread = Thread.ofPlatform().name("poll-io-" + n).daemon().unstarted(this::run);
    }

    void submit(Call c) {
      incoming.add(c);
      // one wake-up per select is enough: a loop that is awake drains the queue before it selects
      if (woken.compareAndSet(false, true)) selector.wakeup();
    }

    void run() {
      try {
        while (!closed) {
          selector.select(SWEEP_NANOS / 1_000_000);
          woken.set(false);
          for (SelectionKey key : selector.selectedKeys()) ready(key);
          selector.selectedKeys().clear();
          for (Call c; (c = incoming.poll()) != null; ) start(c);
          long now = System.nanoTime();
          if (now - nextSweep > 0) {
            nextSweep = now + SWEEP_NANOS;
            sweep(now);
          }
        }
      } catch (IOException | ClosedSelectorException e) {
        // the selector broke: nothing more can be done on this loop
      } finally {
        for (Call c : active) if (!c.done) fail(c, new RpcException(c.address, RpcException.Kind.OTHER, "poller stopped", null));
        active.clear(); // a stopped loop is still referenced by its owner: let the calls' buffers go
        for (Call c; (c = incoming.poll()) != null; ) fail(c, new RpcException(c.address, RpcException.Kind.OTHER, "poller stopped", null));
        try {
          selector.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }

    void start(Call c) {
      active.add(c);
      try {
        SocketChannel ch = SocketChannel.open();
        c.channel = ch;
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (ch.connect(new InetSocketAddress(c.address.host(), c.address.port()))) {
          connected(c);
        } else {
          ch.register(selector, SelectionKey.OP_CONNECT, c);
        }
      } catch (IOException | RuntimeException e) {
        fail(c, connectFailure(c, e));
      }
    }

    void ready(SelectionKey key) {
      Call c = (Call) key.attachment();
      if (c.done || !key.isValid()) return;
      try {
        if (!c.connected) {
          if (!c.channel.finishConnect()) return;
          connected(c);
        } else {
          read(c);
        }
      } catch (IOException | RuntimeException e) {
        fail(c, c.connected ? transportFailure(c, e) : connectFailure(c, e));
      }
    }

    private void connected(Call c) throws IOException {
      c.connected = true;
      c.channel.write(c.request);
      if (c.request.hasRemaining()) throw new RpcException(c.address, RpcException.Kind.RESET, "request not taken by the socket", null);
      c.lastReadNanos = System.nanoTime();
      c.channel.register(selector, SelectionKey.OP_READ, c);
    }

    private void read(Call c) throws IOException {
      int max = c.timeouts.maxReplyBytes();
      while (true) {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n == 0) return; // all there is for now
        if (n < 0) {
          finish(c);
          return;
        }
        c.lastReadNanos = System.nanoTime();
        readBuffer.flip();
        readBuffer.get(copy, 0, n);
        int nul = -1;
        for (int i = 0; i < n; i++) {
          if (copy[i] == 0) {
            nul = i;
            break;
          }
        }
        int take = nul >= 0 ? nul : n;
        if (c.len == 0 && nul > 0) {
          // the usual case: the whole reply in one read; no buffer of its own, straight to text
          answer(c, new String(copy, 0, nul, StandardCharsets.UTF_8));
          return;
        }
        if (c.len + take > max) {
          fail(c, new RpcException(c.address, RpcException.Kind.TOO_LARGE, "reply over " + max + " bytes, dropped", null));
          return;
        }
        if (c.buf == null) c.buf = new byte[Math.max(8192, take)];
        else if (c.len + take > c.buf.length) c.buf = Arrays.copyOf(c.buf, Math.min(Math.max(c.buf.length * 2, c.len + take), max));
        System.arraycopy(copy, 0, c.buf, c.len, take);
        c.len += take;
        if (nul >= 0) {
          finish(c);
          return;
        }
      }
    }

    private void finish(Call c) {
      if (c.len == 0) {
        fail(c, new RpcException(c.address, RpcException.Kind.EMPTY, "connection closed without a reply", null));
        return;
      }
      // Invalid UTF-8 becomes U+FFFD rather than an exception: the parser then reports what is wrong.
      String raw = new String(c.buf, 0, c.len, StandardCharsets.UTF_8);
      c.buf = null;
      answer(c, raw);
    }

    private void answer(Call c, String raw) {
      close(c);
      try {
        c.reply.answered(raw);
      } catch (RuntimeException e) {
        // a callback's own failure must not stop the loop, nor be taken for the miner's
      }
    }

    private void fail(Call c, IOException why) {
      if (c.done) return;
      close(c);
      try {
        c.reply.failed(why);
      } catch (RuntimeException e) {
        // as in finish
      }
    }

    private void close(Call c) {
      c.done = true;
      if (c.channel != null) {
        try {
          c.channel.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }

    /** Fails the exchanges past a deadline and forgets the finished ones. */
    private void sweep(long now) {
      int kept = 0;
      for (int i = 0; i < active.size(); i++) {
        Call c = active.get(i);
        if (!c.done) {
          IOException late = late(c, now);
          if (late != null) fail(c, late);
        }
        if (!c.done) active.set(kept++, c);
      }
      active.subList(kept, active.size()).clear();
    }

    private IOException late(Call c, long now) {
      RpcTimeouts t = c.timeouts;
      if (!c.connected) {
        if (now - c.startNanos > t.connect().toNanos()) {
          return new RpcException(c.address, RpcException.Kind.CONNECT_TIMEOUT, "connect timed out after " + t.connect().toMillis() + " ms", null);
        }
        return null;
      }
      boolean pastTotal = now - c.startNanos > t.total().toNanos();
      boolean silent = now - c.lastReadNanos > t.read().toNanos();
      if (!pastTotal && !silent) return null;
      String why = pastTotal || c.len > 0
          ? "reply not complete within " + t.total().toMillis() + " ms (" + c.len + " bytes so far)"
          : "no reply within " + t.read().toMillis() + " ms";
      return new RpcException(c.address, RpcException.Kind.READ_TIMEOUT, why, null);
    }
  }

  private static IOException connectFailure(Call c, Exception e) {
    if (e instanceof RpcException r) return r;
    if (e instanceof ConnectException) return new RpcException(c.address, RpcException.Kind.REFUSED, "connection refused", e);
    if (e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
      return new RpcException(c.address, RpcException.Kind.REFUSED, "unreachable: " + e.getMessage(), e);
    }
    if (e instanceof java.nio.channels.UnresolvedAddressException) {
      return new RpcException(c.address, RpcException.Kind.REFUSED, "unreachable: cannot resolve " + c.address.host(), null);
    }
    return transportFailure(c, e);
  }

  private static IOException transportFailure(Call c, Exception e) {
    if (e instanceof RpcException r) return r;
    if (e instanceof SocketException) return new RpcException(c.address, RpcException.Kind.RESET, "connection reset: " + e.getMessage(), e);
    if (e instanceof IOException io) return new RpcException(c.address, RpcException.Kind.RESET, "connection reset: " + io.getMessage(), e);
    return new RpcException(c.address, RpcException.Kind.OTHER, "exchange failed: " + e, e);
  }
}
