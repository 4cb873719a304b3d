package eu.empact.oap.exclusion;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.tasks.TaskAssignment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the exclusion models ask of the application: who answers for an actor, collections and the response period. */
@Component("exclusion")
public class Exclusion {

  private final ActorDirectory actors;
  private final OapRegistry registry;
  private final Commitments commitments;
  private final ExclusionProperties properties;
  private final Clock clock;
  private final TaskAssignment tasks;

  Exclusion(ActorDirectory actors, OapRegistry registry, Commitments commitments, ExclusionProperties properties,
            Clock clock, TaskAssignment tasks) {
    this.actors = actors;
    this.registry = registry;
    this.commitments = commitments;
    this.properties = properties;
    this.clock = clock;
    this.tasks = tasks;
  }


  /**
   * Who answers for the actor in the OAP: the people the OAP's directory names for it and, for a
   * Member State of the OAP's period (the United Kingdom in 2012), its NEC.
   */
  public String contactGroups(long oapId, String actor) {
    List<String> groups = new ArrayList<>(EmpactGroups.actorInOap(oapId, actor));
    if (isMemberState(oapId, actor)) {
      groups.add(EmpactGroups.nec(actor));
    }
    return String.join(",", groups);
  }

  /** Whether the clause's "MS" speaks of the actor: a Member State in the OAP's period (the UK in 2012). */
  public boolean isMemberState(long oapId, String actor) {
    return registry.isMemberState(oapId, actor);
  }

  /** As {@link #contactGroups(long, String)}, for models deployed before ADR 0016 (the task's OAP follows at its creation). */
  public String contactGroups(String actor) {
    return tasks.actionLeaderGroup(actor)
        + (actors.resolve(actor).filter(Actor::isMemberState).isPresent() ? "," + EmpactGroups.nec(actor) : "");
  }

  /** The escalation's missed commitments still open: one answer task each. */
  public List<Long> openCommitments(long escalationId) {
    return commitments.ofEscalation(escalationId).stream().filter(c -> !c.fulfilled()).map(Commitment::id).toList();
  }


  /** The end of the period the actor has to answer an exhortation sent now. */
  public Date responseDeadline() {
    return Date.from(clock.instant().plus(Duration.ofDays(properties.responseDays())));
  }

  // Expressions of models deployed before every model asked TaskAssignment ({@code ${tasks...}}):
  // process instances started on them still call these.

  public String driverGroup(long oapId) {
    return tasks.driverGroup(oapId);
  }

  public Date due(String kind) {
    return tasks.due("exclusion." + kind);
  }
}
