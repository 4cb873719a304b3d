package eu.empact.oap.identity;

import java.util.Locale;

/**
 * The Camunda groups of EMPACT roles. Per-OAP roles carry the OAP id, per-actor roles the
 * actor's code: {@code oap-1-driver}, {@code nec-FR}, {@code action-leader-EUROPOL}.
 */
public final class EmpactGroups {

  public static final String ADMINISTRATORS = "camunda-admin";
  public static final String SUPPORT_UNIT = "esu";
  public static final String COSI_SECRETARIAT = "cosi-secretariat";
  /** Every Action Leader, whichever actor it leads for: the group Tasklist filters use. */
  public static final String ACTION_LEADERS = "action-leaders";
  /** Every NEC, whichever Member State: the group Tasklist filters use. */
  public static final String NECS = "necs";

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
}
