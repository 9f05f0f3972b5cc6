package io.hashfleet.collect.control;

import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command's HTTP exchanges with a miner's web API behind Digest auth. The first request goes
 * out bare and is answered 401 with a challenge; it is sent again answering it, and later requests
 * reuse the nonce with a rising count, as RFC 2617 allows. A 401 to an answered challenge is
 * handed to the caller: the login is wrong.
 *
 * <p>Every request is bounded as a whole by the total timeout (headers and body), so a miner that
 * drips its reply is cut off like one that never answers.
 */
final class DigestWeb {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final HttpClient http;
  private final MinerAddress miner;
  private final URI base;
  private final Credentials credentials;
  private final RpcTimeouts timeouts;
  private Digest.Challenge challenge;
  private int uses;

  DigestWeb(HttpClient http, MinerAddress miner, int port, Credentials credentials, RpcTimeouts timeouts) {
    this.http = http;
    this.miner = miner;
    this.base = URI.create("http://" + miner.host() + ":" + port);
    this.credentials = credentials;
    this.timeouts = timeouts;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return exchange("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return exchange("POST", path, body);
  }

  private HttpResponse<String> exchange(String method, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = send(method, path, body);
    if (r.statusCode() != 401) return r;
    Digest.Challenge fresh = Digest.Challenge.find(r.headers().allValues("WWW-Authenticate"));
    if (fresh == null) return r; // no challenge this client can answer: the caller reports the 401
    challenge = fresh;
    uses = 0;
    return send(method, path, body);
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeouts.total());
    if (challenge != null) b.header("Authorization", Digest.authorization(credentials, challenge, method, path, ++uses, cnonce()));
    // Bitmain's own page posts its JSON as text/plain
    if (body != null) b.header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
    CompletableFuture<HttpResponse<String>> f = http.sendAsync(b.build(), info -> new CappedBody(timeouts.maxReplyBytes()));
    try {
      return f.get(timeouts.total().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new RpcException(miner, RpcException.Kind.READ_TIMEOUT, "no reply within " + timeouts.total().toMillis() + " ms to " + method + " " + path, e);
    } catch (ExecutionException e) {
      throw failure(method + " " + path, e.getCause());
    }
  }

  private RpcException failure(String what, Throwable cause) {
    // The request's own timeout and the wait above share one deadline and race to it; either way
    // the miner gave no reply in time, and the message says so the same way.
    if (cause instanceof java.net.http.HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
      return new RpcException(miner, RpcException.Kind.READ_TIMEOUT, "no reply within " + timeouts.total().toMillis() + " ms to " + what, cause);
    }
    RpcException.Kind kind = cause instanceof HttpConnectTimeoutException ? RpcException.Kind.CONNECT_TIMEOUT
        : cause instanceof ConnectException ? RpcException.Kind.REFUSED
        : cause instanceof java.net.http.HttpTimeoutException ? RpcException.Kind.READ_TIMEOUT
        : RpcException.Kind.RESET;
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new RpcException(miner, kind, what + " on port " + base.getPort() + " failed: " + detail, cause);
  }

  private static String cnonce() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
