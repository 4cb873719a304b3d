package eu.empact.oap.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's one clock, and it is the engine's: every service takes a {@link Clock} and
 * gets this one, so that what the registry records, the due dates the processes set and the
 * timers the engine fires read the same time. In production that is the system's time; a test
 * that moves the engine's clock ({@code ClockUtil.setCurrentTime}) moves every service with it.
 * The only class of the application that reads {@link ClockUtil} (the architecture test holds it).
 */
@Component
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(ZoneOffset.UTC);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new EngineClock(zone);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EngineClock clock && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode();
  }

  @Override
  public String toString() {
    return "EngineClock[" + zone + "]";
  }
}
