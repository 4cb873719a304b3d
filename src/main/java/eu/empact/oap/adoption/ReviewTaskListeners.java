package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The deciding tasks of the EMPACT Support Unit and the COSI secretariat. */
final class ReviewTaskListeners {

  private ReviewTaskListeners() {}

  /** The Support Unit checks the draft against the template and records links to other OAPs. */
  @Component("reviewDraftTaskListener")
  static class ReviewDraft extends AdoptionTask.Review {
    ReviewDraft(Dependencies dependencies) {
      super(dependencies, "SUPPORT_UNIT_REVIEW", Decision.RETURN, ReturnedAt.SUPPORT_UNIT);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, AdoptionBriefings.supportUnitReview(version(subject), latest(subject.oapId(), "DRAFT_SUBMITTED"),
          registry.version(subject.oapId(), subject.revision()).history().stream()
              .filter(event -> event.event().startsWith("LEADERSHIP_")).toList()));
    }

    @Override
    String accepted(Completion completion, Decision decision) {
      String links = completion.text(LINKS_TO_OTHER_OAPS);
      return links == null ? null : "links to other OAPs: " + links;
    }
  }

  /** The Support Unit records the NEC meeting: endorsed, or revisions requested. */
  @Component("recordNecOutcomeTaskListener")
  static class RecordNecOutcome extends AdoptionTask.Review {
    private final NecConsultation consultation;

    RecordNecOutcome(Dependencies dependencies, NecConsultation consultation) {
      super(dependencies, "NEC_MEETING", Decision.REVISE, ReturnedAt.NEC);
      this.consultation = consultation;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, AdoptionBriefings.necOutcome(version(subject), links.necAnswers(subject.oapId()),
          consultation.answers(subject.oapId(), subject.revision())));
      task.setVariableLocal(NEC_MATRIX, FormText.of(markdown(consultation.matrix(subject.oapId()))));
    }

    /** Endorsed: the NECs' answers become the Member States' participation in the version. */
    @Override
    String accepted(Completion completion, Decision decision) {
      if (decision != Decision.ENDORSE) {
        return null;
      }
      TaskSubject subject = completion.subject();
      return consultation.endorse(subject.oapId(), subject.revision(), completion.user());
    }

    /** The answers as a Markdown table, Member States x OAs, that the form shows. */
    static String markdown(NecConsultation.Matrix matrix) {
      StringBuilder table = new StringBuilder("| MS |");
      matrix.operationalActions().forEach(oa -> table.append(' ').append(oa.ref()).append(" |"));
      table.append("\n|---|");
      matrix.operationalActions().forEach(oa -> table.append(":-:|"));
      for (NecConsultation.Row row : matrix.memberStates()) {
        table.append("\n| ").append(row.memberState()).append(switch (row.status()) {
          case ANSWERED -> "";
          case NO_ANSWER -> " (no answer)";
          case AWAITED -> " (awaited)";
        }).append(" |");
        row.participates().values().forEach(ticked -> table.append(ticked == null ? " - |" : ticked ? " x |" : "   |"));
      }
      return table.append("\n\nx: intends to participate; blank: does not; -: no answer (the OAP's text is kept, "
          + "flagged as not stated)").toString();
    }
  }

  /** The COSI secretariat approves the version for COSI (read-only from then on) or returns it. */
  @Component("reviewForCosiTaskListener")
  static class ReviewForCosi extends AdoptionTask.Review {
    ReviewForCosi(Dependencies dependencies) {
      super(dependencies, "COSI_SECRETARIAT_REVIEW", Decision.RETURN, ReturnedAt.COSI_SECRETARIAT);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      int revision = subject.revision();
      brief(task, AdoptionBriefings.cosiReview(version(subject), latest(subject.oapId(), "NEC_MEETING_"),
          revision == 0 ? null : links.diff(subject.oapId(), revision - 1, revision)));
    }

    @Override
    String accepted(Completion completion, Decision decision) {
      if (decision != Decision.APPROVE) {
        return null;
      }
      String document = completion.required(COUNCIL_DOCUMENT,
          "the Council document number is required to approve (e.g. 14541/23)");
      if (document == null) {
        return null;
      }
      TaskSubject subject = completion.subject();
      registry.submitToCosi(subject.oapId(), subject.revision(), document, completion.user(),
          "approved for COSI as Council document " + document);
      return "Council document " + document;
    }
  }

  /** The COSI secretariat records what COSI / COSI Support Group decided, on a day that has come. */
  @Component("recordCosiDecisionTaskListener")
  static class RecordCosiDecision extends AdoptionTask.Review {
    private final Clock clock;

    RecordCosiDecision(Dependencies dependencies, Clock clock) {
      super(dependencies, "COSI_DECISION", Decision.RETURN, ReturnedAt.COSI);
      this.clock = clock;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, AdoptionBriefings.cosiDecision(version(subject), latest(subject.oapId(), "NEC_MEETING_"),
          latest(subject.oapId(), "COSI_SECRETARIAT_REVIEW_")));
    }

    @Override
    String accepted(Completion completion, Decision decision) {
      if (decision != Decision.ADOPT) {
        return null;
      }
      LocalDate adopted = completion.form().date(ADOPTION_DATE);
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      if (adopted == null) {
        completion.problems().add(ADOPTION_DATE, "pick the day COSI adopted the OAP");
        return null;
      }
      if (adopted.isAfter(today)) {
        completion.problems().add(ADOPTION_DATE, FormText.day(adopted)
            + " is in the future; record the day COSI adopted the OAP");
        return null;
      }
      completion.task().getExecution().getProcessInstance()
          .setVariable(ADOPTION_DATE, Date.from(adopted.atStartOfDay(ZoneOffset.UTC).toInstant()));
      return "adopted on " + adopted;
    }
  }
}
