package io.hashfleet.energy.backtest;

import java.util.List;

/**
 * @param total the fleet; its curtailedHours are hours in which any model was off
 * @param intervals price intervals inside the period that were used
 * @param hoursWithoutPrice hours of the period no interval covered (left out of every figure)
 */
public record BacktestResult(BacktestSettings settings, String hashpriceBasis, List<ModelResult> models, ModelResult total, int intervals,
    double hoursWithoutPrice, List<String> notes) {}
