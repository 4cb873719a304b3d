package eu.empact.oap.exclusion;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the exclusion models ask of the application: groups, collections and due dates. */
@Component("exclusion")
public class Exclusion {

  private final ActorDirectory actors;
  private final Commitments commitments;
  private final ExclusionProperties properties;
  private final Clock clock;

  Exclusion(ActorDirectory actors, Commitments commitments, ExclusionProperties properties, Clock clock) {
    this.actors = actors;
    this.commitments = commitments;
    this.properties = properties;
    this.clock = clock;
  }

  public String driverGroup(long oapId) {
    return EmpactGroups.driver(oapId);
  }

  /** Who answers for the actor: its Action Leader group and, for a Member State, its NEC. */
  public String contactGroups(String actor) {
    List<String> groups = new ArrayList<>(List.of(EmpactGroups.actionLeader(actor)));
    if (isMemberState(actor)) {
      groups.add(EmpactGroups.nec(actor));
    }
    return String.join(",", groups);
  }

  /** The EMPACT Support Unit, for the model's tasks of the Support Unit. */
  public String supportUnitGroup() {
    return EmpactGroups.SUPPORT_UNIT;
  }

  public boolean isMemberState(String actor) {
    return actors.resolve(actor).filter(Actor::isMemberState).isPresent();
  }

  /** The escalation's missed commitments still open: one answer task each. */
  public List<Long> openCommitments(long escalationId) {
    return commitments.ofEscalation(escalationId).stream().filter(c -> !c.fulfilled()).map(Commitment::id).toList();
  }

  public Date due(String kind) {
    return Date.from(clock.instant().plus(Duration.ofDays(properties.dueDays(kind))));
  }

  /** The end of the period the actor has to answer an exhortation sent now. */
  public Date responseDeadline() {
    return Date.from(clock.instant().plus(Duration.ofDays(properties.responseDays())));
  }
}
