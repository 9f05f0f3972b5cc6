package io.hashfleet.domain;

/**
 * One hashboard (chain) of a miner at one moment.
 *
 * @param index board slot as the firmware numbers it
 * @param hashrate the board's current hashrate
 * @param chips ASIC chips the board reports as detected
 * @param boardTempC hottest PCB sensor, or null when not reported
 * @param chipTempC hottest chip sensor, or null when not reported
 * @param hwErrors hardware errors counted on this board
 */
public record HashboardReading(int index, Hashrate hashrate, int chips, Double boardTempC, Double chipTempC, long hwErrors) {
  /** A board with no chips or no hashrate is not producing. */
  public boolean alive() {
    return chips > 0 && !hashrate.isZero();
  }

  public Double maxTempC() {
    if (boardTempC == null) return chipTempC;
    if (chipTempC == null) return boardTempC;
    return Math.max(boardTempC, chipTempC);
  }
}
