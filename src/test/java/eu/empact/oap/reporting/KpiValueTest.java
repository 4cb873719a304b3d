package eu.empact.oap.reporting;

import static eu.empact.oap.registry.Reading.INTERPRETED;
import static eu.empact.oap.registry.Reading.READ;
import static eu.empact.oap.registry.Reading.UNREADABLE;
import static eu.empact.oap.reporting.KpiValue.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.Reading;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KPI values as the reports write them (domain sources 003 and 004, and the thousands separators
 * of the EU's languages): what is read, how, and what may be added up.
 */
class KpiValueTest {

  @ParameterizedTest(name = "{0} in a count: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      12                 | 12
      10.000             | 10000
      10,000             | 10000
      10 000             | 10000
      58 361             | 58361
      58\u00A0361        | 58361
      1'234              | 1234
      1.234.567          | 1234567
      1,234,567          | 1234567
      2520               | 2520
      """)
  void readsACountWithTheThousandsSeparatorsOfTheEusLanguages(String written, String number) {
    KpiValue value = KpiValue.read(written, true);

    assertThat(value.kind()).isEqualTo(NUMBER);
    assertThat(value.number()).isEqualByComparingTo(number);
    assertThat(value.status()).isEqualTo(READ);
    assertThat(value.summable()).isTrue();
    assertThat(value.written()).isEqualTo(written.trim());
  }

  @ParameterizedTest(name = "{0} in a count: {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      not available                       | NOT_AVAILABLE    | READ        |
      Not available.                      | NOT_AVAILABLE    | READ        |
      n/a                                 | NOT_AVAILABLE    | READ        |
      not declassified                    | NOT_DECLASSIFIED | READ        |
      >200                                | APPROXIMATION    | INTERPRETED | 200
      more than 200                       | APPROXIMATION    | INTERPRETED | 200
      over 90                             | APPROXIMATION    | INTERPRETED | 90
      about 1.500                         | APPROXIMATION    | INTERPRETED | 1500
      200+                                | APPROXIMATION    | INTERPRETED | 200
      90%                                 | PERCENTAGE       | INTERPRETED | 90
      475 v 438                           | TEXT             | UNREADABLE  |
      15 JITs from which 8 were new       | TEXT             | UNREADABLE  |
      2520 in 2013 v 2359 in 2012         | TEXT             | UNREADABLE  |
      6 cases discussed in OAP meeting    | TEXT             | INTERPRETED | 6
      some progress                       | TEXT             | UNREADABLE  |
      2,5                                 | NUMBER           | UNREADABLE  |
      1.5                                 | NUMBER           | UNREADABLE  |
      0.500                               | NUMBER           | UNREADABLE  |
      """)
  void keepsWhatIsNoCountAsWrittenAndNeverAddsItUp(String written, KpiValue.Kind kind, Reading status,
                                                  BigDecimal number) {
    KpiValue value = KpiValue.read(written, true);

    assertThat(value.written()).isEqualTo(written);
    assertThat(value.kind()).isEqualTo(kind);
    assertThat(value.status()).isEqualTo(status);
    if (number == null) {
      assertThat(value.number()).isNull();
    } else {
      assertThat(value.number()).isEqualByComparingTo(number);
    }
    assertThat(value.summable()).isFalse();
    assertThat(value.flagged()).isEqualTo(status != READ);
    assertThat(value.leftOutBecause()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} where the KPI counts nothing: {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2,5              | NUMBER | INTERPRETED | 2.5
      1.234            | NUMBER | INTERPRETED | 1234
      10 000           | NUMBER | READ        | 10000
      as planned       | TEXT   | READ        |
      """)
  void aNumberThatNeedNotBeWholeIsReadWithTheAssumptionStated(String written, KpiValue.Kind kind, Reading status,
                                                              BigDecimal number) {
    KpiValue value = KpiValue.read(written, false);

    assertThat(value.kind()).isEqualTo(kind);
    assertThat(value.status()).isEqualTo(status);
    if (number != null) {
      assertThat(value.number()).isEqualByComparingTo(number);
    }
    if (status == INTERPRETED) {
      assertThat(value.note()).contains(written);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      2,5   | '2,5' is not a whole number and the KPI counts something: 2.5, or 25 mistyped? Not guessed
      1.5   | '1.5' is not a whole number and the KPI counts something: 1.5, or 15 mistyped? Not guessed
      """)
  void anAmbiguousCountSaysWhyAndGuessesNothing(String written, String note) {
    KpiValue value = KpiValue.read(written, true);

    assertThat(value.status()).isEqualTo(UNREADABLE);
    assertThat(value.number()).isNull();
    assertThat(value.note()).isEqualTo(note);
  }

  @org.junit.jupiter.api.Test
  void aFigureTooLongToBeOneIsKeptAsWrittenOnly() {
    String digits = "1".repeat(30);
    KpiValue tooLong = KpiValue.read(digits, true);
    KpiValue decimal = KpiValue.read("0," + "5".repeat(480), false);

    assertThat(tooLong.number()).isNull();
    assertThat(tooLong.status()).isEqualTo(UNREADABLE);
    assertThat(tooLong.written()).isEqualTo(digits);
    assertThat(decimal.number()).isNull();
    assertThat(KpiValue.read("0," + "5".repeat(480), true).note()).hasSizeLessThanOrEqualTo(KpiValue.NOTE_LENGTH);
  }
}
