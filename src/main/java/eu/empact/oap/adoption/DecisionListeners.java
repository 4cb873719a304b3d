package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
import static eu.empact.oap.adoption.AdoptionVariables.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The deciding tasks of the EMPACT Support Unit and the COSI secretariat. */
final class DecisionListeners {

  private DecisionListeners() {}

  /** The Support Unit checks the draft against the template and records links to other OAPs. */
  @Component("reviewDraftTaskListener")
  static class ReviewDraft extends DecisionTaskListener {
    ReviewDraft(OapRegistry registry) {
      super(registry, "SUPPORT_UNIT_REVIEW", List.of("approve", "return"), "return", ReturnedAt.SUPPORT_UNIT);
    }

    @Override
    String accepted(DelegateTask task, AdoptionVariables variables, String decision) {
      String links = variables.text(LINKS_TO_OTHER_OAPS);
      return links == null ? null : "links to other OAPs: " + links;
    }
  }

  /** The Support Unit records the NEC meeting: endorsed, or revisions requested. */
  @Component("recordNecOutcomeTaskListener")
  static class RecordNecOutcome extends DecisionTaskListener {
    private final NecConsultation consultation;

    RecordNecOutcome(OapRegistry registry, NecConsultation consultation) {
      super(registry, "NEC_MEETING", List.of("endorse", "revise"), "revise", ReturnedAt.NEC);
      this.consultation = consultation;
    }

    @Override
    void created(DelegateTask task) {
      AdoptionVariables variables = AdoptionVariables.of(task);
      task.setVariableLocal(SUMMARY, consultation.answers(variables.oapId(), variables.revision()).stream()
          .map(answer -> answer.memberState() + ": " + switch (answer.status()) {
            case NO_ANSWER -> "no answer";
            case ANSWERED -> (answer.participatesIn().isEmpty() ? "participates in no OA"
                : "participates in OA " + String.join(", ", answer.participatesIn()))
                + (answer.comment() == null ? "" : " | " + answer.comment());
          })
          .collect(Collectors.joining("\n")));
    }
  }

  /** The COSI secretariat approves the version for COSI (read-only from then on) or returns it. */
  @Component("reviewForCosiTaskListener")
  static class ReviewForCosi extends DecisionTaskListener {
    ReviewForCosi(OapRegistry registry) {
      super(registry, "COSI_SECRETARIAT_REVIEW", List.of("approve", "return"), "return", ReturnedAt.COSI_SECRETARIAT);
    }

    @Override
    String accepted(DelegateTask task, AdoptionVariables variables, String decision) {
      if (!decision.equals("approve")) {
        return null;
      }
      String document = variables.text(COUNCIL_DOCUMENT);
      if (document == null) {
        throw refusal(COUNCIL_DOCUMENT + ": the Council document number is required to approve (e.g. 14541/23)");
      }
      registry.submitToCosi(variables.oapId(), variables.revision(), document, TaskUser.of(task),
          "approved for COSI as Council document " + document);
      return "Council document " + document;
    }
  }

  /** The COSI secretariat records what COSI / COSI Support Group decided. */
  @Component("recordCosiDecisionTaskListener")
  static class RecordCosiDecision extends DecisionTaskListener {
    RecordCosiDecision(OapRegistry registry) {
      super(registry, "COSI_DECISION", List.of("adopt", "return"), "return", ReturnedAt.COSI);
    }

    @Override
    String accepted(DelegateTask task, AdoptionVariables variables, String decision) {
      if (!decision.equals("adopt")) {
        return null;
      }
      LocalDate adopted;
      try {
        adopted = variables.date(ADOPTION_DATE);
      } catch (RuntimeException e) {
        adopted = null;
      }
      if (adopted == null) {
        throw refusal(ADOPTION_DATE + ": the date COSI adopted the OAP is required (YYYY-MM-DD)");
      }
      task.getExecution().getProcessInstance()
          .setVariable(ADOPTION_DATE, Date.from(adopted.atStartOfDay(ZoneOffset.UTC).toInstant()));
      return "adopted on " + adopted;
    }
  }
}
