package eu.empact.oap.demo;

import eu.empact.oap.people.OapDirectory;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapPeople;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo: the OAP 2024-2025 "Migrant smuggling" to adopt, an adopted copy of it over this year and
 * the next to report on, and a user for every role, password = user id: deliberately weak, so saved
 * past the password policy, and the reason the demo is for the default profile only.
 * Loaded at start of the default profile; running it again changes nothing.
 */
@Component
@ConditionalOnProperty(name = "empact.demo.enabled", havingValue = "true")
public class DemoData {

  public static final String DEMO_OAP = "/demo/oap-2024-2025-migrant-smuggling.json";
  /** The priority name of the demo OAP's adopted copy for reporting. */
  public static final String REPORTING_DEMO = "Migrant smuggling (reporting demo)";
  static final String EMAIL_DOMAIN = "empact.example";
  /** A year of the 2020s in a timing: "2024" or the "25" of "2024/25". */
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20)?(2\\d)(?!\\d)");
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final OapRegistry registry;
  private final OapDocumentReader reader;
  private final ActorDirectory actors;
  private final IdentityService identity;
  private final Clock clock;
  private final OapDirectory directory;
  private final OapPeople oapPeople;

  DemoData(OapRegistry registry, OapDocumentReader reader, ActorDirectory actors, IdentityService identity,
           Clock clock, OapDirectory directory, OapPeople oapPeople) {
    this.directory = directory;
    this.oapPeople = oapPeople;
    this.registry = registry;
    this.reader = reader;
    this.actors = actors;
    this.identity = identity;
    this.clock = clock;
  }

  @EventListener(PostDeployEvent.class)
  @Order(2)
  public void load() {
    OapDocument demo = reader.read(demoDocument());
    long oapId = registry.find(demo.priority().name(), demo.period())
        .orElseGet(() -> registry.importDocument(demo, "demo").id());
    user("demo", "Demo", "Administrator", EmpactGroups.ADMINISTRATORS);
    user("esu", "Elena", "Support Unit", EmpactGroups.SUPPORT_UNIT);
    user("cosi", "Carlos", "COSI Secretariat", EmpactGroups.COSI_SECRETARIAT);
    user("driver", "Dieter", "Driver (DE)");
    user("codriver", "Claire", "Co-Driver");
    for (Actor memberState : actors.all().stream().filter(Actor::isMemberState).toList()) {
      user("nec-" + lower(memberState.code()), "NEC", memberState.name(), EmpactGroups.nec(memberState.code()),
          EmpactGroups.NECS);
    }
    long reportingOapId = reportingDemo(demo);
    for (long id : List.of(oapId, reportingOapId)) {
      people(id);
    }
    LOG.info("Demo ready: OAP {} (id {}) to adopt, OAP {} (id {}) adopted for its reporting rounds, and demo users "
        + "(password = user id)", demo.title(), oapId, REPORTING_DEMO, reportingOapId);
  }

  /**
   * A copy of the demo OAP over this year and the next, adopted, so that its reporting rounds can
   * be tried today: the rounds whose deadline has passed are not held, the others wait for their
   * day (or are opened early with {@code POST /api/oaps/{id}/rounds/{n}/open}).
   */
  private long reportingDemo(OapDocument demo) {
    int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    String period = year + "-" + (year + 1);
    return registry.find(REPORTING_DEMO, period).orElseGet(() -> {
      long id = registry.importDocument(new OapDocument(new OapDocument.Priority(REPORTING_DEMO, demo.priority().aim()),
          period, "Demo copy of " + demo.title() + " over " + period + ", adopted to try the reporting rounds",
          demo.driver(), demo.coDrivers(), demo.classification(), null, demo.strategicGoals(),
          demo.operationalActions().stream().map(oa -> shifted(oa, year - 2024)).toList()), "demo").id();
      registry.changeStatus(id, 0, VersionStatus.ADOPTED, "demo", "adopted by the demo data to try reporting");
      return id;
    });
  }

  /** The OA with its activities' timings moved by some years ("Q1-Q4 2024/25" to "Q1-Q4 2026/27"). */
  private static OapDocument.OperationalAction shifted(OapDocument.OperationalAction oa, int years) {
    return oa.withActivities(oa.activities().stream()
        .map(a -> new OapDocument.Activity(a.description(), shiftYears(a.timing(), years))).toList());
  }

  /** Every year in a timing ("2024", "/25") moved by some years; what is not a year stays as written. */
  static String shiftYears(String timing, int years) {
    if (timing == null) {
      return null;
    }
    Matcher year = YEAR.matcher(timing);
    StringBuilder shifted = new StringBuilder();
    while (year.find()) {
      String century = year.group(1) == null ? "" : year.group(1);
      year.appendReplacement(shifted, century + (Integer.parseInt(year.group(2)) + years));
    }
    return year.appendTail(shifted).toString();
  }

  /**
   * The people of a demo OAP, named in its directory (ADR 0016), which gives them its groups: the
   * Driver and Co-Driver, and {@code al-<actor>} for every actor that leads or co-leads an OA.
   * Actors that only participate have nobody: their tasks go to the Support Unit on their behalf.
   */
  private void people(long oapId) {
    List<OapPeople.Person> people = new ArrayList<>(List.of(
        new OapPeople.Person("DRIVER", null, "driver", null, null),
        new OapPeople.Person("CO_DRIVER", null, "codriver", null, null)));
    for (String leader : oapPeople.leadingActors(oapId)) {
      String id = "al-" + lower(leader);
      user(id, "Action Leader", leader, EmpactGroups.ACTION_LEADERS);
      people.add(new OapPeople.Person("ACTION_LEADER", leader, id, null, null));
    }
    directory.add(oapId, people, "demo");
  }

  public static String demoDocument() {
    try (InputStream in = DemoData.class.getResourceAsStream(DEMO_OAP)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void user(String id, String firstName, String lastName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@" + EMAIL_DOMAIN);
      user.setPassword(id);
      // IdentityService has no saveUser that skips the password policy; the engine's own service does
      ((IdentityServiceImpl) identity).saveUser(user, true);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  private static String lower(String code) {
    return code.toLowerCase(Locale.ROOT);
  }
}
