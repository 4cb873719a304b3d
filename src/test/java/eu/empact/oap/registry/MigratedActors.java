package eu.empact.oap.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actors and aliases the migration {@code V2__actors.sql} stores, read from it without a
 * database: unit tests read actor cells against the real directory.
 */
final class MigratedActors {

  private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

  private MigratedActors() {}

  static ActorDirectory.Snapshot snapshot() {
    String sql = migration();
    int aliases = sql.indexOf("INSERT INTO actor_alias");
    Map<String, Actor> byCode = new HashMap<>();
    for (String row : rows(sql.substring(0, aliases))) {
      String[] values = values(row);
      byCode.put(values[0], new Actor(values[0], values[1], Actor.Kind.valueOf(values[2])));
    }
    Map<String, Actor> byAlias = new HashMap<>();
    for (String row : rows(sql.substring(aliases))) {
      String[] values = values(row);
      byAlias.put(values[0], byCode.get(values[1]));
    }
    return new ActorDirectory.Snapshot(byCode, byAlias);
  }

  private static String[] rows(String sql) {
    return sql.lines().map(String::strip).filter(line -> line.startsWith("(")).toArray(String[]::new);
  }

  private static String[] values(String row) {
    Matcher quoted = QUOTED.matcher(row);
    return quoted.results().map(m -> m.group(1).replace("''", "'")).toArray(String[]::new);
  }

  private static String migration() {
    try (InputStream in = MigratedActors.class.getResourceAsStream("/db/migration/V2__actors.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
