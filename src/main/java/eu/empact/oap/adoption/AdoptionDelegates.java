package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapCycles;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the adoption model: each a single call to the registry. */
@Configuration
class AdoptionDelegates {

  /** The Support Unit approved the draft: the version goes to the NECs. */
  @Bean
  JavaDelegate putToNecsDelegate(OapRegistry registry) {
    return execution -> {
      registry.changeStatus(AdoptionProcess.oapId(execution), AdoptionProcess.revision(execution),
          VersionStatus.UNDER_NEC_DISCUSSION, TaskUser.of(execution), "put to the NECs for the meeting of "
              + AdoptionProcess.date(execution, AdoptionProcess.NEC_MEETING_DATE));
    };
  }

  /** The consultation closed: every NEC that did not answer is recorded as "no answer". */
  @Bean
  JavaDelegate recordMissingNecAnswersDelegate(NecConsultation consultation, OapRegistry registry) {
    return execution -> {
      List<String> silent = consultation.closeWithoutAnswers(AdoptionProcess.oapId(execution),
          AdoptionProcess.revision(execution));
      registry.recordDecision(AdoptionProcess.oapId(execution), AdoptionProcess.revision(execution),
          "NEC_CONSULTATION_CLOSED", TaskUser.of(execution),
          silent.isEmpty() ? "every NEC answered" : "no answer from " + String.join(", ", silent));
    };
  }

  /** A version was returned: the Driver works on the next revision. */
  @Bean
  JavaDelegate createRevisionDelegate(OapRegistry registry) {
    return execution -> {
      int revision = registry.createRevision(AdoptionProcess.oapId(execution), TaskUser.of(execution),
          "returned by " + AdoptionProcess.text(execution, AdoptionProcess.RETURNED_AT) + ": "
              + AdoptionProcess.text(execution, AdoptionProcess.RETURN_COMMENTS));
      execution.setVariable(AdoptionProcess.REVISION, revision);
    };
  }

  /** COSI adopted the version: earlier ones are superseded; tasking confirmations are due. */
  @Bean
  JavaDelegate adoptVersionDelegate(OapRegistry registry, AdoptionProperties properties, Clock clock) {
    return execution -> {
      registry.changeStatus(AdoptionProcess.oapId(execution), AdoptionProcess.revision(execution),
          VersionStatus.ADOPTED, TaskUser.of(execution),
          "adopted by COSI on " + AdoptionProcess.date(execution, AdoptionProcess.ADOPTION_DATE));
      execution.setVariable(AdoptionProcess.TASKING_DEADLINE,
          Date.from(clock.instant().plus(Duration.ofDays(properties.taskingDays()))));
    };
  }

  /** However the process ends (completed or cancelled in Cockpit), the OAP is free for a new cycle. */
  @Bean
  ExecutionListener closeAdoptionCycleListener(OapCycles cycles) {
    return execution -> {
      Object oapId = execution.getVariable(AdoptionProcess.OAP_ID);
      if (oapId instanceof Number id) {
        cycles.close(id.longValue(), AdoptionProcess.CYCLE, execution.getProcessInstanceId());
      }
    };
  }
}
