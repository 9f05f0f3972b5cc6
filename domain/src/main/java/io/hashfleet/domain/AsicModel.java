package io.hashfleet.domain;

import java.util.List;

/**
 * One ASIC model's nameplate figures, from the catalog file.
 *
 * @param id short catalog id used everywhere else ("s19xp", "s21", "m50s")
 * @param name full name as operators write it ("Antminer S19 XP")
 * @param aliases other strings firmware reports for this model
 */
public record AsicModel(
    String id,
    Make make,
    String name,
    double nominalThs,
    int watts,
    double joulesPerTh,
    int hashboards,
    int chipsPerBoard,
    int fans,
    List<String> aliases) {

  public AsicModel {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("model id is empty");
    if (nominalThs <= 0) throw new IllegalArgumentException(id + ": nominal TH/s must be positive");
    if (watts <= 0) throw new IllegalArgumentException(id + ": watts must be positive");
    if (hashboards <= 0) throw new IllegalArgumentException(id + ": hashboards must be positive");
    aliases = List.copyOf(aliases);
  }

  public Hashrate nominal() {
    return Hashrate.ofThs(nominalThs);
  }
}
