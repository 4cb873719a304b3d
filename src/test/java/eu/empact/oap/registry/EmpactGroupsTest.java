package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Camunda groups are EMPACT roles: the fixed ones and the per-OAP and per-actor patterns, nothing else. */
class EmpactGroupsTest {

  @ParameterizedTest
  @ValueSource(strings = {"camunda-admin", "esu", "cosi-secretariat", "necs", "action-leaders", "nec-FR", "nec-EL",
      "action-leader-EUROPOL", "action-leader-EU-LISA", "action-leader-MAOC-N", "oap-1-driver", "oap-12-co-driver"})
  void anEmpactRole(String group) {
    assertThat(EmpactGroups.isEmpactRole(group)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"canteen", "esu-alumni", "nec-fr", "nec-FRA", "nec-", "action-leader-", "action-leader-eu",
      "oap-x-driver", "oap-0-driver", "oap-1-drivers", "oap-1-co-drivers", "oap--1-driver", "camunda-admins"})
  void noEmpactRole(String group) {
    assertThat(EmpactGroups.isEmpactRole(group)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"nec-FR, FR, ", "action-leader-FR, , FR", "action-leader-EU-LISA, , EU-LISA", "necs, , ",
      "action-leaders, , "})
  void theActorAGroupActsFor(String group, String necOf, String actionLeaderOf) {
    assertThat(EmpactGroups.necMemberState(group)).isEqualTo(Optional.ofNullable(necOf));
    assertThat(EmpactGroups.actionLeaderActor(group)).isEqualTo(Optional.ofNullable(actionLeaderOf));
  }
}
