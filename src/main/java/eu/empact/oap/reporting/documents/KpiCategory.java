package eu.empact.oap.reporting.documents;

import eu.empact.oap.registry.OapDocument.Kpi;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a counting KPI counts, read from its indicator ("Number of arrests", "Number of Joint
 * Action Days"), so that fact sheets add like with like across OAs and OAPs.
 */
public enum KpiCategory {
  ARRESTS("Arrests", "arrest"),
  INVESTIGATIONS("Investigations", "investigation", "operational case", "cases opened"),
  ACTION_DAYS("Action days", "action day"),
  SEIZURES("Seizures", "seiz"),
  OTHER("Other counts");

  private final String label;
  private final List<String> words;

  KpiCategory(String label, String... words) {
    this.label = label;
    this.words = List.of(words);
  }

  public String label() {
    return label;
  }

  static KpiCategory of(Kpi kpi) {
    String indicator = kpi.indicator().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.words.stream().anyMatch(indicator::contains)).findFirst()
        .orElse(OTHER);
  }
}
