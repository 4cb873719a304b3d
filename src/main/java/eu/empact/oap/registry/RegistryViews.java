package eu.empact.oap.registry;

import java.time.Instant;
import java.util.List;

/** What the registry API shows besides the OAP document itself. */
public final class RegistryViews {

  private RegistryViews() {}

  /**
   * One OAP with its current version: how many activity timings and actor readings of it are
   * flagged for a person ({@code /reading-notes} lists the readings).
   */
  public record OapSummary(long id, String priority, String period, String title, String driver,
                           List<String> coDrivers, int revision, VersionStatus status, String classification,
                           String councilDocument, int operationalActions, int flaggedTimings,
                           int flaggedReadings) {

    /** "Migrant smuggling 2024-2025". */
    public String displayName() {
      return displayName(priority, period);
    }

    /** The name of the OAP of that priority and period, as {@link #displayName()} gives it. */
    static String displayName(String priority, String period) {
      return priority + " " + period;
    }
  }

  /** A version (REV n) with everything that happened to it. */
  public record VersionView(int revision, VersionStatus status, String title, String classification,
                            String councilDocument, Instant createdAt, List<VersionEvent> history) {}

  public record VersionEvent(String event, VersionStatus status, String user, Instant at, String comment) {}

  /**
   * An operational action as the registry resolved it: its actor cells as written with what was
   * read from each, the participations made from them, its KPIs with their identities, activity
   * timings as read.
   */
  public record ActionView(String ref, int strategicGoal, String title, String shortTitle, List<String> types,
                           List<ActorCell> actors, List<Participation> participations,
                           List<String> unresolvedParticipants, List<KpiView> kpis, List<ActivityView> activities) {}

  /** An entry of an OA's actionLeaders, coActionLeaders or participants (numbered from 1), as written and as read. */
  public record ActorCell(Participation.Role role, int number, String text, List<ActorReading> readings) {}

  /**
   * A KPI with its identity in reports: the code the document writes, or its number in the OA's
   * order where the document writes none ({@code codeAssigned}).
   */
  public record KpiView(String code, boolean codeAssigned, String indicator, String target) {}

  /**
   * Something read from a document that a person should confirm or resolve: where
   * ({@code $.operationalActions[OA 2.4].participants[1]}), the text as written, and what was read.
   */
  public record ReadingNote(String path, String oaRef, String written, Reading status, String note) {}

  /** A version's strategic goals and operational actions, without the OAP's header. */
  public record VersionContentView(int revision, List<OapDocument.StrategicGoal> strategicGoals,
                                   List<OapDocument.OperationalAction> operationalActions) {}

  /**
   * The OAP with its current version and each OA's title and Action Leaders, as the adoption's
   * forms show them: read once per state of the version and shared by its tasks.
   */
  public record VersionOverview(OapSummary oap, List<ActionLeaders> actions) {}

  /** An OA's ref and title with the actors leading it, in the version's order. */
  /** An OA with the actors that lead it and those that co-lead it (co-leaders are leaders too, ADR 0016). */
  public record ActionLeaders(String ref, String title, List<String> leaders, List<String> coLeaders) {

    /** Whether the actor leads or co-leads the OA. */
    public boolean ledBy(String actor) {
      return leaders.contains(actor) || coLeaders.contains(actor);
    }

    /** "ES; co-leaders EC, IT, MT", or "ES" alone. */
    public String leadership() {
      return String.join(", ", leaders) + (coLeaders.isEmpty() ? "" : "; co-leaders " + String.join(", ", coLeaders));
    }
  }

  /**
   * An activity of a version: {@code id} is its stable id (the same when the draft is replaced and in
   * later revisions), {@code timing} as written and as read, {@code check} a person's check of it (or null).
   */
  public record ActivityView(long id, String oaRef, int number, String description, ActivityTiming timing,
                             TimingCheck check) {}

  /** A person's check of a flagged timing: {@code CORRECTED} (read as {@code correctedAs}) or {@code KEPT}. */
  public record TimingCheck(String decision, String correctedAs, String by, Instant at) {}
}
