package io.hashfleet.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The fleet's second listening socket: every miner's web server, told apart by loopback address
 * like the API port. Stock Antminers are controlled over it (their RPC is read-only).
 */
final class WebFront implements AutoCloseable {
  private final FleetState state;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private volatile boolean closed;

  private WebFront(FleetState state, ServerSocketChannel server) {
    this.state = state;
    this.server = server;
    this.acceptor = Thread.ofPlatform().name("sim-web-accept-" + port()).daemon().unstarted(this::acceptLoop);
  }

  static WebFront start(FleetState state, String bindHost, int port) {
    WebFront front;
    try {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(new InetSocketAddress(bindHost, port), 1024);
      front = new WebFront(state, server);
    } catch (IOException e) {
      throw new UncheckedIOException("sim: cannot listen for web requests on " + bindHost + ":" + port + ": " + e.getMessage(), e);
    }
    front.acceptor.start();
    return front;
  }

  int port() {
    try {
      return ((InetSocketAddress) server.getLocalAddress()).getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel s = server.accept();
        Thread.startVirtualThread(new WebConnection(s, state));
      } catch (IOException e) {
        if (closed) return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
