package eu.empact.oap.adoption;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.tasks.TaskAssignment;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the adoption model asks of the application: its collections and who answers for an actor. */
@Component("adoption")
public class Adoption {

  private final ActorDirectory actors;
  private final OapRegistry registry;
  private final Tasking tasking;
  private final ParticipationStatus participation;
  private final TaskAssignment tasks;

  Adoption(ActorDirectory actors, OapRegistry registry, Tasking tasking, ParticipationStatus participation,
           TaskAssignment tasks) {
    this.actors = actors;
    this.registry = registry;
    this.tasking = tasking;
    this.participation = participation;
    this.tasks = tasks;
  }

  /**
   * Who answers for an actor's participation in the OAP: the NEC of a Member State of the OAP's
   * period (the United Kingdom in 2012), else the people the OAP's directory names for the actor
   * (its Action Leaders and contacts).
   */
  public String contactGroups(long oapId, String actor) {
    return registry.isMemberState(oapId, actor) ? EmpactGroups.nec(actor) : tasks.actorGroups(oapId, actor);
  }

  /** As {@link #contactGroups}, for models deployed before ADR 0016 (the task's OAP follows at its creation). */
  public String contactGroup(String actor) {
    return actors.resolve(actor).filter(Actor::isMemberState).isPresent() ? EmpactGroups.nec(actor)
        : tasks.actionLeaderGroup(actor);
  }

  /**
   * The Member States by Council code, one NEC task each: those of the OAP's period, but not one
   * that is no longer participant in this OAP (the exclusion clause).
   */
  public List<String> memberStates(long oapId) {
    List<String> excluded = participation.excludedActors(oapId);
    return registry.memberStates(oapId).stream().filter(code -> !excluded.contains(code)).toList();
  }

  public boolean allConfirmed(long oapId) {
    return tasking.unconfirmedActors(oapId).isEmpty();
  }

  // Expressions of models deployed before every model asked TaskAssignment ({@code ${tasks...}}):
  // process instances started on them still call these.

  public String driverGroup(long oapId) {
    return tasks.driverGroup(oapId);
  }

  public String actionLeaderGroup(String actor) {
    return tasks.actionLeaderGroup(actor);
  }

  public String necGroup(String memberState) {
    return tasks.necGroup(memberState);
  }

  public Date due(String kind) {
    return tasks.due("adoption." + kind);
  }
}
