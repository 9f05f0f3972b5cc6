package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Ipv4;
import io.hashfleet.domain.Make;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the fleet stores per miner: three bytes, plus what the few miners given commands were
 * told ({@link PowerBook}). All other figures are recomputed on demand from (seed, index, time),
 * which keeps 100,000 miners to a few hundred kilobytes of heap.
 */
final class FleetState {
  private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);
  static final byte NO_FAULT = -1;
  private static final Dialect[] DIALECTS = Dialect.values();
  private static final Fault[] FAULTS = Fault.values();

  final SimConfig config;
  final long seed;
  final long baseAddress;
  final int size;
  /** Wall-clock second the fleet started: boot times are fixed offsets before it. */
  final long startEpochSec;
  /** Injected so tests of sleep and boot timing can move time on instead of waiting. */
  final InstantSource clock;
  final PowerBook power;
  final Logins logins = new Logins();
  final AsicModel[] models;
  private final byte[] model;
  private final byte[] dialect;
  /** Written by inject/clear on one thread, read by connection threads: volatile access. */
  private final byte[] fault;

  FleetState(SimConfig config, InstantSource clock) {
    this.config = config;
    this.seed = config.seed();
    this.baseAddress = config.range().base();
    this.size = config.miners();
    this.clock = clock;
    this.startEpochSec = clock.millis() / 1000;
    this.power = new PowerBook(config.sleepTime(), config.bootTime());
    List<AsicModel> ms = new ArrayList<>();
    int[] modelWeights = new int[config.modelMix().size()];
    int k = 0;
    for (Map.Entry<String, Integer> e : config.modelMix().entrySet()) {
      ms.add(config.catalog().byId(e.getKey()).orElseThrow());
      modelWeights[k++] = e.getValue();
    }
    this.models = ms.toArray(AsicModel[]::new);
    AntminerFirmware[] firmwares = new AntminerFirmware[config.firmwareMix().size()];
    int[] firmwareWeights = new int[firmwares.length];
    k = 0;
    for (Map.Entry<String, Integer> e : config.firmwareMix().entrySet()) {
      firmwares[k] = AntminerFirmware.parse(e.getKey());
      firmwareWeights[k++] = e.getValue();
    }
    model = new byte[size];
    dialect = new byte[size];
    fault = new byte[size];
    for (int i = 0; i < size; i++) {
      int m = Rng.pick(modelWeights, Rng.unit(seed, i, 1));
      model[i] = (byte) m;
      Dialect d = switch (models[m].make()) {
        case WHATSMINER -> Dialect.WHATSMINER;
        case AVALON -> Dialect.AVALON;
        case ANTMINER, UNKNOWN -> firmwares[Rng.pick(firmwareWeights, Rng.unit(seed, i, 2))].dialect;
      };
      dialect[i] = (byte) d.ordinal();
      boolean faulty = Rng.unit(seed, i, 3) * 100 < config.faultPct();
      fault[i] = faulty ? (byte) (int) (Rng.unit(seed, i, 4) * FAULTS.length) : NO_FAULT;
    }
  }

  /** Miner number for an IPv4 address held as a long, or -1 when it is not in the fleet. */
  int indexOf(long address) {
    long i = address - baseAddress;
    return i >= 0 && i < size ? (int) i : -1;
  }

  String ip(int index) {
    return Ipv4.toDotted(baseAddress + index);
  }

  AsicModel model(int index) {
    return models[model[index]];
  }

  Make make(int index) {
    return model(index).make();
  }

  Dialect dialect(int index) {
    return DIALECTS[dialect[index]];
  }

  Fault fault(int index) {
    byte f = (byte) BYTES.getVolatile(fault, index);
    return f == NO_FAULT ? null : FAULTS[f];
  }

  void setFault(int index, Fault f) {
    BYTES.setVolatile(fault, index, f == null ? NO_FAULT : (byte) f.ordinal());
  }

  long nowMillis() {
    return clock.millis();
  }

  /** Seconds between a miner's boot and the fleet start: an hour to 30 days, fixed per unit. */
  long bootEpochSec(int index) {
    return startEpochSec - 3600 - (long) (Rng.unit(seed, index, 5) * 30 * 86400);
  }
}
