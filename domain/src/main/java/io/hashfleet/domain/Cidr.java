package io.hashfleet.domain;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An IPv4 range in CIDR notation ({@code 10.1.0.0/16}); a bare address is a /32. */
public record Cidr(long base, int prefix) implements Iterable<String> {
  public Cidr {
    if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("CIDR prefix must be 0..32, got /" + prefix);
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    base = base & mask;
  }

  /** Parses a CIDR, naming the bad text in the error. */
  public static Cidr parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    int prefix;
    try {
      prefix = slash < 0 ? 32 : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed CIDR '" + text + "': prefix after '/' must be a number 0..32");
    }
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("malformed CIDR '" + text + "': prefix must be 0..32");
    }
    long v = Ipv4.toLongOrMinus1(addr);
    if (v < 0) throw new IllegalArgumentException("malformed CIDR '" + text + "': '" + addr + "' is not an IPv4 address");
    return new Cidr(v, prefix);
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  public String first() {
    return Ipv4.toDotted(base);
  }

  public boolean contains(String dotted) {
    long v = Ipv4.toLongOrMinus1(dotted);
    return v >= base && v < base + size();
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      long next = base;

      @Override
      public boolean hasNext() {
        return next < base + size();
      }

      @Override
      public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        return Ipv4.toDotted(next++);
      }
    };
  }

  @Override
  public String toString() {
    return Ipv4.toDotted(base) + "/" + prefix;
  }
}
