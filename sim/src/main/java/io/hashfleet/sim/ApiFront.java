package io.hashfleet.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The miners' API port (4028 on real units): accepts connections and answers the common case, a
 * healthy miner whose request is already waiting, on the accepting thread itself.
 *
 * <p>Why not a virtual thread per connection: at thousands of polls a second, handing each
 * connection from the accepting thread to a carrier and waking that carrier cost the simulator a
 * quarter of its CPU in context switches, CPU the poller it is benchmarked against then lacks. So
 * there is one listening socket per core ({@code SO_REUSEPORT}: the kernel spreads connections
 * over them), each served by a platform thread that selects on it, accepts, reads the request with
 * one non-blocking read, prints the reply and writes it with one non-blocking write. A client that
 * has not sent its whole request yet waits in the same selector. What would hold the loop up (a
 * miner with a network fault, which holds or drips; a reply larger than the socket buffer) goes on
 * a virtual thread of its own ({@link Connection}).
 */
final class ApiFront implements AutoCloseable {
  private final FleetState fleet;
  private final LongAdder served;
  private final List<Loop> loops = new ArrayList<>();
  /** A client that connects and never sends is dropped after this, as {@link Connection} does. */
  private static final long READ_TIMEOUT_NANOS = 30_000_000_000L;
  private static final long SWEEP_NANOS = 1_000_000_000L;

  private final AtomicLong connections = new AtomicLong();
  private final LongAdder handedOver = new LongAdder();
  private final int port;
  private volatile boolean closed;

  private ApiFront(FleetState fleet, LongAdder served, String host, int port, int threads, int backlog) throws IOException {
    this.fleet = fleet;
    this.served = served;
    int bound = port;
    if (threads > 1) {
      // Sockets that all set SO_REUSEPORT share a port silently: a second simulator started on the
      // same port would take half the connections. A plain bind first fails if anyone holds it.
      try (ServerSocketChannel probe = ServerSocketChannel.open()) {
        probe.bind(new InetSocketAddress(host, port), 1);
        bound = ((InetSocketAddress) probe.getLocalAddress()).getPort();
      }
    }
    try {
      for (int i = 0; i < threads; i++) {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        if (threads > 1) server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        server.bind(new InetSocketAddress(host, bound), backlog);
        bound = ((InetSocketAddress) server.getLocalAddress()).getPort(); // port 0: the others join the one picked
        loops.add(new Loop(server));
      }
    } catch (IOException | RuntimeException e) {
      for (Loop l : loops) l.shut();
      throw e;
    }
    this.port = bound;
  }

  /**
   * Listens on {@code host:port} with one socket and thread per available core (just one where
   * the platform cannot share a port between sockets).
   */
  static ApiFront start(FleetState fleet, LongAdder served, String host, int port, int backlog) throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    if (!ServerSocketChannel.open().supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) threads = 1;
    ApiFront front = new ApiFront(fleet, served, host, port, threads, backlog);
    for (Loop l : front.loops) l.thread.start();
    return front;
  }

  int port() {
    return port;
  }

  /** Connections that left the fast path for a virtual thread of their own. */
  long handedOver() {
    return handedOver.sum();
  }

  @Override
  public void close() {
    closed = true;
    for (Loop l : loops) {
      l.selector.wakeup();
      try {
        l.thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      l.shut();
    }
  }

  /** A connection whose request has not all arrived: the miner it dialled and the bytes so far. */
  private record Waiting(int index, Ascii request, long deadlineNanos) {
    void drop(SelectionKey key) {
      key.cancel();
      closeQuietly(key.channel());
      Connection.BUFFERS.give(request);
    }
  }

  private final class Loop {
    final ServerSocketChannel server;
    final Selector selector;
    final Thread thread;
    /** The reply buffer of this thread, printed over for every request it answers itself. */
    final Ascii out = new Ascii(16 * 1024);

    Loop(ServerSocketChannel server) throws IOException {
      this.server = server;
      server.configureBlocking(false);
      this.selector = Selector.open();
      server.register(selector, SelectionKey.OP_ACCEPT);
      this.thread = Thread.ofPlatform().name("sim-api-" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "-" + loops.size())
          .daemon().unstarted(this::run);
    }

    void run() {
      long nextSweep = System.nanoTime() + SWEEP_NANOS;
      while (!closed) {
        try {
          selector.select(1000);
          for (SelectionKey key : selector.selectedKeys()) {
            if (!key.isValid()) continue;
            if (key.channel() == server) {
              for (SocketChannel s; !closed && (s = server.accept()) != null; ) accepted(s);
            } else {
              readMore(key);
            }
          }
          selector.selectedKeys().clear();
          if (System.nanoTime() - nextSweep > 0) {
            nextSweep = System.nanoTime() + SWEEP_NANOS;
            sweep();
          }
        } catch (IOException | RuntimeException e) {
          if (closed) return;
          // accept can fail on a full file table; the next select tries again
        }
      }
      for (SelectionKey key : selector.keys()) if (key.attachment() instanceof Waiting w) w.drop(key);
    }

    private void accepted(SocketChannel channel) {
      long n = connections.getAndIncrement();
      Ascii in = null;
      try {
        // the channel learnt its local address at accept: no further syscall
        int index = Connection.minerIndex(fleet, ((InetSocketAddress) channel.getLocalAddress()).getAddress());
        Fault fault = index < 0 ? null : fleet.fault(index);
        if (index < 0 || fault != null && fault.network()) {
          // refuses, holds, drips or sends garbage, each in its own time
          handedOver.increment();
          Thread.startVirtualThread(new Connection(channel, fleet, served, n, null));
          return;
        }
        channel.configureBlocking(false);
        in = Connection.BUFFERS.take();
        int got = Math.max(0, channel.read(ByteBuffer.wrap(in.array())));
        int len = Connection.requestEnd(in.array(), got);
        if (len >= 0) {
          answer(channel, index, in.array(), len);
        } else {
          // the client has not sent (all of) its request yet: wait for it here, not on a thread
          channel.register(selector, SelectionKey.OP_READ, new Waiting(index, in.filled(got), System.nanoTime() + READ_TIMEOUT_NANOS));
          in = null;
        }
      } catch (IOException | RuntimeException e) {
        // the client went away or sent nonsense: a real miner just drops the connection too
        closeQuietly(channel);
      } finally {
        if (in != null) Connection.BUFFERS.give(in);
      }
    }

    private void readMore(SelectionKey key) {
      SocketChannel channel = (SocketChannel) key.channel();
      Waiting w = (Waiting) key.attachment();
      try {
        Ascii in = w.request;
        if (in.length() == in.array().length) {
          answerPartOrDrop(key, w); // a request this long is nonsense; answer what came, as firmware does
          return;
        }
        int got = channel.read(ByteBuffer.wrap(in.array(), in.length(), in.array().length - in.length()));
        if (got < 0) {
          answerPartOrDrop(key, w); // the client closed its side: answer what it sent
          return;
        }
        in.filled(in.length() + got);
        int len = Connection.requestEnd(in.array(), in.length());
        if (len >= 0) {
          key.cancel();
          answer(channel, w.index, in.array(), len);
          Connection.BUFFERS.give(in);
        }
      } catch (IOException | RuntimeException e) {
        w.drop(key);
      }
    }

    /** Connections still waiting for their request past the read timeout are answered with what came, or dropped. */
    private void sweep() {
      long now = System.nanoTime();
      for (SelectionKey key : selector.keys()) {
        if (key.attachment() instanceof Waiting w && now - w.deadlineNanos > 0) answerPartOrDrop(key, w);
      }
    }

    private void answerPartOrDrop(SelectionKey key, Waiting w) {
      if (w.request.length() == 0) {
        w.drop(key);
        return;
      }
      key.cancel();
      try {
        answer((SocketChannel) key.channel(), w.index, w.request.array(), w.request.length());
      } catch (IOException | RuntimeException e) {
        closeQuietly(key.channel());
      } finally {
        Connection.BUFFERS.give(w.request);
      }
    }

    /** Prints the miner's reply into this thread's buffer and sends it with one non-blocking write. */
    private void answer(SocketChannel channel, int index, byte[] request, int len) throws IOException {
      Request parsed = Request.parse(request, len);
      long now = fleet.nowMillis();
      Telemetry t = new Telemetry(fleet, index, now);
      ReplyWriter.render(out.reset(), Firmware.of(t.dialect), parsed, t, Connection.refusesJoins(fleet, index, t), new Actions(fleet, index, now));
      ByteBuffer reply = ByteBuffer.wrap(out.array(), 0, out.length());
      channel.write(reply);
      served.increment();
      if (reply.hasRemaining()) {
        // the socket buffer is full (a huge reply, a client not reading): finish it elsewhere
        Ascii rest = Connection.BUFFERS.take();
        rest.append(out.array(), reply.position(), reply.remaining());
        handedOver.increment();
        Thread.startVirtualThread(() -> Connection.finishWrite(channel, rest));
        return;
      }
      channel.close();
    }

    void shut() {
      closeQuietly(server);
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }

  }

  private static void closeQuietly(java.nio.channels.Channel c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
