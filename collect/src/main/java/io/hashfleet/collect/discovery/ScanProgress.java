package io.hashfleet.collect.discovery;

/** Told how far a scan has got, for a progress bar; called from many threads. */
@FunctionalInterface
public interface ScanProgress {
  ScanProgress NONE = (done, total, found) -> {};

  void update(long done, long total, long found);
}
