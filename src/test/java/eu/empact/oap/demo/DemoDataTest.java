package eu.empact.oap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reporting demo's copy of the demo OAP moves its activity timings into its own period. */
class DemoDataTest {

  @Test
  void movesEveryYearOfATimingAndNothingElse() {
    assertThat(DemoData.shiftYears("Q1-Q4 2024/25", 2)).isEqualTo("Q1-Q4 2026/27");
    assertThat(DemoData.shiftYears("Q1-Q4 2024-25", 2)).isEqualTo("Q1-Q4 2026-27");
    assertThat(DemoData.shiftYears("Q3-2025", 2)).isEqualTo("Q3-2027");
    assertThat(DemoData.shiftYears("Q1- Q-4 2024/25", 3)).isEqualTo("Q1- Q-4 2027/28");
    assertThat(DemoData.shiftYears("Q1-Q4 202/25", 2)).isEqualTo("Q1-Q4 202/27");
    assertThat(DemoData.shiftYears(null, 2)).isNull();
  }
}
