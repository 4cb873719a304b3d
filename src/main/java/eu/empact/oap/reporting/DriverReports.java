package eu.empact.oap.reporting;

import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Driver's assessment of a round, one per strategic goal. The Driver writes it as one text
 * with a heading per goal ("## SG 2 Investigations and judicial response"); every edition is kept.
 */
@Service
@Transactional
public class DriverReports {

  private static final Pattern HEADING = Pattern.compile("^\\s*##\\s*SG\\s*(\\d+)\\b.*$");

  private final JdbcClient jdbc;
  private final ReportingRounds rounds;
  private final OapRegistry registry;
  private final Clock clock;

  DriverReports(JdbcClient jdbc, ReportingRounds rounds, OapRegistry registry, Clock clock) {
    this.jdbc = jdbc;
    this.rounds = rounds;
    this.registry = registry;
    this.clock = clock;
  }

  /** The text the Driver starts from: a heading per goal, under it the latest assessment if any. */
  @Transactional(readOnly = true)
  public String template(long oapId, int round) {
    Map<Integer, String> latest = latest(oapId, round);
    return goals(oapId, round).stream()
        .map(goal -> heading(goal) + "\n" + latest.getOrDefault(goal.number(), ""))
        .collect(Collectors.joining("\n\n")) + "\n";
  }

  /** Checks and keeps a new edition of the assessments; refuses the whole text when any goal lacks one. */
  public int write(long oapId, int round, String text, String user) {
    List<StrategicGoal> goals = goals(oapId, round);
    List<Problem> problems = new ArrayList<>();
    Map<Integer, String> assessments = parse(text, problems);
    for (Integer number : assessments.keySet()) {
      if (goals.stream().noneMatch(goal -> goal.number() == number)) {
        problems.add(new Problem("assessments", "the OAP has no strategic goal SG " + number));
      }
    }
    for (StrategicGoal goal : goals) {
      OaReportValidator.text(problems, "assessments.SG " + goal.number(), assessments.get(goal.number()), true);
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    long roundId = rounds.state(oapId, round).id();
    int edition = jdbc.sql("SELECT COALESCE(MAX(edition), 0) + 1 FROM round_assessment WHERE round_id = ?")
        .param(roundId).query(Integer.class).single();
    Timestamp now = Timestamp.from(clock.instant());
    assessments.forEach((goal, assessment) -> jdbc.sql("INSERT INTO round_assessment (round_id, edition, goal_number, "
            + "assessment, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(roundId, edition, goal, assessment, user, now).update());
    return edition;
  }

  /** The latest edition of the assessments, by goal number; empty before the Driver wrote any. */
  @Transactional(readOnly = true)
  public Map<Integer, String> latest(long oapId, int round) {
    long roundId = rounds.state(oapId, round).id();
    Map<Integer, String> latest = new LinkedHashMap<>();
    jdbc.sql("SELECT goal_number, assessment FROM round_assessment WHERE round_id = ? AND edition = "
            + "(SELECT MAX(edition) FROM round_assessment WHERE round_id = ?) ORDER BY goal_number")
        .params(roundId, roundId)
        .query(rs -> {
          latest.put(rs.getInt(1), rs.getString(2));
        });
    return latest;
  }

  @Transactional(readOnly = true)
  public List<StrategicGoal> goals(long oapId, int round) {
    return registry.content(oapId, rounds.revision(oapId, round)).strategicGoals();
  }

  static String heading(StrategicGoal goal) {
    return "## SG " + goal.number() + " " + goal.title();
  }

  /** The text under each heading, trimmed; text before the first heading is a problem. */
  static Map<Integer, String> parse(String text, List<Problem> problems) {
    Map<Integer, String> assessments = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      problems.add(new Problem("assessments", "required: an assessment under each heading \"## SG n\""));
      return assessments;
    }
    Integer current = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\\R")) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        put(assessments, current, body, problems);
        current = Integer.valueOf(heading.group(1));
        body.setLength(0);
      } else if (current == null && !line.isBlank()) {
        problems.add(new Problem("assessments", "'" + line.trim() + "' stands before the first heading \"## SG n\""));
      } else {
        body.append(line).append('\n');
      }
    }
    put(assessments, current, body, problems);
    return assessments;
  }

  private static void put(Map<Integer, String> assessments, Integer goal, StringBuilder body, List<Problem> problems) {
    if (goal == null) {
      return;
    }
    if (assessments.containsKey(goal)) {
      problems.add(new Problem("assessments", "SG " + goal + " has two headings"));
    }
    assessments.put(goal, body.toString().trim());
  }
}
