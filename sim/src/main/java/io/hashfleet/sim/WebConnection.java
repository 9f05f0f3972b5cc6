package io.hashfleet.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Serves one connection to the fleet's web port: finds the miner by the local address the client
 * dialled, as {@link Connection} does for the API port, reads one request, answers as that
 * miner's web server (or misbehaves as its fault says) and closes. One request per connection
 * ({@code Connection: close}) keeps it simple; HTTP clients then simply reconnect.
 */
final class WebConnection implements Runnable {
  private static final int READ_TIMEOUT_MS = 30_000;
  private final SocketChannel channel;
  private final FleetState fleet;

  WebConnection(SocketChannel channel, FleetState fleet) {
    this.channel = channel;
    this.fleet = fleet;
  }

  @Override
  public void run() {
    try (channel) {
      int index = Connection.minerIndex(fleet, ((InetSocketAddress) channel.getLocalAddress()).getAddress());
      Fault fault = index < 0 ? null : fleet.fault(index);
      if (index < 0 || fault == Fault.OFFLINE) {
        Connection.reset(channel);
        return;
      }
      Socket socket = channel.socket();
      socket.setSoTimeout(READ_TIMEOUT_MS);
      WebRequest request = WebRequest.read(socket.getInputStream());
      if (request == null) return;
      if (fault == Fault.HUNG) {
        Connection.hold(socket);
        return;
      }
      long now = fleet.nowMillis();
      byte[] reply = fault == Fault.GARBAGE ? Garbage.bytes(fleet.seed, index, now)
          : AntminerWeb.answer(request, new Telemetry(fleet, index, now), new Actions(fleet, index, now));
      if (fault == Fault.SLOW) {
        socket.setTcpNoDelay(true);
        Connection.drip(socket.getOutputStream(), reply, reply.length);
      } else {
        ByteBuffer b = ByteBuffer.wrap(reply);
        while (b.hasRemaining()) channel.write(b);
      }
    } catch (SocketTimeoutException e) {
      // a client that connected and never sent: dropped, as lighttpd does
    } catch (IOException | RuntimeException e) {
      // the client went away or sent nonsense
    }
  }

  /** A whole HTTP/1.1 response that closes the connection. */
  static byte[] response(int status, String reason, String contentType, String extraHeaders, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\nServer: lighttpd/1.4.32\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + b.length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }
}
