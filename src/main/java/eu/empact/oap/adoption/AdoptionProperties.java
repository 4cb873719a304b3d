package eu.empact.oap.adoption;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the adoption cycle, in days ({@code empact.adoption.*}). The days each kind of task
 * is due ({@code due-days.draft}, {@code .leadership}, {@code .review}) are read by the models'
 * {@code ${tasks.due('adoption.draft')}} ({@code TaskAssignment}).
 *
 * @param necAnswersDaysBeforeMeeting the NECs answer this many days before the NEC meeting
 * @param necOutcomeDaysAfterMeeting the EMPACT Support Unit records the outcome within this many days
 * @param taskingDays the participating actors confirm their tasking within this many days of adoption
 */
@ConfigurationProperties("empact.adoption")
public record AdoptionProperties(int necAnswersDaysBeforeMeeting, int necOutcomeDaysAfterMeeting, int taskingDays) {}
