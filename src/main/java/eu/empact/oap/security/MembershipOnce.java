package eu.empact.oap.security;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * An administrator adds a user to a group they are in already: nothing changes, as a second
 * {@code PUT /group/{id}/members/{userId}} should, where the engine would insert the membership
 * again and fail on its key (a 500).
 */
final class MembershipOnce implements Command<Void> {

  private final Command<?> creation;
  private final String userId;
  private final String groupId;

  MembershipOnce(Command<?> creation, String userId, String groupId) {
    this.creation = creation;
    this.userId = userId;
    this.groupId = groupId;
  }

  @Override
  public Void execute(CommandContext context) {
    boolean member = userId != null && groupId != null && context.runWithoutAuthorization(() -> context
        .getReadOnlyIdentityProvider().createUserQuery(context).userId(userId).memberOfGroup(groupId).count() > 0);
    if (!member) {
      creation.execute(context);
    }
    return null;
  }
}
