package eu.empact.oap.registry;

import java.time.Instant;
import java.util.List;

/** What the registry API shows besides the OAP document itself. */
public final class RegistryViews {

  private RegistryViews() {}

  /** One OAP with its current version. */
  public record OapSummary(long id, String priority, String period, String title, String driver,
                           List<String> coDrivers, int revision, VersionStatus status, String classification,
                           String councilDocument, int operationalActions, int flaggedTimings) {

    /** "Migrant smuggling 2024-2025". */
    public String displayName() {
      return priority + " " + period;
    }
  }

  /** A version (REV n) with everything that happened to it. */
  public record VersionView(int revision, VersionStatus status, String title, String classification,
                            String councilDocument, Instant createdAt, List<VersionEvent> history) {}

  public record VersionEvent(String event, VersionStatus status, String user, Instant at, String comment) {}

  /** An operational action as the registry resolved it: participations, activity timings read. */
  public record ActionView(String ref, int strategicGoal, String title, String shortTitle, List<String> types,
                           List<Participation> participations, List<String> unresolvedParticipants,
                           List<OapDocument.Kpi> kpis, List<ActivityView> activities) {}

  /** A version's strategic goals and operational actions, without the OAP's header. */
  public record VersionContentView(int revision, List<OapDocument.StrategicGoal> strategicGoals,
                                   List<OapDocument.OperationalAction> operationalActions) {}

  /**
   * The OAP with its current version and each OA's title and Action Leaders, as the adoption's
   * forms show them: read once per state of the version and shared by its tasks.
   */
  public record VersionOverview(OapSummary oap, List<ActionLeaders> actions) {}

  /** An OA's ref and title with the actors leading it, in the version's order. */
  public record ActionLeaders(String ref, String title, List<String> leaders) {}

  public record ActivityView(long id, String oaRef, int number, String description, ActivityTiming timing) {}
}
