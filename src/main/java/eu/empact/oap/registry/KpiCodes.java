package eu.empact.oap.registry;

import eu.empact.oap.registry.OapDocument.Kpi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity of each KPI of an OA, by which reports give its value ("a: 12"): the code the
 * document writes (trimmed), or, where it writes none (older plans number nothing) or one an
 * earlier KPI of the OA already has, its number in the OA's order, flagged as assigned. Where the OA
 * writes that number as another KPI's code, the number is prefixed with '#'; should that be taken too,
 * the next free number is used. The same KPIs in the same order always get the same identities.
 */
final class KpiCodes {

  /** A KPI's identity and whether the registry assigned it rather than read it. */
  record Identity(String code, boolean assigned) {}

  private KpiCodes() {}

  static List<Identity> of(List<Kpi> kpis) {
    Set<String> taken = new HashSet<>();
    List<String> written = new ArrayList<>();
    for (Kpi kpi : kpis) {
      String code = kpi.code() == null || kpi.code().isBlank() ? null : kpi.code().strip();
      written.add(code != null && taken.add(code) ? code : null);
    }
    List<Identity> identities = new ArrayList<>();
    for (int i = 0; i < kpis.size(); i++) {
      String code = written.get(i);
      identities.add(code != null ? new Identity(code, false) : new Identity(number(i + 1, taken), true));
    }
    return identities;
  }

  private static String number(int position, Set<String> taken) {
    if (taken.add(String.valueOf(position))) {
      return String.valueOf(position);
    }
    if (taken.add("#" + position)) {
      return "#" + position;
    }
    int next = position + 1;
    while (!taken.add(String.valueOf(next))) {
      next++;
    }
    return String.valueOf(next);
  }
}
