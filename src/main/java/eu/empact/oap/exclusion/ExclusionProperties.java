package eu.empact.oap.exclusion;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exclusion clause's numbers ({@code empact.exclusion.*}); the OAP text gives none.
 *
 * @param leaderReportsThreshold missed Action Leader reports that start an escalation by themselves
 * @param participantCommitmentsThreshold missed participation confirmations that start one
 * @param exhortations how many exhortations the Driver sends before the assessment ("exhortations",
 *     plural, in the clause)
 * @param responseDays days the Member State has to answer an exhortation
 * @param dueDays days the Driver's and Support Unit's tasks of an escalation are due after creation
 */
@ConfigurationProperties("empact.exclusion")
public record ExclusionProperties(int leaderReportsThreshold, int participantCommitmentsThreshold, int exhortations,
                                  int responseDays, Map<String, Integer> dueDays) {

  public ExclusionProperties {
    if (leaderReportsThreshold < 1 || participantCommitmentsThreshold < 1 || exhortations < 1 || responseDays < 1) {
      throw new IllegalArgumentException("empact.exclusion thresholds, exhortations and response-days must be at "
          + "least 1");
    }
    dueDays = dueDays == null ? Map.of() : Map.copyOf(dueDays);
  }
}
