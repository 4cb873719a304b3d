package eu.empact.oap.people;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account of a person a directory names who has none yet: a Camunda user with a password
 * nobody knows, and a link to set one ({@link AccountCreated}, sent by e-mail). The link's token
 * is random, kept as its hash only, used once and valid for {@value #VALID_DAYS} days; the
 * password it sets must meet the password policy.
 */
@Component
public class Accounts {

  static final int VALID_DAYS = 7;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Accounts(IdentityService identity, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.identity = identity;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** A new account was made: its person gets the link to set a password (the token in clear, only here). */
  public record AccountCreated(String userId, String name, String email, String token, Instant expiresAt) {}

  /** Creates the account of the person and records the link to set its password; returns the user id. */
  @Transactional
  public String create(String name, String email, String createdBy) {
    String userId = freeId(email);
    WithoutAuthorizationChecks.run(() -> {
      User user = identity.newUser(userId);
      int space = name.lastIndexOf(' ');
      user.setFirstName(space < 0 ? name : name.substring(0, space));
      user.setLastName(space < 0 ? "" : name.substring(space + 1));
      user.setEmail(email);
      // nobody knows it: the person sets its own through the link
      user.setPassword(token() + "aA1!");
      identity.saveUser(user);
    });
    String token = token();
    Instant expires = clock.instant().plus(Duration.ofDays(VALID_DAYS));
    jdbc.sql("INSERT INTO password_token (token_hash, user_id, created_by, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?)")
        .params(hash(token), userId, createdBy, Timestamp.from(clock.instant()), Timestamp.from(expires)).update();
    events.publishEvent(new AccountCreated(userId, name, email, token, expires));
    return userId;
  }

  /** Whose account the token of a link sets the password of, while it is valid and unused. */
  public Optional<String> userOf(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT user_id FROM password_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
        .params(hash(token), Timestamp.from(clock.instant())).query(String.class).optional();
  }

  /**
   * Sets the password through the link: refused (and the link still valid) when the password
   * breaks the policy; the link is used up once it worked.
   *
   * @return the rules the password breaks, empty when it was set
   */
  @Transactional
  public Optional<String> setPassword(String token, String password) {
    String userId = userOf(token).orElseThrow(() -> new IllegalArgumentException(
        "this link is not valid (any more): it works once, for " + VALID_DAYS + " days"));
    return WithoutAuthorizationChecks.call(() -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password == null ? "" : password, user);
      if (!result.isValid()) {
        return Optional.of("the password needs at least 10 characters with a lower-case and an upper-case letter, "
            + "a digit and a special character, and none of your user id, names or e-mail address");
      }
      user.setPassword(password);
      identity.saveUser(user);
      identity.unlockUser(userId);
      jdbc.sql("UPDATE password_token SET used_at = ? WHERE token_hash = ?")
          .params(Timestamp.from(clock.instant()), hash(token)).update();
      return Optional.<String>empty();
    });
  }

  /** A user id from the e-mail address's local part ("maria.rossi"; what the user id pattern allows), numbered when taken. */
  private String freeId(String email) {
    String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
    base = base.isEmpty() ? "user" : base;
    String id = base;
    for (int n = 2; exists(id); n++) {
      id = base + n;
    }
    return id;
  }

  private boolean exists(String userId) {
    return WithoutAuthorizationChecks.call(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
