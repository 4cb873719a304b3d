package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EuMembership;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapCycles;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Period;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.Problems;
import eu.empact.oap.tasks.ProcessStep;
import eu.empact.oap.tasks.Step;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Opens the cycle from the start form: finds the OAP (or creates it for a priority and period),
 * claims it so that no second adoption runs for it, sets its Driver and Co-Drivers and the dates
 * the cycle runs by. Bad input refuses the start, naming each field and why.
 */
@Component("openAdoptionCycleDelegate")
class OpenAdoptionCycleDelegate implements ProcessStep {

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
  public void run(Step step) {
    Problems problems = new Problems();
    String driver = memberState(step.text(DRIVER), period(step), problems);
    List<String> coDrivers = coDrivers(step.text(CO_DRIVERS), driver, problems);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate necMeeting = date(step, NEC_MEETING_DATE, problems);
    LocalDate cosiTarget = date(step, COSI_TARGET_DATE, problems);
    if (necMeeting != null && !necMeeting.isAfter(today.plusDays(properties.necAnswersDaysBeforeMeeting()))) {
      problems.add(NEC_MEETING_DATE, "must leave the NECs " + properties.necAnswersDaysBeforeMeeting()
          + " days to answer, so it must be after " + today.plusDays(properties.necAnswersDaysBeforeMeeting()));
    }
    if (necMeeting != null && cosiTarget != null && !cosiTarget.isAfter(necMeeting)) {
      problems.add(COSI_TARGET_DATE, "must come after the NEC meeting (" + necMeeting + ")");
    }
    Long oapId = oap(step, driver, coDrivers, problems);
    problems.refuseIfAny();
    String user = step.user();
    OapSummary oap = registry.summary(oapId);
    if (!oap.status().editable()) {
      throw FormRefusal.of(OAP_ID, "OAP " + oap.displayName() + " REV " + oap.revision() + " is " + oap.status()
          + "; an adoption cycle starts from a draft");
    }
    try {
      cycles.open(oapId, AdoptionProcess.CYCLE, step.processInstanceId(), user,
          clock.instant());
    } catch (RegistryConflictException e) {
      throw FormRefusal.of(OAP_ID, e.getMessage());
    }
    registry.assignManagement(oapId, driver, coDrivers, user);
    step.execution().setProcessBusinessKey(AdoptionProcess.businessKey(oapId));
    step.set(OAP_ID, oapId);
    step.set(REVISION, oap.revision());
    step.set(NEC_MEETING_DATE, startOf(necMeeting));
    step.set(COSI_TARGET_DATE, startOf(cosiTarget));
    step.set(NEC_DEADLINE, startOf(necMeeting.minusDays(properties.necAnswersDaysBeforeMeeting())));
    step.set(NEC_OUTCOME_DUE, startOf(necMeeting.plusDays(properties.necOutcomeDaysAfterMeeting())));
    step.set(LEADERSHIP_DECLINED, false);
    step.set(RETURNED_AT, "");
    step.set(RETURN_COMMENTS, "");
  }

  private Long oap(Step step, String driver, List<String> coDrivers,
                   Problems problems) {
    Object id = step.value(OAP_ID);
    if (id != null && !id.toString().isBlank()) {
      try {
        long oapId = parseId(id);
        registry.summary(oapId);
        return oapId;
      } catch (NumberFormatException | NotFoundException e) {
        problems.add(OAP_ID, "no OAP with id " + id + " (see GET /api/oaps)");
        return null;
      }
    }
    String priority = step.text(PRIORITY);
    String period = step.text(PERIOD);
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
    return registry.createEmpty(priority, period, driver, coDrivers, step.user()).id();
  }

  /** An OAP id as the form sends it: a number, possibly with a decimal point ("12.0"). */
  private static long parseId(Object id) {
    return Long.parseLong(id.toString().replaceAll("\\.0+$", ""));
  }

  /** The period of the OAP the form names (by id, or the period of a new one); null when it names none. */
  private Period period(Step step) {
    Object id = step.value(OAP_ID);
    if (id != null && !id.toString().isBlank()) {
      try {
        return registry.period(parseId(id));
      } catch (NumberFormatException | NotFoundException e) {
        return null;
      }
    }
    return Period.parse(step.text(PERIOD));
  }

  /** The Driver: a Member State in the OAP's period (the United Kingdom may drive an OAP of 2012). */
  private String memberState(String spelling, Period period, Problems problems) {
    if (spelling == null) {
      problems.add(DRIVER, "the Driver (a Member State) is required");
      return null;
    }
    Optional<Actor> actor = actors.resolve(spelling);
    EuMembership membership = actors.membership();
    if (actor.isEmpty() || !(period == null ? membership.everMemberStates().contains(actor.get().code())
        : membership.memberState(actor.get().code(), period))) {
      problems.add(DRIVER, "'" + spelling + "' is not a Member State" + (period == null ? "" : " in " + period));
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

  private static LocalDate date(Step step, String name, Problems problems) {
    try {
      LocalDate date = step.date(name);
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
