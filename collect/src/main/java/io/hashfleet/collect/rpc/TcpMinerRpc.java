package io.hashfleet.collect.rpc;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The cgminer-family transport: one TCP connection per request, the reply read until the peer
 * closes or sends a NUL byte. Blocking I/O, meant to run on virtual threads.
 *
 * <p>Every read is bounded by both the read timeout and what is left of the total deadline, so a
 * miner that drips a byte every few seconds is cut off like one that never answers.
 */
public final class TcpMinerRpc implements MinerRpc {
  private final MinerAddress address;
  private final RpcTimeouts timeouts;

  public TcpMinerRpc(MinerAddress address, RpcTimeouts timeouts) {
    this.address = address;
    this.timeouts = timeouts;
  }

  public MinerAddress address() {
    return address;
  }

  @Override
  public String call(String request) throws IOException {
    long deadline = System.nanoTime() + timeouts.total().toNanos();
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      connect(socket);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readReply(socket, deadline);
    } catch (RpcException e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw new RpcException(address, RpcException.Kind.READ_TIMEOUT, "no reply within " + timeouts.read().toMillis() + " ms", e);
    } catch (SocketException e) {
      throw new RpcException(address, RpcException.Kind.RESET, "connection reset: " + e.getMessage(), e);
    }
  }

  private void connect(Socket socket) throws IOException {
    try {
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeouts.connect().toMillis());
    } catch (ConnectException e) {
      throw new RpcException(address, RpcException.Kind.REFUSED, "connection refused", e);
    } catch (SocketTimeoutException e) {
      throw new RpcException(address, RpcException.Kind.CONNECT_TIMEOUT, "connect timed out after " + timeouts.connect().toMillis() + " ms", e);
    } catch (NoRouteToHostException | UnknownHostException e) {
      throw new RpcException(address, RpcException.Kind.REFUSED, "unreachable: " + e.getMessage(), e);
    }
  }

  private String readReply(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[8192];
    int len = 0;
    while (true) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        throw new RpcException(address, RpcException.Kind.READ_TIMEOUT,
            "reply not complete within " + timeouts.total().toMillis() + " ms (" + len + " bytes so far)", null);
      }
      socket.setSoTimeout((int) Math.max(1, Math.min(leftMs, timeouts.read().toMillis())));
      if (len == buf.length) {
        if (buf.length >= timeouts.maxReplyBytes()) {
          throw new RpcException(address, RpcException.Kind.TOO_LARGE, "reply over " + timeouts.maxReplyBytes() + " bytes, dropped", null);
        }
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, timeouts.maxReplyBytes()));
      }
      int n;
      try {
        n = in.read(buf, len, buf.length - len);
      } catch (SocketTimeoutException e) {
        boolean pastDeadline = System.nanoTime() >= deadline;
        String why = pastDeadline || len > 0
            ? "reply not complete within " + timeouts.total().toMillis() + " ms (" + len + " bytes so far)"
            : "no reply within " + timeouts.read().toMillis() + " ms";
        throw new RpcException(address, RpcException.Kind.READ_TIMEOUT, why, e);
      }
      if (n < 0) break;
      int nul = indexOfNul(buf, len, n);
      if (nul >= 0) {
        len = nul;
        break;
      }
      len += n;
    }
    if (len == 0) throw new RpcException(address, RpcException.Kind.EMPTY, "connection closed without a reply", null);
    // Invalid UTF-8 becomes U+FFFD rather than an exception: the parser then reports what is wrong.
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  private static int indexOfNul(byte[] buf, int from, int n) {
    for (int i = from; i < from + n; i++) if (buf[i] == 0) return i;
    return -1;
  }
}
