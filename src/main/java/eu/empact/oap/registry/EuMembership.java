package eu.empact.oap.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The periods in which each actor is a Member State of the EU ({@code actor_membership}: the United
 * Kingdom until 31 January 2020, Croatia from 1 July 2013, the others since before EMPACT began),
 * and the rule that says which of them are the Member States of an OAP's period.
 */
public record EuMembership(Map<String, List<Term>> terms, MembershipRule rule) {

  /** One period of membership: from (null: since before EMPACT) until, inclusive (null: still). */
  public record Term(LocalDate from, LocalDate until) {

    boolean covers(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }

    boolean overlaps(LocalDate first, LocalDate last) {
      return (from == null || !last.isBefore(from)) && (until == null || !first.isAfter(until));
    }
  }

  public EuMembership {
    terms = Map.copyOf(terms);
  }

  /** Whether the actor (a code) is a Member State in the period. */
  public boolean memberState(String actor, Period period) {
    return rule.memberDuring(terms.getOrDefault(actor, List.of()), period);
  }

  /** The codes of the Member States of the period, in alphabetical order. */
  public List<String> memberStates(Period period) {
    return terms.keySet().stream().filter(actor -> memberState(actor, period)).sorted().toList();
  }

  /** Every actor that is or was a Member State at some time. */
  public Set<String> everMemberStates() {
    return terms.keySet();
  }
}
