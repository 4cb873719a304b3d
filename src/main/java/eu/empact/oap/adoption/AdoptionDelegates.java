package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapCycles;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.tasks.ProcessStep;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and execution listeners of the adoption model: each a single call to the registry. */
@Configuration
class AdoptionDelegates {

  /** The Support Unit approved the draft: the version goes to the NECs. */
  @Bean
  ProcessStep putToNecsDelegate(OapRegistry registry) {
    return step -> registry.changeStatus(step.oapId(), revision(step.execution()), VersionStatus.UNDER_NEC_DISCUSSION,
        step.user(), "put to the NECs for the meeting of " + step.date(NEC_MEETING_DATE));
  }

  /** The consultation closed: every NEC that did not answer is recorded as "no answer". */
  @Bean
  ProcessStep recordMissingNecAnswersDelegate(NecConsultation consultation, OapRegistry registry) {
    return step -> {
      List<String> silent = consultation.closeWithoutAnswers(step.oapId(), revision(step.execution()));
      registry.recordDecision(step.oapId(), revision(step.execution()), "NEC_CONSULTATION_CLOSED", step.user(),
          silent.isEmpty() ? "every NEC answered" : "no answer from " + String.join(", ", silent));
    };
  }

  /** A version was returned: the Driver works on the next revision. */
  @Bean
  ProcessStep createRevisionDelegate(OapRegistry registry) {
    return step -> step.set(REVISION, registry.createRevision(step.oapId(), step.user(),
        "returned by " + step.text(RETURNED_AT) + ": " + step.text(RETURN_COMMENTS)));
  }

  /** COSI adopted the version: earlier ones are superseded; tasking confirmations are due. */
  @Bean
  ProcessStep adoptVersionDelegate(OapRegistry registry, AdoptionProperties properties, Clock clock) {
    return step -> {
      registry.changeStatus(step.oapId(), revision(step.execution()), VersionStatus.ADOPTED, step.user(),
          "adopted by COSI on " + step.date(ADOPTION_DATE));
      step.set(TASKING_DEADLINE, Date.from(clock.instant().plus(Duration.ofDays(properties.taskingDays()))));
    };
  }

  /** However the process ends (completed or cancelled in Cockpit), the OAP is free for a new cycle. */
  @Bean
  ProcessStep closeAdoptionCycleListener(OapCycles cycles) {
    return step -> step.optionalId(OAP_ID).ifPresent(oapId -> cycles.close(oapId, CYCLE, step.processInstanceId()));
  }
}
