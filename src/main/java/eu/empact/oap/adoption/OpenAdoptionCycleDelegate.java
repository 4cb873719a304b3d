package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapCycles;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.Problems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the cycle from the start form: finds the OAP (or creates it for a priority and period),
 * claims it so that no second adoption runs for it, sets its Driver and Co-Drivers and the dates
 * the cycle runs by. Bad input refuses the start, naming each field and why.
 */
@Component("openAdoptionCycleDelegate")
class OpenAdoptionCycleDelegate implements JavaDelegate {

  private final OapRegistry registry;
  private final OapCycles cycles;
  private final ActorDirectory actors;
  private final AdoptionProperties properties;
  private final Clock clock;

  OpenAdoptionCycleDelegate(OapRegistry registry, OapCycles cycles, ActorDirectory actors,
                            AdoptionProperties properties, Clock clock) {
    this.registry = registry;
    this.cycles = cycles;
    this.actors = actors;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Problems problems = new Problems();
    String driver = memberState(text(execution, DRIVER), problems);
    List<String> coDrivers = coDrivers(text(execution, CO_DRIVERS), driver, problems);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate necMeeting = date(execution, NEC_MEETING_DATE, problems);
    LocalDate cosiTarget = date(execution, COSI_TARGET_DATE, problems);
    if (necMeeting != null && !necMeeting.isAfter(today.plusDays(properties.necAnswersDaysBeforeMeeting()))) {
      problems.add(NEC_MEETING_DATE, "must leave the NECs " + properties.necAnswersDaysBeforeMeeting()
          + " days to answer, so it must be after " + today.plusDays(properties.necAnswersDaysBeforeMeeting()));
    }
    if (necMeeting != null && cosiTarget != null && !cosiTarget.isAfter(necMeeting)) {
      problems.add(COSI_TARGET_DATE, "must come after the NEC meeting (" + necMeeting + ")");
    }
    Long oapId = oap(execution, driver, coDrivers, problems);
    problems.refuseIfAny();
    String user = TaskUser.of(execution);
    OapSummary oap = registry.summary(oapId);
    if (!oap.status().editable()) {
      throw FormRefusal.of(OAP_ID, "OAP " + oap.displayName() + " REV " + oap.revision() + " is " + oap.status()
          + "; an adoption cycle starts from a draft");
    }
    try {
      cycles.open(oapId, AdoptionProcess.CYCLE, execution.getProcessInstanceId(), user,
          clock.instant());
    } catch (RegistryConflictException e) {
      throw FormRefusal.of(OAP_ID, e.getMessage());
    }
    registry.assignManagement(oapId, driver, coDrivers, user);
    execution.setProcessBusinessKey("oap-" + oapId);
    execution.setVariable(OAP_ID, oapId);
    execution.setVariable(REVISION, oap.revision());
    execution.setVariable(NEC_MEETING_DATE, startOf(necMeeting));
    execution.setVariable(COSI_TARGET_DATE, startOf(cosiTarget));
    execution.setVariable(NEC_DEADLINE, startOf(necMeeting.minusDays(properties.necAnswersDaysBeforeMeeting())));
    execution.setVariable(NEC_OUTCOME_DUE, startOf(necMeeting.plusDays(properties.necOutcomeDaysAfterMeeting())));
    execution.setVariable(LEADERSHIP_DECLINED, false);
    execution.setVariable(RETURNED_AT, "");
    execution.setVariable(RETURN_COMMENTS, "");
  }

  private Long oap(DelegateExecution execution, String driver, List<String> coDrivers,
                   Problems problems) {
    Object id = execution.getVariable(OAP_ID);
    if (id != null && !id.toString().isBlank()) {
      try {
        long oapId = Long.parseLong(id.toString().replaceAll("\\.0+$", ""));
        registry.summary(oapId);
        return oapId;
      } catch (NumberFormatException | NotFoundException e) {
        problems.add(OAP_ID, "no OAP with id " + id + " (see GET /api/oaps)");
        return null;
      }
    }
    String priority = text(execution, PRIORITY);
    String period = text(execution, PERIOD);
    if (priority == null || period == null) {
      problems.add(OAP_ID, "choose an OAP of the registry, or give the priority and period of a new one");
      return null;
    }
    if (!period.matches("\\d{4}(-\\d{4})?")) {
      problems.add(PERIOD, "'" + period + "' is not one or two calendar years (e.g. 2026-2027)");
      return null;
    }
    Optional<Long> existing = registry.find(priority, period);
    if (existing.isPresent() || driver == null || !problems.isEmpty()) {
      return existing.orElse(null);
    }
    return registry.createEmpty(priority, period, driver, coDrivers, TaskUser.of(execution)).id();
  }

  private String memberState(String spelling, Problems problems) {
    if (spelling == null) {
      problems.add(DRIVER, "the Driver (a Member State) is required");
      return null;
    }
    Optional<Actor> actor = actors.resolve(spelling);
    if (actor.isEmpty() || !actor.get().isMemberState()) {
      problems.add(DRIVER, "'" + spelling + "' is not a Member State");
      return null;
    }
    return actor.get().code();
  }

  private List<String> coDrivers(String list, String driver, Problems problems) {
    List<String> codes = new ArrayList<>();
    if (list == null) {
      return codes;
    }
    for (String spelling : Arrays.stream(list.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      Optional<Actor> actor = actors.resolve(spelling);
      if (actor.isEmpty()) {
        problems.add(CO_DRIVERS, "unknown actor '" + spelling + "'");
      } else if (actor.get().code().equals(driver) || codes.contains(actor.get().code())) {
        problems.add(CO_DRIVERS, "'" + spelling + "' is already named");
      } else {
        codes.add(actor.get().code());
      }
    }
    return codes;
  }

  private static LocalDate date(DelegateExecution execution, String name, Problems problems) {
    try {
      LocalDate date = AdoptionProcess.date(execution, name);
      if (date == null) {
        problems.add(name, "required");
      }
      return date;
    } catch (RuntimeException e) {
      problems.add(name, "not a date (expected YYYY-MM-DD)");
      return null;
    }
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
