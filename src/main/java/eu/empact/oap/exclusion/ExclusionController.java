package eu.empact.oap.exclusion;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.ParticipationStatus.StatusChange;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exclusion clause under {@code /api/oaps/{id}}: escalations, and an actor's participation.
 * Records of a Member State's conduct: read by the OAP's Drivers, the Support Unit, the COSI
 * secretariat, administrators, and (its own record) the actor ({@link OapAccess}).
 */
@RestController
class ExclusionController {

  private final Escalations escalations;
  private final Commitments commitments;
  private final ParticipationStatus participation;
  private final OapRegistry registry;
  private final OapAccess access;

  ExclusionController(Escalations escalations, Commitments commitments, ParticipationStatus participation,
                      OapRegistry registry, OapAccess access) {
    this.escalations = escalations;
    this.commitments = commitments;
    this.participation = participation;
    this.registry = registry;
    this.access = access;
  }

  /** Every escalation of the OAP: its missed commitments, what happened, the proposal, the assessment, the outcome. */
  @GetMapping(path = "/api/oaps/{id}/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
  List<EscalationView> escalations(@PathVariable long id, Authentication user) {
    access.requireCanReadEscalations(user, id);
    registry.summary(id);
    return escalations.of(id).stream().map(e -> new EscalationView(e, commitments.ofEscalation(e.id()),
        escalations.history(e.id()))).toList();
  }

  /** An actor in the OAP: participating or no longer, its history, the OAs it leads, its missed commitments. */
  @GetMapping(path = "/api/oaps/{id}/participation/{actor}", produces = MediaType.APPLICATION_JSON_VALUE)
  ParticipationView participation(@PathVariable long id, @PathVariable String actor, Authentication user) {
    String code = access.requireCanReadActor(user, id, actor, "participation record");
    Participation.Status status = participation.status(id, code)
        .orElseThrow(() -> new NotFoundException(code + " has no part in OAP " + id));
    return new ParticipationView(code, status, participation.history(id, code), participation.ledBy(id, code),
        commitments.of(id, code), escalations.running(id, code).map(Escalation::id).orElse(null));
  }

  record EscalationView(Escalation escalation, List<Commitment> commitments, List<Escalations.EscalationEvent> history) {}

  record ParticipationView(String actor, Participation.Status status, List<StatusChange> history, List<String> leads,
                           List<Commitment> missedCommitments, Long runningEscalation) {}
}
