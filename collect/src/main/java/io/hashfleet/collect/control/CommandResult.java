package io.hashfleet.collect.control;

import io.hashfleet.domain.MinerAddress;
import java.util.Objects;

/**
 * What became of one power command. The three cases need different handling by a dispatcher: an
 * accepted command is done, a refused one will be refused again (fix credentials or firmware
 * settings), a failed one may succeed on a retry.
 */
public sealed interface CommandResult {
  MinerAddress miner();

  /** What happened, without the address. */
  String text();

  /** The miner's address, then what happened: fit for a log line or an operator's screen. */
  default String message() {
    return miner() + ": " + text();
  }

  /** The firmware took the command (or was in that state already, which is as good). */
  record Accepted(MinerAddress miner, String detail) implements CommandResult {
    public Accepted {
      Objects.requireNonNull(miner, "miner");
    }

    @Override
    public String text() {
      return detail;
    }
  }

  /** The firmware answered no: access denied, wrong password, or a command it does not support. */
  record Refused(MinerAddress miner, String reason) implements CommandResult {
    public Refused {
      Objects.requireNonNull(miner, "miner");
    }

    @Override
    public String text() {
      return reason;
    }
  }

  /** No usable answer: unreachable, timed out, reset, or a reply that could not be read. */
  record Failed(MinerAddress miner, String reason) implements CommandResult {
    public Failed {
      Objects.requireNonNull(miner, "miner");
    }

    @Override
    public String text() {
      return reason;
    }
  }

  default boolean accepted() {
    return this instanceof Accepted;
  }
}
