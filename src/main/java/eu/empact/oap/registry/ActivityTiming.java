package eu.empact.oap.registry;

import java.util.List;

/**
 * What the free-text timing of an activity was read as. The original text is always kept; a
 * timing that is not plainly {@link Status#READ} is flagged for the Driver to check.
 */
public record ActivityTiming(String text, Status status, List<QuarterRange> ranges, String note) {

  public enum Status {
    /** Read as written. */
    READ,
    /** Read with an assumption that the note states (a typo such as "202/25"). */
    INTERPRETED,
    /** Read, but it names quarters outside the OAP period. */
    OUTSIDE_PERIOD,
    /** Not a timing expression the parser knows; kept as text only. */
    UNREADABLE
  }

  public boolean flagged() {
    return status != Status.READ;
  }
}
