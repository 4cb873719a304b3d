package eu.empact.oap.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Inserts a row and returns the id the database generated for it. */
public final class Rows {

  private Rows() {}

  public static long insert(JdbcClient jdbc, String sql, Object... params) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKeyAs(Long.class);
  }
}
