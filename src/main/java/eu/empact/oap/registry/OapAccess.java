package eu.empact.oap.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reads an OAP on {@code /api}, and which records inside it. An OAP is LIMITE: it is read by
 * its managers (its Driver and Co-Drivers, the EMPACT Support Unit, the COSI secretariat,
 * administrators) and by the NEC and Action Leader groups of every actor with a part in it
 * ({@link OapParties}) (the NECs are national: a NEC reads every OAP its Member State has a part
 * in), by the people its directory names for an actor (their groups are of this OAP only: an
 * Action Leader of OAP 1 does not read OAP 2 for leading in it), and by a Member State's NEC also
 * once it was consulted on the OAP. Inside it, the
 * NECs' answers, tasking sheets, participation records, escalations and notifications are narrower.
 * Every controller asks here before it reads anything of an OAP; a refusal answers 403 with the
 * reason.
 */
@Component
public class OapAccess {

  private final ApiAccess access;
  private final OapParties parties;
  private final ActorDirectory actors;

  OapAccess(ApiAccess access, OapParties parties, ActorDirectory actors) {
    this.access = access;
    this.parties = parties;
    this.actors = actors;
  }

  /** Anything of the OAP: its readers (above) only. 404 for an id that is no OAP. */
  public void requireRead(Authentication user, long oapId) {
    access.requireEmpactRole(user);
    if (!mayRead(user, oapId)) {
      throw new AccessDeniedException(user.getName() + " may not read OAP " + oapId + ": it is read by "
          + String.join(", ", managers(oapId))
          + ", the NECs of the Member States with a part in it and the people its directory names");
    }
  }

  /** Whether the user reads the OAP; a manager is known by its groups alone, without asking the registry. */
  public boolean mayRead(Authentication user, long oapId) {
    Set<String> roles = ApiAccess.roles(user);
    if (manages(roles, oapId)) {
      return true;
    }
    if (roles.stream().anyMatch(group -> EmpactGroups.actorInOap(group).filter(a -> a.oapId() == oapId).isPresent())) {
      return true;
    }
    OapParties.Parties oap = parties.of(oapId);
    return roles.stream().anyMatch(group -> EmpactGroups.necMemberState(group)
        .filter(ms -> oap.actors().contains(ms) || oap.consulted().contains(ms)).isPresent());
  }

  /**
   * The NECs' answers on a version: its managers read every answer; a NEC reads only its own
   * Member State's (the others are confidential to their Member States); anyone else none.
   * Returns which Member States' answers the user reads.
   */
  public Predicate<String> necAnswersReadable(Authentication user, long oapId) {
    requireRead(user, oapId);
    Set<String> roles = ApiAccess.roles(user);
    if (manages(roles, oapId)) {
      return memberState -> true;
    }
    Set<String> own = roles.stream().map(EmpactGroups::necMemberState).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    if (own.isEmpty()) {
      throw new AccessDeniedException(user.getName() + " may not read the NECs' answers on OAP " + oapId
          + " (needs one of the groups " + String.join(", ", managers(oapId)) + ", or a NEC's for its own answer)");
    }
    return own::contains;
  }

  /**
   * A record of one actor in the OAP (its tasking sheet, its participation): the OAP's managers,
   * the actor's own NEC and the people the OAP's directory names for the actor. Returns the actor's code; 404 for an unknown actor.
   */
  public String requireCanReadActor(Authentication user, long oapId, String actorSpelling, String record) {
    requireRead(user, oapId);
    String actor = actors.resolve(actorSpelling)
        .orElseThrow(() -> new NotFoundException("no actor is known as '" + actorSpelling + "'")).code();
    access.requireOneOf(user, "read the " + record + " of " + actor + " in OAP " + oapId, actorReaders(oapId, actor));
    return actor;
  }

  /**
   * Who reads the records of one actor in the OAP: its managers, the actor's own NEC and the people
   * the OAP's directory names for the actor.
   */
  private static String[] actorReaders(long oapId, String actor) {
    return Stream.concat(Arrays.stream(managers(oapId)),
        Stream.concat(Stream.of(EmpactGroups.nec(actor)), EmpactGroups.actorInOap(oapId, actor).stream()))
        .toArray(String[]::new);
  }

  /** Whether the user manages the OAP and reads all of it (see {@link #managers}). */
  public boolean manages(Authentication user, long oapId) {
    return manages(ApiAccess.roles(user), oapId);
  }

  /** Whether the user reads the records of one actor (by code) in the OAP, as {@link #requireCanReadActor} allows. */
  public boolean mayReadActor(Authentication user, long oapId, String actor) {
    Set<String> roles = ApiAccess.roles(user);
    return mayRead(user, oapId) && Arrays.stream(actorReaders(oapId, actor)).anyMatch(roles::contains);
  }

  /** The escalations of the exclusion clause (a Member State's conduct): the OAP's managers only. */
  public void requireCanReadEscalations(Authentication user, long oapId) {
    requireRead(user, oapId);
    access.requireOneOf(user, "read the escalations of OAP " + oapId, managers(oapId));
  }

  /** The record of notifications about the OAP: its Driver and administrators. */
  public void requireCanReadNotifications(Authentication user, long oapId) {
    requireRead(user, oapId);
    access.requireOneOf(user, "read the notifications of OAP " + oapId, EmpactGroups.driver(oapId),
        EmpactGroups.ADMINISTRATORS);
  }

  /** Who manages the OAP and reads all of it: Driver, Co-Drivers, Support Unit, COSI secretariat, administrators. */
  private static String[] managers(long oapId) {
    return new String[] {EmpactGroups.driver(oapId), EmpactGroups.coDriver(oapId), EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.COSI_SECRETARIAT, EmpactGroups.ADMINISTRATORS};
  }

  private static boolean manages(Set<String> roles, long oapId) {
    return Arrays.stream(managers(oapId)).anyMatch(roles::contains);
  }
}
