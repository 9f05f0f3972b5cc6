package io.hashfleet.sim;

import java.util.List;

/** One command's answer, before it is printed as JSON or cgminer text. */
sealed interface Reply {
  /** The cgminer envelope: {@code {"STATUS":[status],"SECTION":[rows…],"id":1}}; no section on errors. */
  record Envelope(Rec status, String section, List<Rec> rows) implements Reply {}

  /** A reply whose whole shape is the firmware's own (btminer's Code 131 status, Bitmain new_api). */
  record Document(Rec doc) implements Reply {}
}
