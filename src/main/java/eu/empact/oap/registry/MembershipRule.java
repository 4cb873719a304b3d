package eu.empact.oap.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Which actors count as Member States of an OAP whose period spans a change of membership (an OAP
 * of 2013 and Croatia, one of 2019-2020 and the United Kingdom): {@code empact.registry.membership-rule}.
 * The default, {@link #FIRST_DAY}, takes the Member States on 1 January of the period's first year:
 * the plan is drafted, consulted on and adopted before its period starts, by the Member States of
 * that day, and its participations do not change in the middle of the period.
 */
public enum MembershipRule {
  /** A Member State on the first day of the period (1 January of its first year). */
  FIRST_DAY,
  /** A Member State on any day of the period. */
  ANY_DAY,
  /** A Member State on every day of the period. */
  EVERY_DAY;

  /** Whether an actor with these terms of membership is a Member State of the period. */
  boolean memberDuring(List<EuMembership.Term> terms, Period period) {
    LocalDate first = LocalDate.of(period.start(), 1, 1);
    LocalDate last = LocalDate.of(period.end(), 12, 31);
    return switch (this) {
      case FIRST_DAY -> terms.stream().anyMatch(term -> term.covers(first));
      case ANY_DAY -> terms.stream().anyMatch(term -> term.overlaps(first, last));
      case EVERY_DAY -> terms.stream().anyMatch(term -> term.covers(first) && term.covers(last));
    };
  }
}
