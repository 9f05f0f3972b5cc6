package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;

/**
 * One miner's physical state at one second, derived from (seed, index, time) alone. Firmware
 * dialects read it and print it in their own keys and units; all of them print the same truth.
 */
final class Telemetry {
  static final double TWO_32 = 4294967296.0;
  static final long POOL_DIFF = 65536;

  final int index;
  final String ip;
  final long address;
  final AsicModel model;
  final Dialect dialect;
  final Fault fault;
  final PowerState powerState;
  final long now;
  final long elapsed;
  final int boards;
  final int deadBoard;
  /** GH/s: the stable average the firmware reports, and noisier short windows. */
  final double idealGhs, avgGhs, ghs5s, ghs1m, ghs15m, ghs30m;
  final double[] boardGhs5s, boardGhsAvg;
  final int[] chips;
  /** Per board: average chip temperature and PCB temperature, °C. */
  final double[] chipTemp, pcbTemp;
  final int[] fanRpm;
  final int powerW;
  /** W: what this unit draws hashing normally, with its own bin and boards (no target; whatever its pools). */
  final double normalW;
  /** W: the tuner's power limit: the saved power target, or the model's nominal draw without one. */
  final int powerLimitW;
  final long accepted, rejected, hwErrors;
  final int freqMhz;
  final boolean poolsAlive;

  Telemetry(FleetState fleet, int index, long nowMillis) {
    long seed = fleet.seed;
    long nowEpochSec = Math.floorDiv(nowMillis, 1000);
    PowerBook.PowerLevel level = fleet.power.at(index, nowMillis);
    this.index = index;
    this.address = fleet.baseAddress + index;
    this.ip = fleet.ip(index);
    this.model = fleet.model(index);
    this.dialect = fleet.dialect(index);
    this.fault = fleet.fault(index);
    this.now = nowEpochSec;
    this.powerState = level.state();
    // a wake restarts the mining software, so its uptime and share counters start again
    long started = level.restartMs() >= 0 ? level.restartMs() / 1000 : fleet.bootEpochSec(index);
    this.elapsed = Math.max(1, nowEpochSec - started);
    this.boards = model.hashboards();
    this.deadBoard = fault == Fault.DEAD_BOARD ? (int) (Rng.unit(seed, index, 7) * boards) : -1;
    poolsAlive = fault != Fault.POOL_DOWN;

    // the per-unit bin factor is fixed, so the reported average is stable enough to check within 1%
    double bin = 0.97 + 0.06 * Rng.unit(seed, index, 6);
    idealGhs = model.nominalThs() * 1000;
    double healthy = idealGhs * bin;
    double[] weight = new double[boards];
    double sum = 0;
    for (int b = 0; b < boards; b++) {
      weight[b] = b == deadBoard ? 0 : 1 + 0.03 * Rng.signed(seed, index, 10 + b);
      sum += weight[b];
    }
    double unitGhs = healthy * sum / boardWeightTotal(seed, index);
    normalW = model.watts() * (unitGhs / idealGhs);
    double targetShare = fleet.power.targetShare(index);
    powerLimitW = targetShare == 1 ? model.watts() : (int) Math.round(targetShare * normalW);
    double fullGhs = poolsAlive ? unitGhs : 0;
    avgGhs = fullGhs * level.hashFactor();
    ghs5s = avgGhs * (1 + 0.02 * Rng.signed(seed, index, 0x100000000L + now / 5));
    ghs1m = avgGhs * (1 + 0.008 * Rng.signed(seed, index, 0x200000000L + now / 60));
    ghs15m = avgGhs * (1 + 0.003 * Rng.signed(seed, index, 0x300000000L + now / 900));
    ghs30m = avgGhs * (1 + 0.002 * Rng.signed(seed, index, 0x400000000L + now / 1800));
    boardGhs5s = new double[boards];
    boardGhsAvg = new double[boards];
    chips = new int[boards];
    chipTemp = new double[boards];
    pcbTemp = new double[boards];
    double hottest = 0;
    for (int b = 0; b < boards; b++) {
      boardGhs5s[b] = sum == 0 ? 0 : ghs5s * weight[b] / sum;
      boardGhsAvg[b] = sum == 0 ? 0 : avgGhs * weight[b] / sum;
      chips[b] = b == deadBoard ? 0 : model.chipsPerBoard();
      double load = boardGhs5s[b] / (idealGhs / boards);
      // chips idle near 40 °C and run ~68 °C at full load; boards sit ~12 °C below their chips
      double chip = 40 + 28 * load + 2 * Rng.signed(seed, index, 20 + b) + 0.5 * Rng.signed(seed, index, 0x500000000L + now / 5 + b);
      if (fault == Fault.OVERHEAT) chip += 32;
      chipTemp[b] = chip;
      pcbTemp[b] = chip - 12 + Rng.signed(seed, index, 30 + b);
      hottest = Math.max(hottest, chip);
    }
    fanRpm = new int[model.fans()];
    for (int f = 0; f < fanRpm.length; f++) {
      double rpm = 3600 + (hottest - 60) * 120 + 60 * Rng.signed(seed, index, 40 + f);
      fanRpm[f] = fault == Fault.FAN_FAIL && f == 0 ? 0 : (int) Math.max(1800, Math.min(7000, rpm));
    }
    double hashingWatts = poolsAlive ? normalW : 0.06 * model.watts();
    double watts = level.watts(hashingWatts);
    powerW = (int) Math.round(watts * (1 + 0.004 * Rng.signed(seed, index, 0x600000000L + now / 5)));
    // shares accumulate at the healthy rate since boot: Difficulty Accepted × 2^32 / Elapsed ≈ hashrate
    accepted = (long) (healthy * 1e9 * elapsed / (POOL_DIFF * TWO_32));
    rejected = (long) (accepted * (0.0005 + 0.003 * Rng.unit(seed, index, 8)));
    hwErrors = (long) (elapsed * 0.002 * Rng.unit(seed, index, 9));
    freqMhz = 480 + (int) (Rng.unit(seed, index, 11) * 8) * 5;
  }

  private double boardWeightTotal(long seed, int index) {
    double s = 0;
    for (int b = 0; b < boards; b++) s += 1 + 0.03 * Rng.signed(seed, index, 10 + b);
    return s;
  }

  /** Told to sleep: winding down or asleep, as firmware reports its mode. */
  boolean asleep() {
    return powerState == PowerState.WINDING_DOWN || powerState == PowerState.SLEEPING;
  }

  double avgThs() {
    return avgGhs / 1000;
  }

  double maxChipTemp() {
    double m = 0;
    for (double t : chipTemp) m = Math.max(m, t);
    return m;
  }

  double avgChipTemp() {
    double s = 0;
    for (double t : chipTemp) s += t;
    return s / boards;
  }

  double maxPcbTemp() {
    double m = 0;
    for (double t : pcbTemp) m = Math.max(m, t);
    return m;
  }

  /** diff-1 shares per minute at the average rate, as cgminer's "Work Utility". */
  double workUtility() {
    return avgGhs * 1e9 * 60 / TWO_32;
  }

  String mac() {
    return "02:48:46:" + Ascii.hexUpper(index >>> 16, 2) + ":" + Ascii.hexUpper(index >>> 8, 2) + ":" + Ascii.hexUpper(index, 2);
  }

  String worker() {
    // the address's last two octets, as operators name workers by rack position
    return "hashfleet." + ((address >>> 8) & 255) + "x" + (address & 255);
  }

  static final String POOL_URL = "stratum+tcp://pool.example.com:3333";
}
