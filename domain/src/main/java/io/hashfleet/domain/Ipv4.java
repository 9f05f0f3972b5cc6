package io.hashfleet.domain;

/** IPv4 addresses as unsigned 32-bit numbers held in a long, for ranges and ordering. */
public final class Ipv4 {
  private Ipv4() {}

  public static long toLong(String dotted) {
    long v = toLongOrMinus1(dotted);
    if (v < 0) throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
    return v;
  }

  static long toLongOrMinus1(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length != 4) return -1;
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) return -1;
      int octet = 0;
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c < '0' || c > '9') return -1;
        octet = octet * 10 + (c - '0');
      }
      if (octet > 255) return -1;
      v = (v << 8) | octet;
    }
    return v;
  }

  public static String toDotted(long v) {
    return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
  }
}
