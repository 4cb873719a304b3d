package eu.empact.oap.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Camunda groups of EMPACT roles. Per-OAP roles carry the OAP id, per-actor roles the
 * actor's code: {@code oap-1-driver}, {@code nec-FR}, {@code oap-1-action-leader-EUROPOL},
 * {@code oap-1-contact-LY}. The NECs are national (one group per Member State across OAPs); the
 * people of an OAP (its Driver, Co-Drivers, Action Leaders and contacts) are per OAP and follow
 * its directory ({@link OapPeople}, ADR 0016). Only these
 * groups are EMPACT roles; any other group a user is in (one made in Admin for something else)
 * gives it nothing on {@code /api}. These are names only: {@code identity} creates the groups in
 * the engine, the registry's access checks and every process read them.
 */
public final class EmpactGroups {

  public static final String ADMINISTRATORS = "camunda-admin";
  public static final String SUPPORT_UNIT = "esu";
  public static final String COSI_SECRETARIAT = "cosi-secretariat";
  /** Every Action Leader, whichever actor it leads for: the group Tasklist filters use. */
  public static final String ACTION_LEADERS = "action-leaders";
  /** Every NEC, whichever Member State: the group Tasklist filters use. */
  public static final String NECS = "necs";

  private static final Set<String> FIXED_ROLES = Set.of(ADMINISTRATORS, SUPPORT_UNIT, COSI_SECRETARIAT,
      ACTION_LEADERS, NECS);
  private static final Pattern OAP_MANAGEMENT = Pattern.compile("oap-[1-9][0-9]*-(co-)?driver");
  /** Member States by their two-letter Council code. */
  private static final Pattern NEC = Pattern.compile("nec-([A-Z]{2})");
  /** Actor codes: upper-case letters, digits and hyphens ({@code EU-LISA}, {@code MAOC-N}). */
  private static final Pattern ACTOR_IN_OAP = Pattern.compile("oap-([1-9][0-9]*)-(action-leader|contact)-([A-Z][A-Z0-9-]*)");
  /** The global per-actor groups before ADR 0016: no role any more, only read to migrate them. */
  private static final Pattern LEGACY_ACTION_LEADER = Pattern.compile("action-leader-([A-Z][A-Z0-9-]*)");

  private EmpactGroups() {}

  public static String driver(long oapId) {
    return "oap-" + oapId + "-driver";
  }

  public static String coDriver(long oapId) {
    return "oap-" + oapId + "-co-driver";
  }

  /** The NEC of a Member State, by its Council code (EL for Greece). */
  public static String nec(String memberState) {
    return "nec-" + memberState.toUpperCase(Locale.ROOT);
  }

  /** The people who act as Action Leader for an actor (leading or co-leading) in one OAP. */
  public static String actionLeader(long oapId, String actor) {
    return "oap-" + oapId + "-action-leader-" + actor.toUpperCase(Locale.ROOT);
  }

  /** The contacts of an actor that takes part in one OAP (the people a task for the actor goes to besides its Action Leaders). */
  public static String contact(long oapId, String actor) {
    return "oap-" + oapId + "-contact-" + actor.toUpperCase(Locale.ROOT);
  }

  /**
   * The groups of the OAP's directory that act for an actor: its Action Leaders and its contacts
   * (a Member State's NEC is national and not among them).
   */
  public static List<String> actorInOap(long oapId, String actor) {
    return List.of(actionLeader(oapId, actor), contact(oapId, actor));
  }

  /** Whether the group is one of the EMPACT roles above, the one test of what counts as a role. */
  public static boolean isEmpactRole(String group) {
    return FIXED_ROLES.contains(group) || OAP_MANAGEMENT.matcher(group).matches() || necMemberState(group).isPresent()
        || ACTOR_IN_OAP.matcher(group).matches();
  }

  /** The OAP and actor a per-OAP actor group acts for: {@code (1, "EUROPOL")} for {@code oap-1-action-leader-EUROPOL}. */
  public static Optional<ActorInOap> actorInOap(String group) {
    Matcher matcher = ACTOR_IN_OAP.matcher(group);
    return matcher.matches()
        ? Optional.of(new ActorInOap(Long.parseLong(matcher.group(1)), matcher.group(3), matcher.group(2).equals("contact")))
        : Optional.empty();
  }

  /** An actor in one OAP, as its Action Leaders' or contacts' group names it. */
  public record ActorInOap(long oapId, String actor, boolean contact) {}

  /**
   * The actor of a global Action Leader group of the versions before ADR 0016
   * ({@code action-leader-IT}): models deployed then still name it; a task created on one is
   * handed to the per-OAP group of its OAP.
   */
  public static Optional<String> legacyActionLeaderActor(String group) {
    return captured(LEGACY_ACTION_LEADER, group);
  }

  /** The Member State whose NEC the group is: {@code FR} for {@code nec-FR}. */
  public static Optional<String> necMemberState(String group) {
    return captured(NEC, group);
  }

  private static Optional<String> captured(Pattern pattern, String group) {
    Matcher matcher = pattern.matcher(group);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
