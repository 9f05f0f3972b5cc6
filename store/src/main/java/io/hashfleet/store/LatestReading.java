package io.hashfleet.store;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Power;
import java.time.Instant;
import java.util.List;

/**
 * The numbers from a miner's newest sample. Fields the miner did not report are null; when it did
 * not answer at all ({@code answered} false) the hashrates are zero and the rest null.
 *
 * @param fansRpm every fan's speed in the firmware's order, empty when none was reported
 */
public record LatestReading(
    Instant at,
    HealthState health,
    String detail,
    boolean answered,
    Hashrate hashrate,
    Hashrate hashrateAvg,
    Power power,
    Double tempMaxC,
    Integer boardsAlive,
    Integer boardsTotal,
    Integer fanMinRpm,
    Integer fanMaxRpm,
    Long accepted,
    Long rejected,
    Long stale,
    Long hwErrors,
    Long uptimeS,
    String poolUrl,
    List<Integer> fansRpm) {}
