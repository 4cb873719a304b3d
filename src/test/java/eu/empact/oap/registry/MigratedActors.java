package eu.empact.oap.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actors and aliases the migration {@code V2__actors.sql} stores, and the periods of EU
 * membership of {@code V20__participation_and_membership.sql}, read from them without a database:
 * unit tests read actor cells against the real directory.
 */
final class MigratedActors {

  private static final Pattern DATED = Pattern.compile(
      "VALUES \\('([A-Z]+)', (NULL|DATE '[0-9-]+'), (NULL|DATE '[0-9-]+')\\)");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

  private MigratedActors() {}

  static ActorDirectory.Snapshot snapshot() {
    String sql = migration("V2__actors.sql");
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
    return new ActorDirectory.Snapshot(byCode, byAlias, membership(byCode));
  }

  /**
   * V20's rows with dates ({@code VALUES ('HR', DATE '2013-07-01', NULL)}); every other actor of the
   * kind MEMBER_STATE is one since before EMPACT, as V20 inserts it.
   */
  private static EuMembership membership(Map<String, Actor> byCode) {
    Map<String, List<EuMembership.Term>> terms = new HashMap<>();
    Matcher dated = DATED.matcher(migration("V20__participation_and_membership.sql"));
    while (dated.find()) {
      terms.put(dated.group(1), List.of(new EuMembership.Term(day(dated.group(2)), day(dated.group(3)))));
    }
    byCode.values().stream().filter(Actor::isMemberState)
        .forEach(actor -> terms.putIfAbsent(actor.code(), List.of(new EuMembership.Term(null, null))));
    return new EuMembership(terms, MembershipRule.FIRST_DAY);
  }

  private static LocalDate day(String written) {
    return written.equals("NULL") ? null : LocalDate.parse(written.substring("DATE '".length(), written.length() - 1));
  }

  private static String[] rows(String sql) {
    return sql.lines().map(String::strip).filter(line -> line.startsWith("(")).toArray(String[]::new);
  }

  private static String[] values(String row) {
    Matcher quoted = QUOTED.matcher(row);
    return quoted.results().map(m -> m.group(1).replace("''", "'")).toArray(String[]::new);
  }

  private static String migration(String file) {
    try (InputStream in = MigratedActors.class.getResourceAsStream("/db/migration/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
