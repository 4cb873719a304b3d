package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

class GroupsAsAuthenticatedTest {

  private final GroupsAsAuthenticated manager = new GroupsAsAuthenticated();

  @Test
  void checksWithTheUsersGroupsWithoutReadingEveryGroupThatHasAuthorizations() {
    // no command context here: reading ACT_RU_AUTHORIZATION would fail
    assertThat(manager.filterAuthenticatedGroupIds(List.of("oap-1-action-leader-IT", "action-leaders")))
        .containsExactly("oap-1-action-leader-IT", "action-leaders");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
  }

  @Test
  void leavesAUserInManyGroupsToTheEnginesFiltering() {
    List<String> many = IntStream.rangeClosed(1, GroupsAsAuthenticated.MAX_GROUPS + 1).mapToObj(i -> "g" + i).toList();

    // the engine's filtering reads the groups that have authorizations: without a command context here, it fails
    assertThatThrownBy(() -> manager.filterAuthenticatedGroupIds(many)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isTheManagerTheEngineOpensForAuthorizations() {
    GroupsAsAuthenticated.Factory factory = new GroupsAsAuthenticated.Factory();

    assertThat(factory.getSessionType()).isEqualTo(AuthorizationManager.class);
    assertThat(factory.openSession()).isInstanceOf(GroupsAsAuthenticated.class);
  }
}
