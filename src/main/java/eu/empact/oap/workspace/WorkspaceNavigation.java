package eu.empact.oap.workspace;

import eu.empact.oap.registry.EmpactGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The pages of one OAP in the workspace, as the navigation of each of them lists them: only those
 * the user may open. Who opens the pages that {@code /api} has no rule for is said here once, and
 * the pages check it with {@code ApiAccess.requireOneOf}.
 */
record WorkspaceNavigation(long oapId, String current, List<Link> links) {

  record Link(String key, String label, String path) {}

  /** The late view: the OAP's Driver and Co-Drivers, the Support Unit, administrators. */
  static String[] lateViewReaders(long oapId) {
    return new String[] {EmpactGroups.driver(oapId), EmpactGroups.coDriver(oapId), EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS};
  }

  /**
   * The OAP's process instances, running and finished, with their tasks: those who read the
   * engine's history (the Support Unit, the COSI secretariat, administrators; README, Security).
   */
  static String[] processReaders() {
    return new String[] {EmpactGroups.SUPPORT_UNIT, EmpactGroups.COSI_SECRETARIAT, EmpactGroups.ADMINISTRATORS};
  }

  static WorkspaceNavigation of(long oapId, String current, boolean manages, Authentication user) {
    Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    String base = "/oaps/" + oapId;
    List<Link> links = new ArrayList<>();
    links.add(new Link("document", "The OAP", base));
    links.add(new Link("diff", "Versions compared", base + "/diff"));
    if (manages || groups.stream().anyMatch(group -> EmpactGroups.necMemberState(group).isPresent())) {
      links.add(new Link("nec-answers", "NEC answers", base + "/nec-answers"));
    }
    links.add(new Link("tasking", "Tasking", base + "/tasking"));
    links.add(new Link("timeline", "Timeline and rounds", base + "/timeline"));
    if (manages) {
      links.add(new Link("escalations", "Escalations", base + "/escalations"));
    }
    if (anyOf(groups, lateViewReaders(oapId))) {
      links.add(new Link("late", "Late", base + "/late"));
    }
    if (anyOf(groups, processReaders())) {
      links.add(new Link("processes", "Processes", base + "/processes"));
    }
    return new WorkspaceNavigation(oapId, current, List.copyOf(links));
  }

  private static boolean anyOf(Set<String> groups, String... allowed) {
    for (String group : allowed) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
