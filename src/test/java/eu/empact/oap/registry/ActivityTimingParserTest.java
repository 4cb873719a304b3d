package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.ActivityTiming.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every timing of the OAP 2024-2025 (domain brief 2.3, all 23 variants), read within 2024-2025. */
class ActivityTimingParserTest {

  static Stream<Arguments> variantsOf2024() {
    return Stream.of(
        Arguments.of("Q1-Q4 2024/25", Status.READ, "2024Q1-2025Q4"),
        Arguments.of("Q1- Q4 2024/25", Status.READ, "2024Q1-2025Q4"),
        Arguments.of("Q2-Q4 2024/25", Status.READ, "2024Q2-2024Q4,2025Q2-2025Q4"),
        Arguments.of("Q1 2024", Status.READ, "2024Q1-2024Q1"),
        Arguments.of("Q1 - Q4 2024/25", Status.READ, "2024Q1-2025Q4"),
        Arguments.of("Q4 2024", Status.READ, "2024Q4-2024Q4"),
        Arguments.of("Q1- Q-4 2024/25", Status.READ, "2024Q1-2025Q4"),
        Arguments.of("Q4 2024/25", Status.READ, "2024Q4-2024Q4,2025Q4-2025Q4"),
        Arguments.of("Q2, Q4 2024", Status.READ, "2024Q2-2024Q2,2024Q4-2024Q4"),
        Arguments.of("Q2 2024", Status.READ, "2024Q2-2024Q2"),
        Arguments.of("Q3 2024", Status.READ, "2024Q3-2024Q3"),
        Arguments.of("Q1, Q4 2024/25", Status.READ, "2024Q1-2024Q1,2024Q4-2025Q1,2025Q4-2025Q4"),
        Arguments.of("Q1 2024/25", Status.READ, "2024Q1-2024Q1,2025Q1-2025Q1"),
        Arguments.of("Q3-Q4 2024/25", Status.READ, "2024Q3-2024Q4,2025Q3-2025Q4"),
        Arguments.of("Q2 2024/25", Status.READ, "2024Q2-2024Q2,2025Q2-2025Q2"),
        Arguments.of("Q1-Q4 202/25", Status.INTERPRETED, "2024Q1-2025Q4"),
        Arguments.of("Q3-2025", Status.READ, "2025Q3-2025Q3"),
        Arguments.of("Q2 Q4 2024/25", Status.READ, "2024Q2-2024Q2,2024Q4-2024Q4,2025Q2-2025Q2,2025Q4-2025Q4"),
        Arguments.of("Q1-Q2 2024/25", Status.READ, "2024Q1-2024Q2,2025Q1-2025Q2"),
        Arguments.of("Q1-Q4 2024-25", Status.READ, "2024Q1-2025Q4"),
        Arguments.of("Q1 & Q3 2024/25", Status.READ, "2024Q1-2024Q1,2024Q3-2024Q3,2025Q1-2025Q1,2025Q3-2025Q3"),
        Arguments.of("Q1-Q3 2024/25", Status.READ, "2024Q1-2024Q3,2025Q1-2025Q3"),
        Arguments.of("Q2-Q3 2024/25", Status.READ, "2024Q2-2024Q3,2025Q2-2025Q3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variantsOf2024")
  void readsEveryVariantOfThe2024Plan(String text, Status status, String ranges) {
    ActivityTiming timing = ActivityTimingParser.parse(text, 2024, 2025);

    assertThat(timing.text()).isEqualTo(text);
    assertThat(timing.status()).isEqualTo(status);
    assertThat(QuarterRange.format(timing.ranges())).isEqualTo(ranges);
  }

  @org.junit.jupiter.api.Test
  void coversAll23VariantsOfTheDomainBrief() {
    assertThat(variantsOf2024().map(a -> a.get()[0]).distinct()).hasSize(23);
  }

  @org.junit.jupiter.api.Test
  void saysWhatItAssumedForATruncatedYear() {
    ActivityTiming timing = ActivityTimingParser.parse("Q1-Q4 202/25", 2024, 2025);

    assertThat(timing.flagged()).isTrue();
    assertThat(timing.note()).isEqualTo("years '202/25' read as the OAP period 2024-2025");
  }

  @org.junit.jupiter.api.Test
  void flagsQuartersOutsideTheOapPeriodButKeepsThem() {
    ActivityTiming timing = ActivityTimingParser.parse("Q4 2023", 2024, 2025);

    assertThat(timing.status()).isEqualTo(Status.OUTSIDE_PERIOD);
    assertThat(QuarterRange.format(timing.ranges())).isEqualTo("2023Q4-2023Q4");
    assertThat(timing.note()).contains("outside the OAP period 2024-2025");
  }

  @org.junit.jupiter.api.Test
  void readsTheYearsAndHalvesOfThe2012And2013Plans() {
    assertThat(QuarterRange.format(ActivityTimingParser.parse("2013", 2013, 2013).ranges())).isEqualTo("2013Q1-2013Q4");
    assertThat(QuarterRange.format(ActivityTimingParser.parse("1st half 2013", 2013, 2013).ranges()))
        .isEqualTo("2013Q1-2013Q2");
    assertThat(QuarterRange.format(ActivityTimingParser.parse("2nd half 2013", 2013, 2013).ranges()))
        .isEqualTo("2013Q3-2013Q4");
    assertThat(ActivityTimingParser.parse("Whole year", 2012, 2012).status()).isEqualTo(Status.INTERPRETED);
  }

  static Stream<Arguments> wordingsOfOlderPlans() {
    return Stream.of(
        // months, lists and ranges of months (OAP 2012, domain brief 2.3)
        Arguments.of("September 2012", Status.READ, "2012Q3-2012Q3", null),
        Arguments.of("Nov. 2012", Status.READ, "2012Q4-2012Q4", null),
        Arguments.of("October/November 2012", Status.READ, "2012Q4-2012Q4", null),
        Arguments.of("May to October 2012", Status.READ, "2012Q2-2012Q4", null),
        Arguments.of("February - June 2012", Status.READ, "2012Q1-2012Q2", null),
        Arguments.of("September", Status.INTERPRETED, "2012Q3-2012Q3", YEAR_2012),
        Arguments.of("April/May/June", Status.INTERPRETED, "2012Q2-2012Q2", YEAR_2012),
        Arguments.of("March/April", Status.INTERPRETED, "2012Q1-2012Q2", YEAR_2012),
        Arguments.of("May to October", Status.INTERPRETED, "2012Q2-2012Q4", YEAR_2012),
        Arguments.of("February/June", Status.INTERPRETED, "2012Q1-2012Q2", YEAR_2012),
        Arguments.of("January to August", Status.INTERPRETED, "2012Q1-2012Q3", YEAR_2012),
        Arguments.of("November/December", Status.INTERPRETED, "2012Q4-2012Q4", YEAR_2012),
        Arguments.of("Workshop to be held in October or November.", Status.INTERPRETED, "2012Q4-2012Q4",
            YEAR_2012 + "; read from 'October or November' among other words, which are set aside"),
        Arguments.of("A day of action to be established for October/November 2012", Status.INTERPRETED,
            "2012Q4-2012Q4", "read from 'October/November 2012' among other words, which are set aside"),
        Arguments.of("March or September 2012", Status.INTERPRETED, "2012Q1-2012Q1,2012Q3-2012Q3",
            "'or' read as any of the months named"),
        // halves and semesters
        Arguments.of("1st semester", Status.INTERPRETED, "2012Q1-2012Q2", YEAR_2012),
        Arguments.of("2nd semester 2012", Status.READ, "2012Q3-2012Q4", null),
        Arguments.of("first half of the year", Status.INTERPRETED, "2012Q1-2012Q2", YEAR_2012),
        Arguments.of("H2 2012", Status.READ, "2012Q3-2012Q4", null),
        Arguments.of("Analysts meeting in the 1st semester", Status.INTERPRETED, "2012Q1-2012Q2",
            YEAR_2012 + "; read from '1st semester' among other words, which are set aside"),
        // ordinal quarters
        Arguments.of("2nd quarter", Status.INTERPRETED, "2012Q2-2012Q2", YEAR_2012),
        Arguments.of("1st and 2nd quarter", Status.INTERPRETED, "2012Q1-2012Q2", YEAR_2012),
        Arguments.of("3rd and 4th quarters 2012", Status.READ, "2012Q3-2012Q4", null),
        Arguments.of("2nd to 4th quarter 2012", Status.READ, "2012Q2-2012Q4", null),
        Arguments.of("Coordinated day of action in the 2nd and 3rd quarter", Status.INTERPRETED, "2012Q2-2012Q3",
            YEAR_2012 + "; read from '2nd and 3rd quarter' among other words, which are set aside"),
        // the whole year
        Arguments.of("Whole year", Status.INTERPRETED, "2012Q1-2012Q4", "read as the whole OAP period 2012"),
        Arguments.of("throughout the year", Status.INTERPRETED, "2012Q1-2012Q4", "read as the whole OAP period 2012"),
        Arguments.of("Throughout 2012", Status.READ, "2012Q1-2012Q4", null),
        Arguments.of("Permanent", Status.INTERPRETED, "2012Q1-2012Q4", "read as the whole OAP period 2012"),
        // quarters without a year, dates, labels, several phases
        Arguments.of("Q2", Status.INTERPRETED, "2012Q2-2012Q2", YEAR_2012),
        Arguments.of("01-01-2012 until 31-12-2012", Status.READ, "2012Q1-2012Q4", null),
        Arguments.of("Start and end date: 2012", Status.READ, "2012Q1-2012Q4", null),
        Arguments.of("1st phase: 1-2 weeks in April/May 2nd phase: 1-2 weeks in October/November", Status.INTERPRETED,
            "2012Q2-2012Q2,2012Q4-2012Q4", YEAR_2012 + "; read from 'April/May', 'October/November' among other "
                + "words, which are set aside"));
  }

  static final String YEAR_2012 = "no year written: read as 2012, the OAP period's year";

  @ParameterizedTest(name = "{0}")
  @MethodSource("wordingsOfOlderPlans")
  void readsTheWordingsOfOlderPlansAndSaysWhatItAssumed(String text, Status status, String ranges, String note) {
    ActivityTiming timing = ActivityTimingParser.parse(text, 2012, 2012);

    assertThat(timing.text()).isEqualTo(text);
    assertThat(timing.status()).isEqualTo(status);
    assertThat(QuarterRange.format(timing.ranges())).isEqualTo(ranges);
    assertThat(timing.note()).isEqualTo(note);
  }

  @org.junit.jupiter.api.Test
  void aTimingWithoutAYearInATwoYearPlanIsReadInEachYearAndSaysSo() {
    ActivityTiming timing = ActivityTimingParser.parse("September", 2024, 2025);

    assertThat(timing.status()).isEqualTo(Status.INTERPRETED);
    assertThat(QuarterRange.format(timing.ranges())).isEqualTo("2024Q3-2024Q3,2025Q3-2025Q3");
    assertThat(timing.note()).isEqualTo("no year written: read in each year of the OAP period 2024-2025");
  }

  @org.junit.jupiter.api.Test
  void readsTheDatesOfThe2013PlansAndAnAssessmentThenActionDay() {
    assertThat(QuarterRange.format(ActivityTimingParser.parse("28-10-2012 until 31-12-2013", 2012, 2013).ranges()))
        .isEqualTo("2012Q4-2013Q4");
    assertThat(ActivityTimingParser.parse("November 2012 to February 2013", 2012, 2013))
        .satisfies(t -> assertThat(t.status()).isEqualTo(Status.READ))
        .satisfies(t -> assertThat(QuarterRange.format(t.ranges())).isEqualTo("2012Q4-2013Q1"));
    ActivityTiming phases = ActivityTimingParser.parse("1st half 2013 : Assessment 2nd 2013 : Action day", 2013, 2013);
    assertThat(phases.status()).isEqualTo(Status.INTERPRETED);
    assertThat(phases.note()).isEqualTo("read from '1st half 2013', '2013' among other words, which are set aside");
  }

  @org.junit.jupiter.api.Test
  void keepsALongCellWholeAndBoundsItsNote() {
    String cell = "Action days: " + "in September 2012, then again in October 2012 and later; ".repeat(60)
        + "workshop in the 1st semester 2012, Q1 2012, May 2012, June 2012, 2012";
    ActivityTiming timing = ActivityTimingParser.parse(cell, 2012, 2012);

    assertThat(timing.text()).isEqualTo(cell);
    assertThat(timing.status()).isEqualTo(Status.INTERPRETED);
    assertThat(QuarterRange.format(timing.ranges())).isEqualTo("2012Q1-2012Q4");
    assertThat(timing.note()).isEqualTo("read from 'September 2012', 'October 2012', '1st semester 2012', 'Q1 2012', "
        + "'May 2012' and 2 more among other words, which are set aside");
  }

  static Stream<String> longRepetitiveCells() {
    return Stream.of("Q1 ".repeat(1300), "May/".repeat(999) + "May", "1st and ".repeat(490) + "1st quarter",
        "Q1-".repeat(1000) + "Q1 2024", "1st, ".repeat(790) + "1st half", "January to ".repeat(360) + "May");
  }

  @ParameterizedTest
  @MethodSource("longRepetitiveCells")
  void readsACellOfFourThousandCharactersWithoutOverflowingTheStack(String cell) {
    ActivityTiming timing = ActivityTimingParser.parse(cell, 2024, 2025);

    assertThat(timing.text()).isEqualTo(cell);
    assertThat(timing.flagged()).isTrue();
    assertThat(timing.note().length()).isLessThan(500);
  }

  @org.junit.jupiter.api.Test
  void flagsMoreSeparateSpansThanAnyPlanWrites() {
    String years = java.util.stream.IntStream.range(0, 30).mapToObj(i -> String.valueOf(2000 + 2 * i))
        .collect(java.util.stream.Collectors.joining(", "));

    assertThat(ActivityTimingParser.parse(years, 2012, 2012).note()).isEqualTo("names more than 24 separate spans");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-01-2012 until end of project", "October to March", "from September",
      "November 2012 to February", "5th quarter 2012", "3rd half 2012", "Q5 2012", "31-13-2012"})
  void flagsAsUnreadableWhatLeavesTheSpanOpenOrUnsure(String text) {
    ActivityTiming timing = ActivityTimingParser.parse(text, 2012, 2012);

    assertThat(timing.status()).isEqualTo(Status.UNREADABLE);
    assertThat(timing.ranges()).isEmpty();
    assertThat(timing.note()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dates TBC (dependent on availability of capacities in the MS)",
      "Q4-Q1 2024/25", "Q1-Q4 2025/24", "Q5 2024", "", "Q1-Q4 20/25", "Q1-Q4 2024/26", "Q1, Q3 2000/2099",
      "the activity may take place later"})
  void keepsAndFlagsWhatItCannotRead(String text) {
    ActivityTiming timing = ActivityTimingParser.parse(text, 2024, 2025);

    assertThat(timing.status()).isEqualTo(Status.UNREADABLE);
    assertThat(timing.text()).isEqualTo(text);
    assertThat(timing.ranges()).isEmpty();
    assertThat(timing.note()).isNotBlank();
  }
}
