package eu.empact.oap.adoption;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Tasking;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the adoption model asks of the application: groups, collections and due dates. */
@Component("adoption")
public class Adoption {

  private final ActorDirectory actors;
  private final Tasking tasking;
  private final AdoptionProperties properties;
  private final ParticipationStatus participation;
  private final Clock clock;

  Adoption(ActorDirectory actors, Tasking tasking, AdoptionProperties properties, ParticipationStatus participation,
           Clock clock) {
    this.actors = actors;
    this.tasking = tasking;
    this.properties = properties;
    this.participation = participation;
    this.clock = clock;
  }

  public String driverGroup(long oapId) {
    return EmpactGroups.driver(oapId);
  }

  public String actionLeaderGroup(String actor) {
    return EmpactGroups.actionLeader(actor);
  }

  public String necGroup(String memberState) {
    return EmpactGroups.nec(memberState);
  }

  /** Who answers for an actor's participation: the NEC of a Member State, else its Action Leader group. */
  public String contactGroup(String actor) {
    return actors.resolve(actor).filter(Actor::isMemberState).isPresent()
        ? EmpactGroups.nec(actor) : EmpactGroups.actionLeader(actor);
  }

  /** The EMPACT Support Unit, for the model's tasks of the Support Unit. */
  public String supportUnitGroup() {
    return EmpactGroups.SUPPORT_UNIT;
  }

  /** The COSI secretariat, for the model's tasks of the secretariat. */
  public String cosiSecretariatGroup() {
    return EmpactGroups.COSI_SECRETARIAT;
  }

  /**
   * The Member States by Council code, one NEC task each: all 27, but not one that is no longer
   * participant in this OAP (the exclusion clause).
   */
  public List<String> memberStates(long oapId) {
    List<String> excluded = participation.excludedActors(oapId);
    return actors.all().stream().filter(Actor::isMemberState).map(Actor::code)
        .filter(code -> !excluded.contains(code)).toList();
  }

  /** The due date of a kind of task (draft, leadership, review), counted from now. */
  public Date due(String kind) {
    Integer days = properties.dueDays().get(kind);
    if (days == null) {
      throw new IllegalStateException("no empact.adoption.due-days." + kind + " configured");
    }
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  public boolean allConfirmed(long oapId) {
    return tasking.unconfirmedActors(oapId).isEmpty();
  }
}
