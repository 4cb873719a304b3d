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

  @ParameterizedTest
  @ValueSource(strings = {"April/May/June", "Dates TBC (dependent on availability of capacities in the MS)",
      "Q4-Q1 2024/25", "Q1-Q4 2025/24", "Q5 2024", "", "Q1-Q4 20/25", "Q1-Q4 2024/26", "Q1, Q3 2000/2099"})
  void keepsAndFlagsWhatItCannotRead(String text) {
    ActivityTiming timing = ActivityTimingParser.parse(text, 2024, 2025);

    assertThat(timing.status()).isEqualTo(Status.UNREADABLE);
    assertThat(timing.text()).isEqualTo(text);
    assertThat(timing.ranges()).isEmpty();
    assertThat(timing.note()).isNotBlank();
  }
}
