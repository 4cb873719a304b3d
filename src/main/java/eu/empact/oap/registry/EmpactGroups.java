package eu.empact.oap.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Camunda groups of EMPACT roles. Per-OAP roles carry the OAP id, per-actor roles the
 * actor's code: {@code oap-1-driver}, {@code nec-FR}, {@code action-leader-EUROPOL}. Only these
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
  private static final Pattern ACTION_LEADER = Pattern.compile("action-leader-([A-Z][A-Z0-9-]*)");

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

  /** The people who act as Action Leader for an actor (a Member State or agency). */
  public static String actionLeader(String actor) {
    return "action-leader-" + actor.toUpperCase(Locale.ROOT);
  }

  /** Whether the group is one of the EMPACT roles above, the one test of what counts as a role. */
  public static boolean isEmpactRole(String group) {
    return FIXED_ROLES.contains(group) || OAP_MANAGEMENT.matcher(group).matches() || necMemberState(group).isPresent()
        || actionLeaderActor(group).isPresent();
  }

  /** The Member State whose NEC the group is: {@code FR} for {@code nec-FR}. */
  public static Optional<String> necMemberState(String group) {
    return captured(NEC, group);
  }

  /** The actor the group acts as Action Leader for: {@code EUROPOL} for {@code action-leader-EUROPOL}. */
  public static Optional<String> actionLeaderActor(String group) {
    return captured(ACTION_LEADER, group);
  }

  private static Optional<String> captured(Pattern pattern, String group) {
    Matcher matcher = pattern.matcher(group);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
