package io.hashfleet.sim;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reply buffers shared by connections. Each connection runs on its own short-lived virtual thread,
 * so a ThreadLocal would never be reused; a small lock-free pool gives the same effect: a buffer
 * grown once to a reply's size stays that size, and a request allocates nothing for its output.
 */
final class BufferPool {
  private static final int SLOTS = 64;
  private static final int INITIAL = 8192;
  /** A garbage reply can reach 1.6 MB: such buffers are dropped rather than kept. */
  private static final int MAX_KEPT = 256 * 1024;

  private final AtomicReferenceArray<Ascii> slots = new AtomicReferenceArray<>(SLOTS);

  Ascii take() {
    int start = (int) (Thread.currentThread().threadId() & (SLOTS - 1));
    for (int i = 0; i < SLOTS; i++) {
      int k = (start + i) & (SLOTS - 1);
      Ascii a = slots.getPlain(k);
      if (a != null && slots.compareAndSet(k, a, null)) return a.reset();
    }
    return new Ascii(INITIAL);
  }

  void give(Ascii a) {
    if (a.array().length > MAX_KEPT) return;
    int start = (int) (Thread.currentThread().threadId() & (SLOTS - 1));
    for (int i = 0; i < SLOTS; i++) {
      int k = (start + i) & (SLOTS - 1);
      if (slots.getPlain(k) == null && slots.compareAndSet(k, null, a)) return;
    }
  }
}
