package io.hashfleet.store.internal;

import io.hashfleet.store.StoreException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database: a single writer connection behind a lock, and a fresh duplicate of it for
 * every read.
 *
 * <p>Why this shape: DuckDB allows one process to hold the file and a connection is not safe for
 * concurrent use, but duplicates of a connection share the database and read under MVCC. So the
 * poller's appends, rollups and registry updates queue on the lock, while dashboards read in
 * parallel from their own short-lived duplicates and see only committed data.
 */
public final class Database implements AutoCloseable {
  /** A unit of work against a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(DuckDBConnection c) throws SQLException;
  }

  private final String name;
  private final DuckDBConnection writer;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean closed;

  private Database(String name, DuckDBConnection writer) {
    this.name = name;
    this.writer = writer;
  }

  /** Opens {@code jdbc:duckdb:<file>}, or an in-memory database for an empty file. */
  public static Database open(String file) {
    String name = file.isEmpty() ? "in-memory store" : file;
    try {
      DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
      return new Database(name, c);
    } catch (SQLException e) {
      throw new StoreException(name + ": cannot open DuckDB database: " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  /** Runs {@code work} on the writer connection in one transaction, committed at the end. */
  public <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen(what);
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(name + ": " + what + " failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} on a duplicate connection, concurrently with the writer and other readers. */
  public <T> T read(String what, Work<T> work) {
    ensureOpen(what);
    try (DuckDBConnection c = (DuckDBConnection) writer.duplicate()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(name + ": " + what + " failed: " + e.getMessage(), e);
    }
  }

  private void ensureOpen(String what) {
    if (closed) throw new StoreException(name + ": " + what + " on a closed store");
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) return;
      closed = true;
      writer.close();
    } catch (SQLException e) {
      throw new StoreException(name + ": close failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
