package io.hashfleet.collect.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.control.PowerCommand.SetPowerTarget;
import io.hashfleet.collect.control.PowerCommand.Sleep;
import io.hashfleet.collect.control.PowerCommand.Wake;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * LuxOS: privileged commands need a session. {@code logon} opens one and answers its id in
 * {@code SESSION[0].SessionID}; LuxOS allows one session at a time, so when another is active its
 * id is read with {@code session}. Then {@code curtail <sid>,sleep} or {@code <sid>,wakeup}.
 *
 * <p>A session this controller opened is kept for its next command to that miner (the wake at the
 * end of an event, the next shed): a fleet-wide shed is then one exchange per LuxOS miner instead
 * of three (logon, curtail, logoff), which is most of what a 100 MW call costs. Other tools can
 * still act, since {@code session} hands them the active id. A kept id that the miner no longer
 * knows (it timed the session out, rebooted, someone logged it off) is dropped and a new session
 * opened. {@link #close} logs off what is kept. A borrowed session is used once and never kept or
 * logged off, or the tool that opened it would lose it mid-work.
 */
final class LuxosControl implements PowerController, AutoCloseable {
  private final Function<MinerAddress, MinerRpc> rpcs;
  private final Map<MinerAddress, String> kept = new ConcurrentHashMap<>();

  LuxosControl(Function<MinerAddress, MinerRpc> rpcs) {
    this.rpcs = rpcs;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    String mode = switch (command) {
      case Sleep s -> "sleep";
      case Wake w -> "wakeup";
      case SetPowerTarget t -> null;
    };
    if (mode == null) return new Refused(miner, "unsupported: LuxOS sets power through profiles (profileset), which Hashfleet does not send");
    MinerRpc rpc = rpcs.apply(miner);
    String sid = kept.get(miner);
    if (sid != null) {
      FirmwareStatus st = curtail(rpc, miner, sid, mode);
      if (!invalidSession(st)) return outcome(miner, mode, st);
      kept.remove(miner, sid);
    }
    JsonNode logon = FirmwareStatus.call(rpc, miner, FirmwareStatus.request("logon", null));
    FirmwareStatus logonStatus = FirmwareStatus.of(logon);
    boolean owned = logonStatus.ok();
    sid = owned ? sessionId(logon) : sessionId(FirmwareStatus.call(rpc, miner, FirmwareStatus.request("session", null)));
    if (sid.isEmpty()) return new Refused(miner, "LuxOS logon refused (" + logonStatus + ") and no session is active");
    if (owned) kept.put(miner, sid);
    return outcome(miner, mode, curtail(rpc, miner, sid, mode));
  }

  private static FirmwareStatus curtail(MinerRpc rpc, MinerAddress miner, String sid, String mode) throws IOException {
    return FirmwareStatus.of(FirmwareStatus.call(rpc, miner, FirmwareStatus.request("curtail", sid + "," + mode)));
  }

  private static CommandResult outcome(MinerAddress miner, String mode, FirmwareStatus st) {
    if (st.ok() || st.already()) return new Accepted(miner, "curtail " + mode + " (" + st.msg() + ")");
    return new Refused(miner, "curtail " + mode + " refused: " + st);
  }

  /** LuxOS answers an unknown or expired session id with an error naming the session. */
  private static boolean invalidSession(FirmwareStatus st) {
    return !st.ok() && st.msg().toLowerCase(Locale.ROOT).contains("session");
  }

  private static String sessionId(JsonNode reply) {
    return reply.at("/SESSION/0/SessionID").asText("").trim();
  }

  /** How many sessions this controller holds open; for tests and status. */
  int keptSessions() {
    return kept.size();
  }

  /**
   * Logs off every kept session, in parallel and within {@code seconds}; best effort, since a
   * miner that does not answer ends idle sessions itself.
   */
  void logoffAll(long seconds) {
    if (kept.isEmpty()) return;
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    Semaphore slots = new Semaphore(256);
    for (Map.Entry<MinerAddress, String> e : kept.entrySet()) {
      threads.submit(() -> {
        slots.acquire();
        try {
          rpcs.apply(e.getKey()).call(FirmwareStatus.request("logoff", e.getValue()));
        } finally {
          slots.release();
        }
        return null;
      });
    }
    threads.shutdown();
    try {
      if (!threads.awaitTermination(seconds, TimeUnit.SECONDS)) threads.shutdownNow();
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
    kept.clear();
  }

  @Override
  public void close() {
    logoffAll(5);
  }
}
