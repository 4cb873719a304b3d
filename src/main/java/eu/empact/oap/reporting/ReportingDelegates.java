package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.round;

import eu.empact.oap.tasks.ProcessStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the reporting model: each a single call to the rounds. */
@Configuration
class ReportingDelegates {

  /** The round's day came: it asks about the OAs of the adopted version. */
  @Bean
  ProcessStep openRoundDelegate(ReportingRounds rounds) {
    return step -> rounds.open(step.oapId(), round(step.execution()));
  }

  /** Every OA reported, or the deadline passed: what is missing is recorded; the Driver writes. */
  @Bean
  ProcessStep closeCollectionDelegate(OaReports reports, ReportingRounds rounds) {
    return step -> {
      long oapId = step.oapId();
      int round = round(step.execution());
      reports.markMissing(oapId, round);
      rounds.advance(oapId, round, RoundStage.DRIVER_REPORT, "COLLECTION_CLOSED", "system",
          reports.summary(oapId, round).text());
    };
  }
}
