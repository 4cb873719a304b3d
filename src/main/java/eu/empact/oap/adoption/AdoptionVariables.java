package eu.empact.oap.adoption;

import eu.empact.oap.system.FormValues;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every variable of the adoption process: identifiers, dates and routing flags. The OAP itself,
 * its versions, decisions and answers live in the registry.
 */
public final class AdoptionVariables {

  // start form
  public static final String OAP_ID = "oapId";
  public static final String PRIORITY = "priority";
  public static final String PERIOD = "period";
  public static final String DRIVER = "driver";
  public static final String CO_DRIVERS = "coDrivers";
  public static final String NEC_MEETING_DATE = "necMeetingDate";
  public static final String COSI_TARGET_DATE = "cosiTargetDate";
  // set by the process
  public static final String REVISION = "revision";
  public static final String NEC_DEADLINE = "necDeadline";
  public static final String NEC_OUTCOME_DUE = "necOutcomeDue";
  public static final String TASKING_DEADLINE = "taskingDeadline";
  public static final String LEADERSHIP_DECLINED = "leadershipDeclined";
  public static final String RETURNED_AT = "returnedAt";
  public static final String RETURN_COMMENTS = "returnComments";
  // task forms
  public static final String DECISION = "decision";
  public static final String COMMENTS = "comments";
  public static final String OAP_OVERVIEW = "oapOverview";
  public static final String LEADER_ASSIGNMENTS = "actionLeaderAssignments";
  public static final String PARTICIPATING_OAS = "participatingOas";
  public static final String LINKS_TO_OTHER_OAPS = "linksToOtherOaps";
  public static final String COUNCIL_DOCUMENT = "councilDocument";
  public static final String ADOPTION_DATE = "adoptionDate";
  public static final String CONFIRMED = "confirmed";
  public static final String SUMMARY = "summary";
  // multi-instance element variables
  public static final String LEADING_ACTOR = "leadingActor";
  public static final String MEMBER_STATE = "memberState";
  public static final String PARTICIPANT = "participant";

  private final VariableScope scope;

  private AdoptionVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static AdoptionVariables of(VariableScope scope) {
    return new AdoptionVariables(scope);
  }

  public long oapId() {
    return ((Number) scope.getVariable(OAP_ID)).longValue();
  }

  public int revision() {
    return ((Number) scope.getVariable(REVISION)).intValue();
  }

  public String text(String name) {
    return FormValues.text(scope, name);
  }

  public LocalDate date(String name) {
    return FormValues.date(scope, name);
  }

  public String decision() {
    return text(DECISION);
  }
}
