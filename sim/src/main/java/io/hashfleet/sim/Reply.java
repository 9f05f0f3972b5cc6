package io.hashfleet.sim;

import java.util.List;

/** One command's answer, before it is printed as JSON or cgminer text. */
sealed interface Reply {
  /**
   * The cgminer envelope: {@code {"STATUS":[status],"SECTION":[rows…],"id":1}}; no section on errors.
   *
   * @param runTogether rows printed as {@code }{} with no comma between them, as bmminer prints
   *     its STATS objects; pollers must repair it
   */
  record Envelope(Rec status, String section, List<Rec> rows, boolean runTogether) implements Reply {
    Envelope(Rec status, String section, List<Rec> rows) {
      this(status, section, rows, false);
    }

    Envelope withRowsRunTogether() {
      return new Envelope(status, section, rows, true);
    }
  }

  /** A reply whose whole shape is the firmware's own (btminer's Code 131 status, Bitmain new_api). */
  record Document(Rec doc) implements Reply {}
}
