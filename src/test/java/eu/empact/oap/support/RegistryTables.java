package eu.empact.oap.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row count of every table of the application's own (the Flyway migrations' tables, not the
 * engine's ACT_*), on H2 and PostgreSQL alike, in one statement: a refused request must leave
 * each of them as it was, including tables that later migrations add.
 */
public final class RegistryTables {

  private final JdbcClient jdbc;
  private final String countAll;

  public RegistryTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
    List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = current_schema AND table_type = 'BASE TABLE'")
        .query(String.class).list().stream()
        .filter(name -> !name.toLowerCase(Locale.ROOT).startsWith("act_"))
        .sorted().toList();
    // quoted as stored: H2 keeps the migrations' tables in upper case and Flyway's history in lower
    this.countAll = tables.stream()
        .map(table -> "SELECT '" + table.toLowerCase(Locale.ROOT) + "', COUNT(*) FROM \"" + table + "\"")
        .collect(Collectors.joining(" UNION ALL "));
  }

  /** Table name (lower case) to its row count. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(countAll).query(rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }
}
