package io.hashfleet.money.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {
  static final List<String> REQUIRED = List.of("id", "note");

  static CsvFile parse(String text) {
    return CsvFile.parse("notes.csv", text, REQUIRED);
  }

  @Test
  void columns_areFoundByNameWhateverTheirOrderCaseAndSpacing() {
    CsvFile csv = parse(" Note ,extra, ID\nhello,x,1\n");
    assertThat(csv.errors()).isEmpty();
    CsvFile.Row row = csv.rows().getFirst();
    assertThat(row.get("id")).isEqualTo("1");
    assertThat(row.get("note")).isEqualTo("hello");
    assertThat(row.get("absent")).isNull();
    assertThat(csv.hasColumn("EXTRA")).isTrue();
  }

  @Test
  void quotedFields_keepCommasAndDoubledQuotes() {
    CsvFile csv = parse("id,note\n1,\"a,b\"\n2,\"she said \"\"hi\"\"\"\n3, \"spaced\" \n");
    assertThat(csv.rows()).extracting(r -> r.get("note")).containsExactly("a,b", "she said \"hi\"", "spaced");
  }

  @Test
  void quotedLineBreak_staysInTheFieldAndLaterLinesKeepTheirNumbers() {
    CsvFile csv = parse("id,note\n1,\"two\nlines\"\n2,after\n");
    assertThat(csv.rows()).extracting(CsvFile.Row::line).containsExactly(2, 4);
    assertThat(csv.rows().getFirst().get("note")).isEqualTo("two\nlines");
  }

  @Test
  void blankLinesAndLinesOfBareCommas_areSkippedWithoutShiftingLineNumbers() {
    CsvFile csv = parse("\nid,note\n\n1,a\n   \n,\n2,b");
    assertThat(csv.errors()).isEmpty();
    assertThat(csv.rows()).extracting(CsvFile.Row::line).containsExactly(4, 7);
  }

  @Test
  void byteOrderMarkAndWindowsLineEnds_areTolerated() {
    CsvFile csv = parse("\uFEFFid,note\r\n1,a\r\n2,b\r\n");
    assertThat(csv.errors()).isEmpty();
    assertThat(csv.rows()).extracting(r -> r.get("note")).containsExactly("a", "b");
  }

  @Test
  void brokenLines_areReportedWithTheirNumbersAndTheRestStillRead() {
    CsvFile csv = parse("id,note\n1,a,surplus\n2,\"closed\"junk\n3,fine\n4\n5,\"never closed\n6,x\n");
    assertThat(csv.errors()).extracting(ImportError::toString).containsExactly(
        "notes.csv:2: expected 2 fields as in the header, found 3",
        "notes.csv:3: unexpected text after a closing quote",
        "notes.csv:5: expected 2 fields as in the header, found 1",
        "notes.csv:6: quoted field opened on line 6 is never closed");
    assertThat(csv.rows()).extracting(r -> r.get("id")).containsExactly("3");
  }

  @Test
  void missingRequiredColumn_isReportedOnTheHeaderLineWithWhatWasFound() {
    CsvFile csv = parse("\nid,comment\n1,a\n");
    assertThat(csv.errors()).extracting(ImportError::toString)
        .containsExactly("notes.csv:2: header has no column 'note' (found: id,comment)");
    assertThat(csv.rows()).isEmpty();
  }

  @Test
  void columnNamedTwice_isAnErrorBecauseEitherValueCouldBeMeant() {
    assertThat(parse("id,note,ID\n1,a,2\n").errors()).extracting(ImportError::message)
        .containsExactly("column 'id' appears twice in the header");
  }

  @Test
  void fileWithoutAnyLine_asksForTheHeader() {
    assertThat(parse(" \n\n").errors()).extracting(ImportError::toString)
        .containsExactly("notes.csv:1: no header line; expected id,note");
  }

  @Test
  void errors_areListedInLineOrderWhoeverFoundThem() {
    CsvFile csv = parse("id,note\n1,a\n2\n");
    csv.error(2, "importer found this");
    assertThat(csv.errors()).extracting(ImportError::line).containsExactly(2, 3);
    assertThat(csv.errorCount()).isEqualTo(2);
  }

  @Test
  void importResult_withErrors_throwsListingEveryOne() {
    List<ImportError> errors = List.of(new ImportError("p.csv", 3, "bad date 'x' in paid_at"), new ImportError("p.csv", 9, "negative amount -1"));
    ImportResult<String> result = ImportResult.of(List.of("would-be row"), errors);
    assertThat(result.isOk()).isFalse();
    assertThat(result.rows()).isEmpty();
    assertThatThrownBy(result::orThrow)
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.errors()).isEqualTo(errors))
        .hasMessage("2 errors, nothing imported:\n  p.csv:3: bad date 'x' in paid_at\n  p.csv:9: negative amount -1");
  }
}
