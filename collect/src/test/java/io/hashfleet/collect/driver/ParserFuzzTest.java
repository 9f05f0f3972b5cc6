package io.hashfleet.collect.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.ModelCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a miner sends, the parsers answer with telemetry or a {@link ReplyFormatException}
 * naming the miner, promptly; never another exception, never a hang.
 */
class ParserFuzzTest {
  static final MinerAddress ADDR = MinerAddress.parse("10.9.9.9:4028");
  static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  static final List<String> JOINED = List.of(
      "bitmain/s19xp-summary+pools+stats.json",
      "braiins/summary+pools+devs+devdetails+temps+fans+tunerstatus.json",
      "luxos/summary+pools+stats+power+fans.json",
      "avalon/summary+pools+stats.json",
      "bitmain/s21-stats-new-api.json",
      "whatsminer/summary.json",
      "whatsminer/edevs.json");

  @Property(tries = 300)
  void randomBytes_onlyEverFailAsAReplyFormatProblem(@ForAll @Size(max = 400) byte[] bytes) {
    checkEveryDialect(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void truncatedFixtures_onlyEverFailAsAReplyFormatProblem(@ForAll("fixtures") String fixture, @ForAll double cut) {
    int at = (int) Math.floor(Math.abs(cut % 1.0) * fixture.length());
    checkEveryDialect(fixture.substring(0, at));
  }

  @Property(tries = 500)
  void mutatedFixtures_onlyEverFailAsAReplyFormatProblem(@ForAll("mutations") String mutated) {
    checkEveryDialect(mutated);
  }

  @Property(tries = 100)
  void identifyingAnythingAtAll_neverThrowsAnythingButIoProblems(@ForAll("mutations") String reply) {
    try {
      Identifier.identify(request -> reply, ModelCatalog.bundled());
    } catch (java.io.IOException e) {
      assertThat(e).isInstanceOf(ReplyFormatException.class);
    }
  }

  @Provide
  Arbitrary<String> fixtures() {
    return Arbitraries.of(JOINED).map(Fixtures::raw);
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<String> junk = Arbitraries.of("}", "{", "]", "[", ",", "\"", ":", "\0", "nan", "-inf", "}{", "\n", "\uFFFD", "99e999999", "\\");
    return Combinators.combine(fixtures(), Arbitraries.doubles().between(0, 1), junk, Arbitraries.integers().between(0, 3))
        .as((text, where, insert, how) -> {
          int i = (int) (where * text.length());
          return switch (how) {
            case 0 -> text.substring(0, i) + insert + text.substring(i);
            case 1 -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1 + insert.length()));
            case 2 -> text.substring(0, i) + insert + text.substring(Math.min(text.length(), i + insert.length()));
            default -> text.replace("\"", i % 2 == 0 ? "'" : "\"\"");
          };
        });
  }

  private static void checkEveryDialect(String text) {
    long start = System.nanoTime();
    try {
      RelaxedJson.parse(text, ADDR.toString());
    } catch (ReplyFormatException e) {
      assertThat(e.getMessage()).startsWith(ADDR.toString());
    }
    for (Dialect d : Dialect.values()) {
      if (d == Dialect.UNKNOWN) continue;
      try {
        Drivers.driverFor(d).parse(ADDR, MinerIdentity.UNKNOWN, AT, text);
      } catch (ReplyFormatException e) {
        assertThat(e.getMessage()).contains(ADDR.toString());
      }
    }
    assertThat(System.nanoTime() - start).as("parse time").isLessThan(2_000_000_000L);
  }
}
