package eu.empact.oap.notification;

import eu.empact.oap.people.Accounts.AccountCreated;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The e-mail with the link to set a password, to a person whose account a directory created. */
@Component
class AccountNotices {

  private final Notifications notifications;

  AccountNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void accountCreated(AccountCreated created) {
    notifications.record(new TaskNotice(TaskNotice.Kind.ACCOUNT, 0, null, MailLinks.ACCOUNT_PREFIX + created.token(),
        "Your account for the EMPACT OAP workflow: user id " + created.userId(), created.expiresAt(),
        created.userId(), List.of()), null);
  }
}
