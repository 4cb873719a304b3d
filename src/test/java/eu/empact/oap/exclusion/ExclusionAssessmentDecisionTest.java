package eu.empact.oap.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of {@code processes/exclusion-assessment.dmn} and its boundaries, on the DMN engine alone. */
class ExclusionAssessmentDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("processes/exclusion-assessment.dmn"))) {
      decision = engine.parseDecision(ExclusionProcess.DECISION_KEY, model);
    }
  }

  @Test
  void aPeriodEndingWithinThreeMonthsKeepsTheMemberStateWhateverElse() {
    proposes(decide(2, 0.5, 3, 2), false, "The OAP period ends within three months");
    proposes(decide(0, 0.5, 3, 2), false, "The OAP period ends within three months");
  }

  @Test
  void threeMonthsLeftIsNoLongerTheEndOfThePeriod() {
    proposes(decide(3, 0.0, 0, 0), false, "The record does not show");
    assertThat(decide(3, 0.5, 3, 2).get("jeopardises")).isEqualTo(true);
  }

  @Test
  void leadingATenthOfTheOasWithAMissedReportJeopardises() {
    proposes(decide(12, 0.1, 1, 0), true, "It leads a tenth or more");
    proposes(decide(12, 0.09, 1, 0), false, "The record does not show");
    proposes(decide(12, 0.5, 0, 0), false, "The record does not show");
  }

  @Test
  void twoMissedReportsJeopardise() {
    proposes(decide(12, 0.0, 2, 0), true, "It has missed two or more reports");
    proposes(decide(12, 0.0, 1, 1), false, "The record does not show");
  }

  @Test
  void twoUnansweredExhortationsJeopardise() {
    proposes(decide(12, 0.04, 1, 2), true, "It left two or more of the Driver's exhortations");
    proposes(decide(12, 0.04, 1, 1), false, "The record does not show");
  }

  @Test
  void aCoLeaderWhoseOasStillHaveAnotherActiveLeaderStaysWhateverItsExhortations() {
    proposes(decide(12, 0.1, 0, 0, 2), false, "Every OA it leads still has another active leader");
    proposes(decide(12, 0.5, 0, 0, 0), false, "Every OA it leads still has another active leader");
  }

  @Test
  void aCoLeaderStillJeopardisesWhenAReportIsMissingOrItLeadsAnOaAlone() {
    // nobody delivered the shared report: the OA is without account, whoever else leads it
    proposes(decide(12, 0.1, 0, 1, 2), true, "It leads a tenth or more");
    proposes(decide(12, 0.04, 1, 0, 2), true, "It left two or more of the Driver's exhortations");
    // a participant that leads nothing is weighed on its exhortations alone
    proposes(decide(12, 0.0, 0, 0, 2), true, "It left two or more of the Driver's exhortations");
  }

  @Test
  void theEndOfThePeriodComesFirstForACoLeaderToo() {
    proposes(decide(1, 0.1, 0, 0, 2), false, "The OAP period ends within three months");
  }

  @Test
  void otherwiseTheMemberStateStays() {
    proposes(decide(24, 0.0, 0, 0), false, "The record does not show the delivery of the OAP at risk.");
  }

  /** A Member State that leads its OAs alone (or none): the facts as before several leaders counted. */
  private static Map<String, Object> decide(long monthsLeft, double leadShare, long missedReports, int unanswered) {
    return decide(monthsLeft, leadShare, leadShare > 0 ? 1 : 0, missedReports, unanswered);
  }

  private static Map<String, Object> decide(long monthsLeft, double leadShare, int ledWithoutOtherLeader,
                                            long missedReports, int unanswered) {
    DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, Map.of("monthsLeft", monthsLeft,
        "leadShare", leadShare, "ledWithoutOtherLeader", ledWithoutOtherLeader, "missedReports", missedReports,
        "unansweredExhortations", unanswered)).getSingleResult();
    String rationale = result.getEntry("rationale");
    return Map.of("jeopardises", result.getEntry("jeopardises"), "rationale", rationale);
  }

  private static void proposes(Map<String, Object> proposal, boolean jeopardises, String rationale) {
    assertThat(proposal.get("jeopardises")).isEqualTo(jeopardises);
    assertThat((String) proposal.get("rationale")).startsWith(rationale);
  }
}
