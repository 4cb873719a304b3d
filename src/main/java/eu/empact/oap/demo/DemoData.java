package eu.empact.oap.demo;

import eu.empact.oap.identity.EmpactGroups;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo: the OAP 2024-2025 "Migrant smuggling" and a user for every role, password = user id.
 * Loaded at start of the default profile; running it again changes nothing.
 */
@Component
@ConditionalOnProperty(name = "empact.demo.enabled", havingValue = "true")
public class DemoData {

  public static final String DEMO_OAP = "/demo/oap-2024-2025-migrant-smuggling.json";
  static final String EMAIL_DOMAIN = "empact.example";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final OapRegistry registry;
  private final OapDocumentReader reader;
  private final ActorDirectory actors;
  private final IdentityService identity;

  DemoData(OapRegistry registry, OapDocumentReader reader, ActorDirectory actors, IdentityService identity) {
    this.registry = registry;
    this.reader = reader;
    this.actors = actors;
    this.identity = identity;
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
    user("driver", "Dieter", "Driver (DE)", EmpactGroups.driver(oapId));
    user("codriver", "Claire", "Co-Driver", EmpactGroups.coDriver(oapId));
    for (Actor memberState : actors.all().stream().filter(Actor::isMemberState).toList()) {
      user("nec-" + lower(memberState.code()), "NEC", memberState.name(), EmpactGroups.nec(memberState.code()),
          EmpactGroups.NECS);
    }
    for (String leader : leaders(demo)) {
      user("al-" + lower(leader), "Action Leader", leader, EmpactGroups.actionLeader(leader),
          EmpactGroups.ACTION_LEADERS);
    }
    LOG.info("Demo ready: OAP {} (id {}) and demo users (password = user id)", demo.title(), oapId);
  }

  /** The actors that lead an OA of the demo OAP, each once. */
  static List<String> leaders(OapDocument demo) {
    return demo.operationalActions().stream().flatMap(oa -> oa.actionLeaders().stream()).distinct().sorted().toList();
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
      identity.saveUser(user);
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
