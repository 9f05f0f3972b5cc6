package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.csv.ImportError;
import io.hashfleet.money.csv.ImportException;
import io.hashfleet.money.csv.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayoutCsvTest {
  static ImportResult<Payout> parse(String text) {
    return PayoutCsv.parse("payouts.csv", text, Set.of());
  }

  static List<String> errors(ImportResult<Payout> result) {
    return result.errors().stream().map(ImportError::toString).toList();
  }

  @Test
  void import_readsPayoutsWhateverTheColumnOrderAndIgnoresExtraColumns() {
    ImportResult<Payout> result = parse("""
        currency,amount_btc,note,paid_at,pool,payout_id
        BTC,0.05,first one,2024-12-01T00:12:00Z,Foundry,f-1
        btc,0.00012345,,2024-12-02,"Luxor, Inc.",f-2
        """);
    assertThat(result.errors()).isEmpty();
    assertThat(result.orThrow()).containsExactly(
        new Payout("f-1", Instant.parse("2024-12-01T00:12:00Z"), Btc.ofSats(5_000_000), "Foundry"),
        new Payout("f-2", Instant.parse("2024-12-02T00:00:00Z"), Btc.ofSats(12_345), "Luxor, Inc."));
  }

  @Test
  void import_withoutPoolColumn_leavesThePoolUnknown() {
    List<Payout> payouts = parse("payout_id,paid_at,amount_btc,currency\nx,2024-12-01,1,BTC\n").orThrow();
    assertThat(payouts).singleElement().satisfies(p -> {
      assertThat(p.pool()).isNull();
      assertThat(p.amount()).isEqualTo(Btc.parse("1"));
    });
  }

  @Test
  void import_reportsEveryBadLineWithFileAndLineNumberAndImportsNothing() {
    ImportResult<Payout> result = parse("""
        payout_id,paid_at,amount_btc,currency,pool
        a1,2024-12-01,0.1,BTC,F
        a2,2024-12-01,0.1,BTC,F
        abc,2024-12-02,0.1,BTC,F
        a4,2024-12-02,0.1,BTC,F
        a5,2024-12-02,0.1,BTC,F
        a6,2024-13-01,0.1,BTC,F
        a7,2024-12-03,0.1,BTC,F
        a8,2024-12-03,-0.1,BTC,F
        a9,2024-12-03,0.1,BTC,F
        a10,2024-12-03,0.1,BTC,F
        abc,2024-12-04,0.1,BTC,F
        """);
    assertThat(result.isOk()).isFalse();
    assertThat(result.rows()).isEmpty();
    assertThat(errors(result)).containsExactly(
        "payouts.csv:7: bad date '2024-13-01' in paid_at",
        "payouts.csv:9: negative amount -0.1",
        "payouts.csv:12: duplicate payout id 'abc' (first on line 4)");
  }

  @Test
  void import_rejectsDuplicatePayoutIdWithLineNumber() {
    ImportResult<Payout> result = parse("payout_id,paid_at,amount_btc,currency\nabc,2024-12-01,1,BTC\n\nabc,2024-12-02,2,BTC\n");
    assertThat(errors(result)).containsExactly("payouts.csv:4: duplicate payout id 'abc' (first on line 2)");
  }

  @Test
  void import_rejectsPayoutIdsAlreadyImported() {
    ImportResult<Payout> result = PayoutCsv.parse("payouts.csv",
        "payout_id,paid_at,amount_btc,currency\nold,2024-12-01,1,BTC\nnew,2024-12-01,1,BTC\n", Set.of("old"));
    assertThat(errors(result)).containsExactly("payouts.csv:2: payout id 'old' already imported");
  }

  @Test
  void import_refusesOtherCurrenciesByName() {
    ImportResult<Payout> result = parse("payout_id,paid_at,amount_btc,currency\n1,2024-12-01,1,XYZ\n2,2024-12-01,1,\n3,2024-12-01,1,Btc\n");
    assertThat(errors(result)).containsExactly("payouts.csv:2: unknown currency 'XYZ'", "payouts.csv:3: empty currency");
  }

  @Test
  void import_refusesAmountsThatAreZeroNotNumbersOrFinerThanASatoshi() {
    ImportResult<Payout> result = parse("""
        payout_id,paid_at,amount_btc,currency
        1,2024-12-01,0,BTC
        2,2024-12-01,0.1 BTC,BTC
        3,2024-12-01,0.123456789,BTC
        4,2024-12-01,0.123456780,BTC
        5,2024-12-01,,BTC
        """);
    assertThat(errors(result)).containsExactly(
        "payouts.csv:2: zero amount 0",
        "payouts.csv:3: bad amount '0.1 BTC' in amount_btc",
        "payouts.csv:4: bad amount '0.123456789' in amount_btc: more than 8 decimal places",
        "payouts.csv:6: bad amount '' in amount_btc");
  }

  @Test
  void import_reportsEveryProblemOnALineNotJustTheFirst() {
    ImportResult<Payout> result = parse("payout_id,paid_at,amount_btc,currency\n,yesterday,-1,EUR\n");
    assertThat(errors(result)).containsExactly(
        "payouts.csv:2: empty payout_id",
        "payouts.csv:2: bad date 'yesterday' in paid_at",
        "payouts.csv:2: negative amount -1",
        "payouts.csv:2: unknown currency 'EUR'");
  }

  @Test
  void import_withMissingColumn_reportsTheHeaderAndNoLineErrors() {
    ImportResult<Payout> result = parse("payout_id,paid_at,amount\n1,nonsense,1\n");
    assertThat(errors(result)).containsExactly(
        "payouts.csv:1: header has no column 'amount_btc' (found: payout_id,paid_at,amount)",
        "payouts.csv:1: header has no column 'currency' (found: payout_id,paid_at,amount)");
  }

  @Test
  void orThrow_throwsAnImportExceptionWhoseMessageListsAllErrors() {
    ImportResult<Payout> result = parse("payout_id,paid_at,amount_btc,currency\n1,2024-12-01,-1,BTC\n2,2024-12-32,1,BTC\n");
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(ImportException.class)
        .hasMessage("2 errors, nothing imported:\n"
            + "  payouts.csv:2: negative amount -1\n"
            + "  payouts.csv:3: bad date '2024-12-32' in paid_at");
  }

  @Test
  void read_takesAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("payouts.csv");
    Files.writeString(file, "payout_id,paid_at,amount_btc,currency\nok,2024-12-01,0.5,BTC\nbad,2024-12-01,0.5,ETH\n");
    ImportResult<Payout> result = PayoutCsv.read(file, Set.of());
    assertThat(errors(result)).containsExactly(file + ":3: unknown currency 'ETH'");

    Files.writeString(file, "payout_id,paid_at,amount_btc,currency\nok,2024-12-01,0.5,BTC\n");
    assertThat(PayoutCsv.read(file, Set.of()).orThrow()).extracting(Payout::id).containsExactly("ok");
  }
}
