package io.hashfleet.console.web;

/** An answer other than 200, with the message the client gets as {"error": ...}. */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException unauthorized() {
    return new ApiException(401, "login required: POST /api/login, or send Authorization: Bearer <token>");
  }

  static ApiException forbidden(String why) {
    return new ApiException(403, why);
  }

  /** Also what another tenant's ids get: they must not learn whether the thing exists. */
  static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }
}
