package eu.empact.oap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's clock is the engine's: moved with it in tests, the system's time otherwise. */
class EngineClockTest {

  private final Clock clock = new EngineClock();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void followsTheEnginesClockWhenATestMovesIt() {
    Instant moved = Instant.parse("2025-06-30T23:30:00Z");
    ClockUtil.setCurrentTime(Date.from(moved));

    assertThat(clock.instant()).isEqualTo(moved);
    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(clock.withZone(ZoneId.of("Europe/Brussels")).instant()).isEqualTo(moved);
    assertThat(LocalDate.now(clock.withZone(ZoneId.of("Europe/Brussels")))).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void isTheSystemsTimeInUtcOtherwise() {
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
  }
}
