package eu.empact.oap.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * One version of an OAP in the exchange format that {@code POST /api/oaps/import} takes and
 * {@code GET /api/oaps/{id}} returns; its JSON Schema is {@code schema/oap-document.schema.json}.
 * Field order here is the order of the exported JSON. Texts are as the document writes them,
 * actors too ("HU, AT and Frontex"; what the registry read from them is beside, see
 * {@link OapRegistry#readingNotes}); parts older documents do not have are left out of the export
 * when empty.
 */
public record OapDocument(
    Priority priority,
    String period,
    String title,
    String driver,
    List<String> coDrivers,
    String classification,
    String councilDocument,
    List<StrategicGoal> strategicGoals,
    List<OperationalAction> operationalActions) {

  public OapDocument {
    coDrivers = listOrEmpty(coDrivers);
    strategicGoals = listOrEmpty(strategicGoals);
    operationalActions = listOrEmpty(operationalActions);
  }

  public record Priority(String name, String aim) {}

  public record StrategicGoal(int number, String chsg, String title, String objective) {}

  /**
   * An OA. From {@link OapRegistry#export} as written; from {@link OapRegistry#operationalAction}
   * and {@link OapRegistry#content} as resolved for the processes: actors by code (collective forms
   * by their term), every KPI with its identity ({@link KpiCodes}).
   */
  public record OperationalAction(
      String ref,
      int strategicGoal,
      String title,
      String shortTitle,
      @JsonInclude(Include.NON_EMPTY) String description,
      @JsonInclude(Include.NON_EMPTY) String target,
      List<String> actionLeaders,
      List<String> coActionLeaders,
      List<String> participants,
      @JsonInclude(Include.NON_EMPTY) List<String> types,
      List<Kpi> kpis,
      List<Activity> activities,
      List<String> linksToOtherOaps,
      List<String> jointActionDays,
      @JsonInclude(Include.NON_EMPTY) List<String> crossReferencedGoals,
      @JsonInclude(Include.NON_EMPTY) List<String> crossReferencedActions,
      @JsonInclude(Include.NON_EMPTY) List<Footnote> footnotes) {

    public OperationalAction {
      actionLeaders = listOrEmpty(actionLeaders);
      coActionLeaders = listOrEmpty(coActionLeaders);
      participants = listOrEmpty(participants);
      types = listOrEmpty(types);
      kpis = listOrEmpty(kpis);
      activities = listOrEmpty(activities);
      linksToOtherOaps = listOrEmpty(linksToOtherOaps);
      jointActionDays = listOrEmpty(jointActionDays);
      crossReferencedGoals = listOrEmpty(crossReferencedGoals);
      crossReferencedActions = listOrEmpty(crossReferencedActions);
      footnotes = listOrEmpty(footnotes);
    }

    /** The same OA with other activities. */
    public OperationalAction withActivities(List<Activity> activities) {
      return new OperationalAction(ref, strategicGoal, title, shortTitle, description, target, actionLeaders,
          coActionLeaders, participants, types, kpis, activities, linksToOtherOaps, jointActionDays,
          crossReferencedGoals, crossReferencedActions, footnotes);
    }

    /** The same OA with another title. */
    public OperationalAction withTitle(String title) {
      return new OperationalAction(ref, strategicGoal, title, shortTitle, description, target, actionLeaders,
          coActionLeaders, participants, types, kpis, activities, linksToOtherOaps, jointActionDays,
          crossReferencedGoals, crossReferencedActions, footnotes);
    }
  }

  /** A footnote of an OA as printed: its marker ("7") and text. */
  public record Footnote(String marker, String text) {}

  public record Kpi(String code, String indicator, String target) {}

  public record Activity(String description, String timing) {}

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
