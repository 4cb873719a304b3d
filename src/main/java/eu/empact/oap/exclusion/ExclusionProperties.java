package eu.empact.oap.exclusion;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exclusion clause's numbers ({@code empact.exclusion.*}); the OAP text gives none.
 *
 * <p>The days the Driver's and Support Unit's tasks of an escalation are due ({@code due-days.*}) are
 * read by the models' {@code ${tasks.due('exclusion.assessment')}} ({@code TaskAssignment}).
 *
 * @param leaderReportsThreshold missed Action Leader reports that start an escalation by themselves
 * @param participantCommitmentsThreshold missed participation confirmations that start one
 * @param exhortations how many exhortations the Driver sends before the assessment ("exhortations",
 *     plural, in the clause)
 * @param responseDays days the Member State has to answer an exhortation
 */
@ConfigurationProperties("empact.exclusion")
public record ExclusionProperties(int leaderReportsThreshold, int participantCommitmentsThreshold, int exhortations,
                                  int responseDays) {

  public ExclusionProperties {
    if (leaderReportsThreshold < 1 || participantCommitmentsThreshold < 1 || exhortations < 1 || responseDays < 1) {
      throw new IllegalArgumentException("empact.exclusion thresholds, exhortations and response-days must be at "
          + "least 1");
    }
  }
}
