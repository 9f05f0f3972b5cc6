package io.hashfleet.store;

/** A store operation failed; the message says which operation and on which database. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
