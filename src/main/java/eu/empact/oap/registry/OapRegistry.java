package eu.empact.oap.registry;

import eu.empact.oap.shared.Rows;
import eu.empact.oap.shared.TransactionMemo;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.ReadingNote;
import eu.empact.oap.registry.RegistryViews.VersionContentView;
import eu.empact.oap.registry.RegistryViews.VersionEvent;
import eu.empact.oap.registry.RegistryViews.VersionOverview;
import eu.empact.oap.registry.RegistryViews.VersionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OAPs, their versions and what happened to them. A version is written whole (import, or a
 * replaced draft) and only while it is a draft; every change is recorded with who made it, as an
 * event on the version (the read models kept in memory, {@link VersionOverviews}, count on it).
 */
@Service
@Transactional
public class OapRegistry {

  private final JdbcClient jdbc;
  private final VersionContent content;
  private final OaActors oaActors;
  private final ActorDirectory actors;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final VersionOverviews overviews;
  private final TransactionMemo memo;

  /** An OAP's name, read once per transaction: its priority and period do not change once it is registered. */
  private record NameOf(long oapId) {}

  OapRegistry(JdbcClient jdbc, VersionContent content, OaActors oaActors, ActorDirectory actors,
              ApplicationEventPublisher events, Clock clock, VersionOverviews overviews, TransactionMemo memo) {
    this.jdbc = jdbc;
    this.memo = memo;
    this.content = content;
    this.oaActors = oaActors;
    this.actors = actors;
    this.events = events;
    this.clock = clock;
    this.overviews = overviews;
  }

  /**
   * Creates the OAP of a priority and period with the document as its REV 0 draft. What is read from
   * its texts is stored beside them; what a person must look at is counted in the summary and
   * listed by {@link #readingNotes}.
   */
  public OapSummary importDocument(OapDocument document, String user) {
    return importDocument(document, List.of(), user);
  }

  /** As {@link #importDocument(OapDocument, String)}, with the people the document names (format 3). */
  public OapSummary importDocument(OapDocument document, List<OapPeople.Person> people, String user) {
    Period period = Period.parse(document.period());
    long priorityId = priorityId(document.priority());
    findOap(priorityId, period).ifPresent(existing -> {
      throw new RegistryConflictException("an OAP " + document.priority().name() + " " + period
          + " exists already (id " + existing + "); change its draft with PUT /api/oaps/" + existing);
    });
    Instant now = clock.instant();
    long oapId = Rows.insert(jdbc, "INSERT INTO oap (priority_id, period_start, period_end, driver_code, created_at) "
        + "VALUES (?, ?, ?, ?, ?)", priorityId, period.start(), period.end(), document.driver(), Timestamp.from(now));
    writeCoDrivers(oapId, document.coDrivers());
    long versionId = Rows.insert(jdbc, "INSERT INTO oap_version (oap_id, revision, status, title, classification, "
            + "council_document, created_at) VALUES (?, 0, ?, ?, ?, ?, ?)", oapId, VersionStatus.DRAFT.name(),
        document.title(), document.classification(), document.councilDocument(), Timestamp.from(now));
    content.write(versionId, document, period, actors.snapshot(), now);
    recordEvent(versionId, "IMPORTED", VersionStatus.DRAFT, user, now, null);
    events.publishEvent(new OapVersionCreated(oapId, versionId, 0));
    if (!people.isEmpty()) {
      events.publishEvent(new OapPeople.PeopleImported(oapId, people, user));
    }
    return summary(oapId);
  }

  /**
   * Creates the OAP of a priority and period that has no operational actions yet, with the eight
   * common horizontal strategic goals of EMPACT 2022+, as its REV 0 draft.
   */
  public OapSummary createEmpty(String priority, String period, String driver, List<String> coDrivers, String user) {
    return importDocument(new OapDocument(new OapDocument.Priority(priority, null), period,
        "Operational Action Plan " + period + ": " + priority, driver, coDrivers, null, null,
        CommonHorizontalStrategicGoals.ALL, List.of()), user);
  }

  /** Sets the Driver and Co-Drivers of an OAP (its management, not the content of a version). */
  public void assignManagement(long oapId, String driver, List<String> coDrivers, String user) {
    CurrentVersion current = current(oapId);
    jdbc.sql("UPDATE oap SET driver_code = ? WHERE id = ?").params(driver, oapId).update();
    jdbc.sql("DELETE FROM oap_co_driver WHERE oap_id = ?").param(oapId).update();
    writeCoDrivers(oapId, coDrivers);
    recordEvent(current.id(), "MANAGEMENT_ASSIGNED", current.status(), user, clock.instant(),
        "Driver " + driver + (coDrivers.isEmpty() ? ", no Co-Driver" : ", Co-Drivers " + String.join(", ", coDrivers)));
  }

  /**
   * Starts the next revision: a draft REV n+1 with the content of the current version, which
   * stays readable as it was and is superseded.
   */
  public int createRevision(long oapId, String user, String reason) {
    CurrentVersion current = current(oapId);
    OapDocument document = export(oapId, current.revision());
    OapSummary oap = summary(oapId);
    Instant now = clock.instant();
    int revision = current.revision() + 1;
    long versionId = Rows.insert(jdbc, "INSERT INTO oap_version (oap_id, revision, status, title, classification, "
            + "council_document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", oapId, revision, VersionStatus.DRAFT.name(),
        document.title(), document.classification(), document.councilDocument(), Timestamp.from(now));
    content.write(versionId, document, Period.parse(oap.period()), actors.snapshot(), now,
        content.earlierActivities(current.id()));
    changeStatus(oapId, current.revision(), VersionStatus.SUPERSEDED, user, "superseded by REV " + revision + ": " + reason);
    recordEvent(versionId, "REVISION_CREATED", VersionStatus.DRAFT, user, now, "from REV " + current.revision() + ": " + reason);
    events.publishEvent(new OapVersionCreated(oapId, versionId, revision));
    return revision;
  }

  /** Records a decision on a version (who, what, when, why) without changing its status. */
  public void recordDecision(long oapId, int revision, String event, String user, String comment) {
    // one statement for the version: a decision is recorded for every confirmation and answer
    VersionRow version = versionRow(oapId, revision);
    recordEvent(version.id(), event, version.status(), user, clock.instant(), comment);
  }

  /** The COSI secretariat approves the version for COSI: it becomes read-only with its Council document number. */
  public void submitToCosi(long oapId, int revision, String councilDocument, String user, String comment) {
    changeStatus(oapId, revision, VersionStatus.SUBMITTED_TO_COSI, user, comment);
    jdbc.sql("UPDATE oap_version SET council_document = ? WHERE id = ?")
        .params(councilDocument, versionId(oapId, revision)).update();
  }

  /** Makes the actors (codes) the Action Leaders of an OA of the current draft. */
  public void assignLeaders(long oapId, String ref, List<String> leaders, String user) {
    CurrentVersion current = current(oapId);
    requireChangeable(oapId, current);
    long oaId = jdbc.sql("SELECT id FROM operational_action WHERE version_id = ? AND ref = ?")
        .params(current.id(), ref).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("OAP " + oapId + " has no OA " + ref));
    List<String> before = jdbc.sql("SELECT actor_code FROM participation WHERE oa_id = ? AND role = 'LEADER' "
        + "ORDER BY position").param(oaId).query(String.class).list();
    if (before.equals(leaders)) {
      return;
    }
    Instant now = clock.instant();
    oaActors.replaceLeaders(oaId, leaders, now);
    recordEvent(current.id(), "LEADERS_ASSIGNED", current.status(), user, now, "OA " + ref + ": "
        + (before.isEmpty() ? "none" : String.join(", ", before)) + " -> " + String.join(", ", leaders));
    events.publishEvent(new ActionLeadersAssigned(oapId, ref, List.copyOf(leaders)));
  }

  /**
   * Holds the OAP for a change until the transaction ends: changes of one OAP's draft run one after
   * the other, each on what the one before wrote (two replacements at once would otherwise both
   * delete the content and write theirs over each other).
   */
  public void holdForChange(long oapId) {
    jdbc.sql("SELECT id FROM oap WHERE id = ? FOR UPDATE").param(oapId).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
  }

  /** Replaces the content of the OAP's current version, which must be a draft. */
  public OapSummary replaceDraft(long oapId, OapDocument document, String user) {
    holdForChange(oapId);
    CurrentVersion current = current(oapId);
    requireChangeable(oapId, current);
    List<Problem> problems = new ArrayList<>();
    OapDocumentReader.sameOap(summary(oapId), document.priority().name(), document.period(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidOapDocumentException(problems);
    }
    Instant now = clock.instant();
    jdbc.sql("UPDATE oap SET driver_code = ? WHERE id = ?").params(document.driver(), oapId).update();
    jdbc.sql("DELETE FROM oap_co_driver WHERE oap_id = ?").param(oapId).update();
    writeCoDrivers(oapId, document.coDrivers());
    jdbc.sql("UPDATE oap_version SET title = ?, classification = ?, council_document = ? WHERE id = ?")
        .params(document.title(), document.classification(), document.councilDocument(), current.id()).update();
    List<EarlierActivity> earlier = content.earlierActivities(current.id());
    content.delete(current.id());
    content.write(current.id(), document, Period.parse(document.period()), actors.snapshot(), now, earlier);
    recordEvent(current.id(), "EDITED", current.status(), user, now, null);
    return summary(oapId);
  }

  /**
   * Moves a version on in its lifecycle. Adopting it supersedes the versions adopted before;
   * an adopted or superseded version never changes status again except adopted to superseded.
   */
  public void changeStatus(long oapId, int revision, VersionStatus status, String user, String comment) {
    VersionView version = version(oapId, revision);
    boolean allowed = switch (version.status()) {
      case DRAFT, UNDER_NEC_DISCUSSION, SUBMITTED_TO_COSI -> true;
      case ADOPTED -> status == VersionStatus.SUPERSEDED;
      case SUPERSEDED -> false;
    };
    if (!allowed) {
      throw new RegistryConflictException("OAP " + oapId + " REV " + revision + " is " + version.status()
          + " and cannot become " + status);
    }
    Instant now = clock.instant();
    long versionId = versionId(oapId, revision);
    if (status == VersionStatus.ADOPTED) {
      jdbc.sql("SELECT revision FROM oap_version WHERE oap_id = ? AND revision <> ? AND status = ?")
          .params(oapId, revision, VersionStatus.ADOPTED.name()).query(Integer.class).list()
          .forEach(earlier -> changeStatus(oapId, earlier, VersionStatus.SUPERSEDED, user,
              "superseded by REV " + revision));
    }
    jdbc.sql("UPDATE oap_version SET status = ? WHERE id = ?").params(status.name(), versionId).update();
    recordEvent(versionId, "STATUS_CHANGED", status, user, now, comment);
    if (status == VersionStatus.ADOPTED) {
      events.publishEvent(new OapVersionAdopted(oapId, revision));
    }
  }

  @Transactional(readOnly = true)
  public List<OapSummary> list() {
    return jdbc.sql("SELECT id FROM oap ORDER BY id").query(Long.class).list().stream().map(this::summary).toList();
  }

  @Transactional(readOnly = true)
  public OapSummary summary(long oapId) {
    OapSummary summary = jdbc.sql("""
            SELECT o.id, p.name, o.period_start, o.period_end, v.title, o.driver_code, v.revision, v.status,
                   v.classification, v.council_document,
                   (SELECT COUNT(*) FROM operational_action oa WHERE oa.version_id = v.id) AS actions,
                   (SELECT COUNT(*) FROM activity a JOIN operational_action oa ON oa.id = a.oa_id
                     WHERE oa.version_id = v.id AND a.timing_status <> 'READ') AS flagged,
                   (SELECT COUNT(*) FROM oa_actor_reading r JOIN operational_action oa ON oa.id = r.oa_id
                     WHERE oa.version_id = v.id AND r.status <> 'READ') AS flagged_readings
            FROM oap o JOIN priority p ON p.id = o.priority_id
            JOIN oap_version v ON v.oap_id = o.id
            WHERE o.id = ? AND v.revision = (SELECT MAX(revision) FROM oap_version WHERE oap_id = o.id)""")
        .param(oapId)
        .query((rs, n) -> new OapSummary(rs.getLong("id"), rs.getString("name"),
            new Period(rs.getInt("period_start"), rs.getInt("period_end")).toString(), rs.getString("title"),
            rs.getString("driver_code"), List.of(), rs.getInt("revision"), VersionStatus.valueOf(rs.getString("status")),
            rs.getString("classification"), rs.getString("council_document"), rs.getInt("actions"), rs.getInt("flagged"),
            rs.getInt("flagged_readings")))
        .optional().orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
    return new OapSummary(summary.id(), summary.priority(), summary.period(), summary.title(), summary.driver(),
        coDrivers(oapId), summary.revision(), summary.status(), summary.classification(), summary.councilDocument(),
        summary.operationalActions(), summary.flaggedTimings(), summary.flaggedReadings());
  }

  /**
   * The OAP's name as tasks and e-mails give it (priority and period, as {@link OapSummary#displayName()}),
   * read by itself: a task's name needs neither its version nor its counts.
   */
  @Transactional(readOnly = true)
  public String displayName(long oapId) {
    return memo.get(new NameOf(oapId), () -> jdbc.sql("SELECT p.name, o.period_start, o.period_end FROM oap o "
            + "JOIN priority p ON p.id = o.priority_id WHERE o.id = ?").param(oapId)
        .query((rs, n) -> OapSummary.displayName(rs.getString(1), new Period(rs.getInt(2), rs.getInt(3)).toString()))
        .optional())
        .orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
  }

  /** The years the OAP covers. */
  @Transactional(readOnly = true)
  public Period period(long oapId) {
    return jdbc.sql("SELECT period_start, period_end FROM oap WHERE id = ?").param(oapId)
        .query((rs, n) -> new Period(rs.getInt(1), rs.getInt(2))).optional()
        .orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
  }

  /**
   * The Member States of the OAP's period (codes, alphabetical): "All MS", the NEC consultation,
   * the tasking and the exclusion clause's "MS" mean these ({@link MembershipRule}).
   */
  @Transactional(readOnly = true)
  public List<String> memberStates(long oapId) {
    return actors.membership().memberStates(period(oapId));
  }

  /** Whether the actor (a code) is a Member State in the OAP's period. */
  @Transactional(readOnly = true)
  public boolean isMemberState(long oapId, String actor) {
    return actors.membership().memberState(actor, period(oapId));
  }

  /**
   * The current (latest) version of the OAP as a document, as written: read in one snapshot, so
   * that a draft replaced meanwhile is read as it was or as it is, never half.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public OapDocument export(long oapId) {
    return export(oapId, current(oapId).revision());
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public OapDocument export(long oapId, int revision) {
    OapSummary oap = summary(oapId);
    long versionId = versionId(oapId, revision);
    return jdbc.sql("""
            SELECT p.name, p.aim, v.title, v.classification, v.council_document FROM oap o
            JOIN priority p ON p.id = o.priority_id JOIN oap_version v ON v.oap_id = o.id WHERE v.id = ?""")
        .param(versionId)
        .query((rs, n) -> new OapDocument(new OapDocument.Priority(rs.getString("name"), rs.getString("aim")),
            oap.period(), rs.getString("title"), oap.driver(), oap.coDrivers(), rs.getString("classification"),
            rs.getString("council_document"), content.goals(versionId), content.written(versionId)))
        .single();
  }

  /**
   * What a person should confirm or resolve in what was read from the current version's actor
   * cells (parts read with an assumption, parts nobody could read, an actor named twice), in
   * document order.
   */
  @Transactional(readOnly = true)
  public List<ReadingNote> readingNotes(long oapId) {
    return oaActors.notes(current(oapId).id());
  }

  /**
   * One operational action of a version as resolved (actors by code, KPIs by their identity: see
   * {@link OapDocument.OperationalAction}), read by itself: a few statements, not the OAP's whole document.
   */
  @Transactional(readOnly = true)
  public Optional<OapDocument.OperationalAction> operationalAction(long oapId, int revision, String ref) {
    return content.action(oapId, revision, ref);
  }

  /** The strategic goals and operational actions of a version, as resolved: one statement per table. */
  @Transactional(readOnly = true)
  public VersionContentView content(long oapId, int revision) {
    long versionId = versionId(oapId, revision);
    return new VersionContentView(revision, content.goals(versionId), content.actions(versionId));
  }

  /**
   * The overview of the OAP's current version that the adoption's tasks show, read once per change
   * of the version and shared: a task asking for it costs one statement while nothing changed.
   */
  @Transactional(readOnly = true)
  public VersionOverview overview(long oapId) {
    return overviews.current(oapId, this::summary);
  }

  @Transactional(readOnly = true)
  public List<VersionView> versions(long oapId) {
    summary(oapId);
    return jdbc.sql("SELECT revision FROM oap_version WHERE oap_id = ? ORDER BY revision").param(oapId)
        .query(Integer.class).list().stream().map(revision -> version(oapId, revision)).toList();
  }

  @Transactional(readOnly = true)
  public VersionView version(long oapId, int revision) {
    long versionId = versionId(oapId, revision);
    List<VersionEvent> history = jdbc.sql("SELECT event, status, actor_user, occurred_at, comment "
            + "FROM oap_version_event WHERE version_id = ? ORDER BY id").param(versionId)
        .query((rs, n) -> new VersionEvent(rs.getString("event"), VersionStatus.valueOf(rs.getString("status")),
            rs.getString("actor_user"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment")))
        .list();
    return jdbc.sql("SELECT revision, status, title, classification, council_document, created_at FROM oap_version "
            + "WHERE id = ?").param(versionId)
        .query((rs, n) -> new VersionView(rs.getInt("revision"), VersionStatus.valueOf(rs.getString("status")),
            rs.getString("title"), rs.getString("classification"), rs.getString("council_document"),
            rs.getTimestamp("created_at").toInstant(), history))
        .single();
  }

  /** The current version's OAs as resolved: participations with status, activity timings as read. */
  @Transactional(readOnly = true)
  public List<ActionView> actions(long oapId) {
    return versionActions(current(oapId).id());
  }

  /** A version's OAs as resolved, as {@link #actions(long)} gives the current version's. */
  @Transactional(readOnly = true)
  public List<ActionView> actions(long oapId, int revision) {
    return versionActions(versionId(oapId, revision));
  }

  private List<ActionView> versionActions(long versionId) {
    Map<String, List<Participation>> participations = new LinkedHashMap<>();
    jdbc.sql("SELECT oa.ref, p.actor_code, p.role, p.via_collective, p.status, p.status_reason, p.status_since, "
            + "p.source, p.stated_by, p.stated_at "
            + "FROM participation p JOIN operational_action oa ON oa.id = p.oa_id WHERE oa.version_id = ? "
            + "ORDER BY oa.position, p.position").param(versionId)
        .query(rs -> {
          participations.computeIfAbsent(rs.getString("ref"), ref -> new ArrayList<>()).add(new Participation(
              rs.getString("actor_code"), Participation.Role.valueOf(rs.getString("role")),
              rs.getString("via_collective"), Participation.Status.valueOf(rs.getString("status")),
              rs.getString("status_reason"), rs.getTimestamp("status_since").toInstant(),
              Participation.Source.valueOf(rs.getString("source")), rs.getString("stated_by"),
              rs.getTimestamp("stated_at") == null ? null : rs.getTimestamp("stated_at").toInstant()));
        });
    Map<String, List<String>> unresolved = new LinkedHashMap<>();
    jdbc.sql("SELECT oa.ref, c.term FROM oa_collective_participant c JOIN operational_action oa ON oa.id = c.oa_id "
            + "WHERE oa.version_id = ? AND c.resolved = FALSE ORDER BY c.position").param(versionId)
        .query(rs -> {
          unresolved.computeIfAbsent(rs.getString("ref"), ref -> new ArrayList<>()).add(rs.getString("term"));
        });
    Map<String, List<ActivityView>> activities = new LinkedHashMap<>();
    activities(versionId, null).forEach(a -> activities.computeIfAbsent(a.oaRef(), ref -> new ArrayList<>()).add(a));
    Map<String, List<RegistryViews.ActorCell>> cells = oaActors.cells(versionId);
    Map<String, List<RegistryViews.KpiView>> kpis = content.kpis(versionId);
    return content.actions(versionId).stream()
        .map(oa -> new ActionView(oa.ref(), oa.strategicGoal(), oa.title(), oa.shortTitle(), oa.types(),
            cells.getOrDefault(oa.ref(), List.of()), participations.getOrDefault(oa.ref(), List.of()),
            unresolved.getOrDefault(oa.ref(), List.of()), kpis.getOrDefault(oa.ref(), List.of()),
            activities.getOrDefault(oa.ref(), List.of())))
        .toList();
  }

  /**
   * The activities of the OAP's current version whose timing the parser flagged and nobody has
   * checked yet: the open checks of the timing review.
   */
  @Transactional(readOnly = true)
  public List<ActivityView> flaggedActivities(long oapId) {
    return activities(current(oapId).id(), null).stream().filter(a -> a.timing().flagged() && a.check() == null)
        .toList();
  }

  /**
   * The activity with this stable id in the latest version of its OAP: the id stays the same when the
   * draft is replaced and in later revisions ({@link EarlierActivity#match}).
   */
  @Transactional(readOnly = true)
  public Optional<ActivityView> findActivity(long activityId) {
    return activities(null, activityId).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public ActivityView activity(long activityId) {
    return findActivity(activityId).orElseThrow(() -> new NotFoundException("no activity with id " + activityId));
  }

  /**
   * A person corrects how a timing is read: the timing stays as written, its reading becomes that of
   * {@code correction}, with who corrected it and when. Only in a draft that may change; a correction
   * the parser does not read plainly changes nothing and is returned for the caller to refuse.
   */
  public ActivityTiming correctTiming(long activityId, String correction, String user) {
    Owner owner = owner(activityId);
    requireChangeable(owner.oapId(), owner.version());
    ActivityView before = activity(activityId);
    ActivityTiming read = ActivityTimingParser.parse(correction, owner.start(), owner.end());
    if (read.flagged()) {
      return read;
    }
    Instant now = clock.instant();
    String note = "corrected by " + user + " on " + now.toString().substring(0, 10) + ": read as '" + correction + "'";
    jdbc.sql("UPDATE activity SET timing_status = ?, timing_ranges = ?, timing_note = ?, timing_check = 'CORRECTED', "
            + "timing_corrected_as = ?, timing_checked_by = ?, timing_checked_at = ? WHERE id = ?")
        .params(read.status().name(), QuarterRange.format(read.ranges()), note, correction, user, Timestamp.from(now),
            owner.rowId()).update();
    recordEvent(owner.version().id(), "EDITED", owner.version().status(), user, now, "OA " + before.oaRef()
        + " activity " + before.number() + ": timing '" + before.timing().text() + "' (" + before.timing().status()
        + ") read as '" + correction + "'");
    return new ActivityTiming(before.timing().text(), read.status(), read.ranges(), note);
  }

  /** A person keeps a flagged timing as written and as read: its check is recorded beside it, the reading stays. */
  public void keepTiming(long activityId, String user) {
    Owner owner = owner(activityId);
    jdbc.sql("UPDATE activity SET timing_check = 'KEPT', timing_checked_by = ?, timing_checked_at = ? WHERE id = ?")
        .params(user, Timestamp.from(clock.instant()), owner.rowId()).update();
  }

  private record Owner(long oapId, long rowId, CurrentVersion version, int start, int end) {}

  /** The row of the activity in the latest version of its OAP, and that version. */
  private Owner owner(long activityId) {
    return jdbc.sql("""
            SELECT o.id, a.id AS row_id, v.id AS version_id, v.revision, v.status, o.period_start, o.period_end,
                   v.frozen_since, v.frozen_reason FROM activity a
            JOIN operational_action oa ON oa.id = a.oa_id JOIN oap_version v ON v.id = oa.version_id
            JOIN oap o ON o.id = v.oap_id WHERE a.activity_key = ? ORDER BY v.revision DESC""").param(activityId)
        .query((rs, n) -> new Owner(rs.getLong("id"), rs.getLong("row_id"), new CurrentVersion(rs.getLong("version_id"),
            rs.getInt("revision"), VersionStatus.valueOf(rs.getString("status")), rs.getTimestamp("frozen_since"),
            rs.getString("frozen_reason")), rs.getInt("period_start"), rs.getInt("period_end")))
        .list().stream().findFirst().orElseThrow(() -> new NotFoundException("no activity with id " + activityId));
  }

  /** The activities of a version, or the latest one with the stable id {@code activityId}. */
  private List<ActivityView> activities(Long versionId, Long activityId) {
    return jdbc.sql("""
            SELECT a.activity_key, oa.ref, a.position, a.description, a.timing_text, a.timing_status, a.timing_ranges,
                   a.timing_note, a.timing_check, a.timing_corrected_as, a.timing_checked_by, a.timing_checked_at
            FROM activity a JOIN operational_action oa ON oa.id = a.oa_id JOIN oap_version v ON v.id = oa.version_id
            WHERE oa.version_id = ? OR a.activity_key = ? ORDER BY v.revision DESC, oa.position, a.position""")
        .params(versionId, activityId)
        .query(OapRegistry::activityView).list();
  }

  private static ActivityView activityView(ResultSet rs, int row) throws SQLException {
    return new ActivityView(rs.getLong("activity_key"), rs.getString("ref"), rs.getInt("position") + 1,
        rs.getString("description"), new ActivityTiming(rs.getString("timing_text"),
        ActivityTiming.Status.valueOf(rs.getString("timing_status")),
        QuarterRange.parseList(rs.getString("timing_ranges")), rs.getString("timing_note")),
        rs.getString("timing_check") == null ? null : new RegistryViews.TimingCheck(rs.getString("timing_check"),
            rs.getString("timing_corrected_as"), rs.getString("timing_checked_by"),
            rs.getTimestamp("timing_checked_at").toInstant()));
  }

  private record CurrentVersion(long id, int revision, VersionStatus status, Timestamp frozenSince,
                                String frozenReason) {}

  private CurrentVersion current(long oapId) {
    return jdbc.sql("SELECT id, revision, status, frozen_since, frozen_reason FROM oap_version WHERE oap_id = ? "
            + "ORDER BY revision DESC")
        .param(oapId)
        .query((rs, n) -> new CurrentVersion(rs.getLong("id"), rs.getInt("revision"),
            VersionStatus.valueOf(rs.getString("status")), rs.getTimestamp("frozen_since"), rs.getString("frozen_reason")))
        .list().stream().findFirst().orElseThrow(() -> new NotFoundException("no OAP with id " + oapId));
  }

  long versionId(long oapId, int revision) {
    return versionRow(oapId, revision).id();
  }

  private record VersionRow(long id, VersionStatus status) {}

  private VersionRow versionRow(long oapId, int revision) {
    return jdbc.sql("SELECT id, status FROM oap_version WHERE oap_id = ? AND revision = ?").params(oapId, revision)
        .query((rs, n) -> new VersionRow(rs.getLong("id"), VersionStatus.valueOf(rs.getString("status")))).optional()
        .orElseThrow(() -> new NotFoundException("OAP " + oapId + " has no REV " + revision));
  }

  /**
   * Freezes the content of a draft: from the Driver's submission until the draft comes back to the
   * Driver, what the Action Leaders confirm and the reviewers review cannot change underneath them.
   */
  public void freezeContent(long oapId, int revision, String user, String reason) {
    long versionId = versionId(oapId, revision);
    Instant now = clock.instant();
    jdbc.sql("UPDATE oap_version SET frozen_since = ?, frozen_reason = ? WHERE id = ?")
        .params(Timestamp.from(now), reason, versionId).update();
    recordEvent(versionId, "CONTENT_FROZEN", version(oapId, revision).status(), user, now, reason);
  }

  /** The draft is with the Driver again: its content may change (nothing happens if it was not frozen). */
  public void releaseContent(long oapId, int revision, String user) {
    long versionId = versionId(oapId, revision);
    int released = jdbc.sql("UPDATE oap_version SET frozen_since = NULL, frozen_reason = NULL WHERE id = ? "
        + "AND frozen_since IS NOT NULL").param(versionId).update();
    if (released > 0) {
      recordEvent(versionId, "CONTENT_RELEASED", version(oapId, revision).status(), user, clock.instant(),
          "the draft is with the Driver again");
    }
  }

  private static void requireChangeable(long oapId, CurrentVersion version) {
    if (!version.status().editable()) {
      throw readOnly(oapId, version);
    }
    if (version.frozenSince() != null) {
      throw new RegistryConflictException("OAP " + oapId + " REV " + version.revision() + " cannot change since "
          + version.frozenSince().toInstant().toString().substring(0, 10) + ": " + version.frozenReason());
    }
  }

  private static RegistryConflictException readOnly(long oapId, CurrentVersion version) {
    return new RegistryConflictException("OAP " + oapId + " REV " + version.revision() + " is " + version.status()
        + " and read-only; only a draft version can change");
  }

  private long priorityId(OapDocument.Priority priority) {
    return jdbc.sql("SELECT id FROM priority WHERE name = ?").param(priority.name()).query(Long.class).optional()
        .orElseGet(() -> Rows.insert(jdbc, "INSERT INTO priority (name, aim) VALUES (?, ?)", priority.name(),
            priority.aim()));
  }

  private Optional<Long> findOap(long priorityId, Period period) {
    return jdbc.sql("SELECT id FROM oap WHERE priority_id = ? AND period_start = ?")
        .params(priorityId, period.start()).query(Long.class).optional();
  }

  /** The OAP of a priority and period, if the registry has it. */
  @Transactional(readOnly = true)
  public Optional<Long> find(String priority, String period) {
    Period parsed = Period.parse(period);
    return jdbc.sql("SELECT o.id FROM oap o JOIN priority p ON p.id = o.priority_id "
            + "WHERE p.name = ? AND o.period_start = ? AND o.period_end = ?")
        .params(priority, parsed.start(), parsed.end()).query(Long.class).optional();
  }

  private void writeCoDrivers(long oapId, List<String> coDrivers) {
    for (int i = 0; i < coDrivers.size(); i++) {
      jdbc.sql("INSERT INTO oap_co_driver (oap_id, actor_code, position) VALUES (?, ?, ?)")
          .params(oapId, coDrivers.get(i), i).update();
    }
  }

  private List<String> coDrivers(long oapId) {
    return jdbc.sql("SELECT actor_code FROM oap_co_driver WHERE oap_id = ? ORDER BY position").param(oapId)
        .query(String.class).list();
  }

  private void recordEvent(long versionId, String event, VersionStatus status, String user, Instant at,
                           String comment) {
    jdbc.sql("INSERT INTO oap_version_event (version_id, event, status, actor_user, occurred_at, comment) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(versionId, event, status.name(), user, Timestamp.from(at), comment).update();
  }
}
