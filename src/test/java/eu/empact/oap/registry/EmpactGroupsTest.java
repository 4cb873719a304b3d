package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Camunda groups are EMPACT roles: the fixed ones and the per-OAP and per-actor patterns, nothing else. */
class EmpactGroupsTest {

  @ParameterizedTest
  @ValueSource(strings = {"camunda-admin", "esu", "cosi-secretariat", "necs", "action-leaders", "nec-FR", "nec-EL",
      "oap-1-action-leader-EUROPOL", "oap-2-action-leader-EU-LISA", "oap-3-contact-MAOC-N", "oap-1-driver", "oap-12-co-driver"})
  void anEmpactRole(String group) {
    assertThat(EmpactGroups.isEmpactRole(group)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"canteen", "esu-alumni", "nec-fr", "nec-FRA", "nec-", "action-leader-", "action-leader-eu", "action-leader-FR", "oap-1-action-leader-", "oap-0-contact-LY",
      "oap-x-driver", "oap-0-driver", "oap-1-drivers", "oap-1-co-drivers", "oap--1-driver", "camunda-admins"})
  void noEmpactRole(String group) {
    assertThat(EmpactGroups.isEmpactRole(group)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"nec-FR, FR, ", "oap-1-action-leader-FR, , FR", "oap-7-contact-EU-LISA, , EU-LISA", "necs, , ",
      "action-leaders, , ", "action-leader-FR, , "})
  void theActorAGroupActsFor(String group, String necOf, String actorInOapOf) {
    assertThat(EmpactGroups.necMemberState(group)).isEqualTo(Optional.ofNullable(necOf));
    assertThat(EmpactGroups.actorInOap(group).map(EmpactGroups.ActorInOap::actor))
        .isEqualTo(Optional.ofNullable(actorInOapOf));
  }

  @Test
  void aGroupOfOneOapNamesItsOapAndActor() {
    assertThat(EmpactGroups.actorInOap("oap-12-action-leader-IT"))
        .contains(new EmpactGroups.ActorInOap(12, "IT", false));
    assertThat(EmpactGroups.actorInOap("oap-3-contact-LY")).contains(new EmpactGroups.ActorInOap(3, "LY", true));
    assertThat(EmpactGroups.legacyActionLeaderActor("action-leader-IT")).contains("IT");
  }
}
