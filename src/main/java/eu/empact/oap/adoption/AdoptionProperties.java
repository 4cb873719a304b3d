package eu.empact.oap.adoption;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the adoption cycle, in days ({@code empact.adoption.*}).
 *
 * @param dueDays per kind of task: draft, leadership, review
 * @param necAnswersDaysBeforeMeeting the NECs answer this many days before the NEC meeting
 * @param necOutcomeDaysAfterMeeting the EMPACT Support Unit records the outcome within this many days
 * @param taskingDays the participating actors confirm their tasking within this many days of adoption
 */
@ConfigurationProperties("empact.adoption")
public record AdoptionProperties(Map<String, Integer> dueDays, int necAnswersDaysBeforeMeeting,
                                 int necOutcomeDaysAfterMeeting, int taskingDays) {}
