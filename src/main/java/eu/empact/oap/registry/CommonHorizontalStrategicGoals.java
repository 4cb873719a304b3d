package eu.empact.oap.registry;

import java.util.List;

/** The eight common horizontal strategic goals (CHSG) of EMPACT 2022+, the goals of a new OAP. */
final class CommonHorizontalStrategicGoals {

  static final List<OapDocument.StrategicGoal> ALL = List.of(
      goal(1, "Criminal intelligence picture"),
      goal(2, "Investigations and judicial response, with a specific focus on high-risk criminal networks (HRCN) "
          + "and key individuals"),
      goal(3, "Coordinated controls and operations targeting the online and offline trade in illicit goods & services"),
      goal(4, "Criminal finances, money laundering and asset recovery"),
      goal(5, "Document fraud"),
      goal(6, "Capacity building through training, networking and innovation"),
      goal(7, "Prevention and harm reduction, assistance to victims, awareness raising"),
      goal(8, "External dimension: cooperation with non-EU partners"));

  private CommonHorizontalStrategicGoals() {}

  private static OapDocument.StrategicGoal goal(int number, String title) {
    return new OapDocument.StrategicGoal(number, "CHSG " + number + " - " + title, title, null);
  }
}
