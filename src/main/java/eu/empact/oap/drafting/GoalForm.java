package eu.empact.oap.drafting;

import eu.empact.oap.registry.OapDocument;
import org.springframework.util.MultiValueMap;

/**
 * A strategic goal as the drafting page shows and sends it. {@code key} is the number it had when
 * the page was shown ("new" for the form that adds one).
 */
public record GoalForm(String key, String number, String chsg, String title, String objective, Messages messages) {

  static GoalForm of(OapDocument.StrategicGoal goal) {
    return new GoalForm(String.valueOf(goal.number()), String.valueOf(goal.number()), goal.chsg(), goal.title(),
        goal.objective(), Messages.none());
  }

  static GoalForm empty(int number) {
    return new GoalForm(SheetForm.NEW, String.valueOf(number), "", "", "", Messages.none());
  }

  static GoalForm sent(String key, MultiValueMap<String, String> form) {
    return new GoalForm(key, SheetForm.text(form, "number"), SheetForm.text(form, "chsg"),
        SheetForm.text(form, "title"), SheetForm.text(form, "objective"), Messages.none());
  }

  OapDocument.StrategicGoal goal(int number) {
    return new OapDocument.StrategicGoal(number, SheetForm.optional(chsg), title.strip(),
        SheetForm.optional(objective));
  }

  GoalForm with(Messages messages) {
    return new GoalForm(key, number, chsg, title, objective, messages);
  }

  /** The page's anchor of the goal, as the workspace names it: {@code goal-2}. */
  public String anchor() {
    return SheetForm.NEW.equals(key) ? "new-goal" : "goal-" + key;
  }
}
