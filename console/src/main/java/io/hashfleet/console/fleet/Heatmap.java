package io.hashfleet.console.fleet;

import java.util.List;

/**
 * A site's miners laid out by rack and position, in columns rather than one object per miner: at
 * 50,000 machines that is a tenth of the bytes and the page draws it onto one canvas.
 *
 * @param racks rack names in natural order ("R2" before "R10"); a miner's {@code rack} indexes it, -1 when unknown
 * @param states health codes; a miner's {@code state} indexes it
 * @param ths hashrate now in TH/s, one decimal
 */
public record Heatmap(String site, List<String> racks, int maxPosition, List<String> states, List<String> address, int[] rack,
    int[] position, int[] state, double[] ths, Double[] tempC) {}
