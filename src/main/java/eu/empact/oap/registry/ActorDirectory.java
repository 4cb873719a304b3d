package eu.empact.oap.registry;

import java.sql.Date;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves the many spellings of an actor ("Cepol", "CEPOL", "Cefpol"; "France (Police Forces)",
 * "FR"; "Greece", "GR", "EL") to one actor of the {@code actor} table, and knows which actors are
 * the Member States of a period ({@link EuMembership}).
 */
@Component
public class ActorDirectory {

  private final JdbcClient jdbc;
  private final RegistryProperties properties;

  ActorDirectory(JdbcClient jdbc, RegistryProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public List<Actor> all() {
    return jdbc.sql("SELECT code, name, kind FROM actor ORDER BY kind, code").query(ActorDirectory::actor).list();
  }

  /** The periods of EU membership of every actor that was ever a Member State, with the configured rule. */
  public EuMembership membership() {
    Map<String, List<EuMembership.Term>> terms = new LinkedHashMap<>();
    jdbc.sql("SELECT actor_code, member_from, member_until FROM actor_membership ORDER BY actor_code, member_from")
        .query(rs -> {
          terms.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
              .add(new EuMembership.Term(day(rs.getDate(2)), day(rs.getDate(3))));
        });
    return new EuMembership(terms, properties.membershipRule());
  }

  /** The Member States of a period (the United Kingdom for 2012, Croatia for 2024), by code. */
  public List<Actor> memberStates(Period period) {
    EuMembership membership = membership();
    return all().stream().filter(actor -> membership.memberState(actor.code(), period))
        .sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  /** Every actor that is or was a Member State: each has a NEC group. */
  public List<Actor> everMemberStates() {
    EuMembership membership = membership();
    return all().stream().filter(actor -> membership.everMemberStates().contains(actor.code())).toList();
  }

  public Optional<Actor> resolve(String spelling) {
    return names().resolve(spelling);
  }

  /** All actors, aliases and periods of membership at once, for reading the many names of one document. */
  Snapshot snapshot() {
    Snapshot names = names();
    return new Snapshot(names.byCode(), names.byAlias(), membership());
  }

  /** All actors and aliases, for resolving names only. */
  private Snapshot names() {
    Map<String, Actor> byCode = all().stream().collect(Collectors.toMap(Actor::code, a -> a));
    Map<String, Actor> byAlias = jdbc.sql("SELECT alias, actor_code FROM actor_alias")
        .query((rs, n) -> Map.entry(rs.getString("alias"), byCode.get(rs.getString("actor_code"))))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new Snapshot(byCode, byAlias);
  }

  record Snapshot(Map<String, Actor> byCode, Map<String, Actor> byAlias, EuMembership membership) {

    /** A snapshot without periods of membership: for resolving names, which needs none. */
    Snapshot(Map<String, Actor> byCode, Map<String, Actor> byAlias) {
      this(byCode, byAlias, new EuMembership(Map.of(), MembershipRule.FIRST_DAY));
    }

    Optional<Actor> resolve(String spelling) {
      return spelling == null ? Optional.empty() : Optional.ofNullable(byAlias.get(normalise(spelling)));
    }

    Actor byCode(String code) {
      return byCode.get(code);
    }

    /** The Member States of the period, by code. */
    List<Actor> memberStates(Period period) {
      return membership.memberStates(period).stream().map(byCode::get).toList();
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

  private static java.time.LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static Actor actor(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Actor(rs.getString("code"), rs.getString("name"), Actor.Kind.valueOf(rs.getString("kind")));
  }
}
