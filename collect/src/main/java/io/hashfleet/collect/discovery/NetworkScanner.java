package io.hashfleet.collect.discovery;

import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds every miner in a set of IPv4 ranges, concurrently: each address is asked what it is, and
 * each miner found is polled once so the scan reports what it is doing.
 *
 * <p>Addresses where nothing listens fail fast (refused) or at the connect timeout; both are
 * bounded by the concurrency cap, so a /16 of mostly empty addresses finishes in seconds.
 */
public final class NetworkScanner {
  private final MinerProbe probe;
  private final int concurrency;

  public NetworkScanner(MinerProbe probe, int concurrency) {
    if (concurrency < 1) throw new IllegalArgumentException("scan concurrency must be at least 1");
    this.probe = probe;
    this.concurrency = concurrency;
  }

  public ScanReport scan(List<Cidr> ranges, int port, ScanProgress progress) throws InterruptedException {
    long t0 = System.nanoTime();
    long total = 0;
    for (Cidr c : ranges) total += c.size();
    List<FoundMiner> found = Collections.synchronizedList(new ArrayList<>());
    List<String> notMiners = Collections.synchronizedList(new ArrayList<>());
    AtomicLong done = new AtomicLong();
    Semaphore slots = new Semaphore(concurrency);
    long totalAddresses = total;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Cidr range : ranges) {
        for (String host : range) {
          slots.acquire();
          MinerAddress address = new MinerAddress(host, port);
          pool.execute(() -> {
            try {
              probeOne(address, found, notMiners);
            } finally {
              slots.release();
              long d = done.incrementAndGet();
              if ((d & 255) == 0 || d == totalAddresses) progress.update(d, totalAddresses, found.size());
            }
          });
        }
      }
    }
    List<FoundMiner> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> a.address().compareTo(b.address()));
    progress.update(done.get(), totalAddresses, sorted.size());
    return new ScanReport(sorted, done.get(), List.copyOf(notMiners), Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * A refused port is final; a timeout or reset on a busy network often is not (a miner's API
   * drops connections while it restarts cgminer), so those get one more try.
   */
  private Optional<MinerIdentity> identifyWithRetry(MinerAddress address) throws IOException {
    try {
      return probe.identify(address);
    } catch (RpcException e) {
      if (e.kind() == RpcException.Kind.REFUSED || e.kind() == RpcException.Kind.EMPTY) throw e;
      return probe.identify(address);
    }
  }

  private void probeOne(MinerAddress address, List<FoundMiner> found, List<String> notMiners) {
    Optional<MinerIdentity> identity;
    try {
      identity = identifyWithRetry(address);
    } catch (RpcException e) {
      return; // nothing listening, or it hung up twice: not a miner we can talk to
    } catch (IOException | RuntimeException e) {
      notMiners.add(address + ": " + e.getMessage());
      return;
    }
    if (identity.isEmpty()) {
      notMiners.add(address + ": answered, but not a miner API");
      return;
    }
    try {
      MinerTelemetry t = probe.poll(address, identity.get());
      found.add(new FoundMiner(address, identity.get(), t, null));
    } catch (IOException | RuntimeException e) {
      found.add(new FoundMiner(address, identity.get(), null, e.getMessage()));
    }
  }
}
