package eu.empact.oap.registry;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves the many spellings of an actor ("Cepol", "CEPOL", "Cefpol"; "France (Police Forces)",
 * "FR"; "Greece", "GR", "EL") to one actor of the {@code actor} table.
 */
@Component
public class ActorDirectory {

  private final JdbcClient jdbc;

  ActorDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Actor> all() {
    return jdbc.sql("SELECT code, name, kind FROM actor ORDER BY kind, code").query(ActorDirectory::actor).list();
  }

  public Optional<Actor> resolve(String spelling) {
    return snapshot().resolve(spelling);
  }

  /** All actors and aliases at once, for resolving the many names of one document. */
  Snapshot snapshot() {
    Map<String, Actor> byCode = all().stream().collect(Collectors.toMap(Actor::code, a -> a));
    Map<String, Actor> byAlias = jdbc.sql("SELECT alias, actor_code FROM actor_alias")
        .query((rs, n) -> Map.entry(rs.getString("alias"), byCode.get(rs.getString("actor_code"))))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new Snapshot(byCode, byAlias);
  }

  record Snapshot(Map<String, Actor> byCode, Map<String, Actor> byAlias) {

    Optional<Actor> resolve(String spelling) {
      return spelling == null ? Optional.empty() : Optional.ofNullable(byAlias.get(normalise(spelling)));
    }

    Actor byCode(String code) {
      return byCode.get(code);
    }

    List<Actor> memberStates() {
      return byCode.values().stream().filter(Actor::isMemberState).sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }
  }

  /**
   * Upper case without accents or footnote marks (stars, superscript numbers), single spaces, and
   * without a qualifier in brackets such as "(Police Forces)": the form the aliases are stored in.
   */
  static String normalise(String spelling) {
    String unmarked = spelling.strip().replaceAll("[\u00B9\u00B2\u00B3\u2070-\u2079]+$", "");
    String ascii = Normalizer.normalize(unmarked, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return ascii.replace('\u2019', '\'').toUpperCase(Locale.ROOT)
        .replaceAll("\\s+\\([^)]*\\)\\s*$", "")
        .replaceAll("[*.]+$", "")
        .replaceAll("\\s+", " ").trim();
  }

  private static Actor actor(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Actor(rs.getString("code"), rs.getString("name"), Actor.Kind.valueOf(rs.getString("kind")));
  }
}
