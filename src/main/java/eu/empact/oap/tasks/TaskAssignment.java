package eu.empact.oap.tasks;

import eu.empact.oap.registry.EmpactGroups;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who a user task goes to and when it is due, for every model: {@code candidateGroups="${tasks.driverGroup(oapId)}"},
 * {@code camunda:dueDate="${tasks.due('adoption.draft')}"}. A due date is counted from now by the
 * days configured as {@code empact.<process>.due-days.<kind>} ({@code empact.<process>.due-days}
 * for a process with one kind of task).
 */
@Component("tasks")
public class TaskAssignment {

  private final Environment environment;
  private final Clock clock;

  TaskAssignment(Environment environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  /** The due date of a kind of task, e.g. {@code adoption.draft} or {@code timing-review}, counted from now. */
  public Date due(String kind) {
    int dot = kind.indexOf('.');
    String property = dot < 0 ? "empact." + kind + ".due-days"
        : "empact." + kind.substring(0, dot) + ".due-days." + kind.substring(dot + 1);
    Integer days = environment.getProperty(property, Integer.class);
    if (days == null) {
      throw new IllegalStateException("no " + property + " configured: the days a task of kind '" + kind
          + "' is due after it is created");
    }
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  public String driverGroup(long oapId) {
    return EmpactGroups.driver(oapId);
  }

  public String coDriverGroup(long oapId) {
    return EmpactGroups.coDriver(oapId);
  }

  /** The Action Leaders of an actor that leads or co-leads in the OAP (its directory names them). */
  public String actionLeaderGroup(long oapId, String actor) {
    return EmpactGroups.actionLeader(oapId, actor);
  }

  /** Everyone the OAP's directory names for the actor: its Action Leaders and its contacts. */
  public String actorGroups(long oapId, String actor) {
    return String.join(",", EmpactGroups.actorInOap(oapId, actor));
  }

  /**
   * The global Action Leader group of the versions before ADR 0016: models deployed then still
   * name it; {@link TaskRouting} hands a task created so to the group of its OAP.
   */
  public String actionLeaderGroup(String actor) {
    return "action-leader-" + actor;
  }

  public String necGroup(String memberState) {
    return EmpactGroups.nec(memberState);
  }

  public String supportUnitGroup() {
    return EmpactGroups.SUPPORT_UNIT;
  }

  public String cosiSecretariatGroup() {
    return EmpactGroups.COSI_SECRETARIAT;
  }
}
