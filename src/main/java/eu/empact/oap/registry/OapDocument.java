package eu.empact.oap.registry;

import java.util.List;

/**
 * One version of an OAP in the exchange format that {@code POST /api/oaps/import} takes and
 * {@code GET /api/oaps/{id}} returns; its JSON Schema is {@code schema/oap-document.schema.json}.
 * Field order here is the order of the exported JSON.
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

  public record OperationalAction(
      String ref,
      int strategicGoal,
      String title,
      String shortTitle,
      List<String> actionLeaders,
      List<String> coActionLeaders,
      List<String> participants,
      List<String> types,
      List<Kpi> kpis,
      List<Activity> activities,
      List<String> linksToOtherOaps,
      List<String> jointActionDays) {

    public OperationalAction {
      actionLeaders = listOrEmpty(actionLeaders);
      coActionLeaders = listOrEmpty(coActionLeaders);
      participants = listOrEmpty(participants);
      types = listOrEmpty(types);
      kpis = listOrEmpty(kpis);
      activities = listOrEmpty(activities);
      linksToOtherOaps = listOrEmpty(linksToOtherOaps);
      jointActionDays = listOrEmpty(jointActionDays);
    }
  }

  public record Kpi(String code, String indicator, String target) {}

  public record Activity(String description, String timing) {}

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
