package eu.empact.oap.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements the application's own code runs against the H2 database of a process
 * test while it does one thing: H2's query statistics (every execution of every statement, from
 * any connection of the pool), without the engine's ({@code ACT_*}), the notification outbox's,
 * the counting's own and COMMIT/ROLLBACK. Only for H2; no Spring context of its own.
 */
public final class SqlStatements {

  private final JdbcClient jdbc;

  private SqlStatements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static SqlStatements on(JdbcClient jdbc) {
    return new SqlStatements(jdbc);
  }

  /** The statements run while {@code work} ran: executions per statement text. */
  public Counted count(Runnable work) {
    jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 100000").update();
    jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    try {
      work.run();
      return counted();
    } finally {
      // switching them off drops what H2 counted
      jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    }
  }

  private Counted counted() {
    Map<String, Integer> executions = new LinkedHashMap<>();
    jdbc.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS").query(rs -> {
      String sql = rs.getString(1);
      if (own(sql)) {
        executions.put(sql, rs.getInt(2));
      }
    });
    return new Counted(executions);
  }

  private static boolean own(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    return !lower.contains("act_") && !lower.contains("notification") && !lower.contains("information_schema")
        && !lower.startsWith("set ") && !lower.equals("commit") && !lower.equals("rollback");
  }

  /** Executions per statement text. */
  public record Counted(Map<String, Integer> executions) {
    public int total() {
      return executions.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Executions of the statements that read or write a table, e.g. "operational_action". */
    public int on(String table) {
      String word = "(?is).*\\b" + table + "\\b.*";
      return executions.entrySet().stream().filter(e -> e.getKey().matches(word)).mapToInt(Map.Entry::getValue)
          .sum();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(total() + " statement(s):");
      executions.forEach((sql, n) -> text.append("\n  ").append(n).append(" x ").append(sql.replaceAll("\\s+", " ")));
      return text.toString();
    }
  }
}
