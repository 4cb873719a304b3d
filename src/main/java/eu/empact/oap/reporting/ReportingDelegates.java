package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.oapId;
import static eu.empact.oap.reporting.ReportingRoundProcess.round;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the reporting model: each a single call to the rounds. */
@Configuration
class ReportingDelegates {

  /** The round's day came: it asks about the OAs of the adopted version. */
  @Bean
  JavaDelegate openRoundDelegate(ReportingRounds rounds) {
    return execution -> rounds.open(oapId(execution), round(execution));
  }

  /** Every OA reported, or the deadline passed: what is missing is recorded; the Driver writes. */
  @Bean
  JavaDelegate closeCollectionDelegate(OaReports reports, ReportingRounds rounds) {
    return execution -> {
      reports.markMissing(oapId(execution), round(execution));
      rounds.advance(oapId(execution), round(execution), RoundStage.DRIVER_REPORT, "COLLECTION_CLOSED", "system",
          reports.summary(oapId(execution), round(execution)).text());
    };
  }
}
