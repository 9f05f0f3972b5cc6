package io.hashfleet.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser-like API client: keeps its session cookie, sends the CSRF token it was given. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  String csrf;
  String bearer;

  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  ApiClient(String base) {
    this.base = base;
  }

  static ApiClient loggedIn(String base, String user, String password) {
    ApiClient c = new ApiClient(base);
    Reply r = c.login(user, password);
    if (r.status() != 200) throw new AssertionError("login of " + user + " answered " + r.status() + ": " + r.body());
    return c;
  }

  Reply login(String user, String password) {
    Reply r = send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    if (r.status() == 200) csrf = r.json().get("csrf").asText();
    return r;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply send(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) b.header("Content-Type", "application/json");
    if (csrf != null) b.header("X-CSRF-Token", csrf);
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
