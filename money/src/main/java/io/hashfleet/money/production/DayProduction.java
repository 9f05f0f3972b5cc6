package io.hashfleet.money.production;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import java.time.LocalDate;

/**
 * Expected production on one UTC day (or the part of it inside the period).
 *
 * @param averageHashrate time-weighted over the part of the day inside the period, gaps as zero
 * @param difficulty time-weighted harmonic mean over that part of the day
 */
public record DayProduction(LocalDate day, double blocks, Btc subsidy, Btc fees, Btc total, Hashrate averageHashrate,
    double difficulty) {}
