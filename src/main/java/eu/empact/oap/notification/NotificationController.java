package eu.empact.oap.notification;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.OapAccess;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record of notifications: {@code /api/notifications?oapId=1} for the OAP's Driver, all for administrators. */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationController {

  private final Notifications notifications;
  private final ApiAccess access;
  private final OapAccess oapAccess;

  NotificationController(Notifications notifications, ApiAccess access, OapAccess oapAccess) {
    this.notifications = notifications;
    this.access = access;
    this.oapAccess = oapAccess;
  }

  @GetMapping
  List<Notification> list(@RequestParam(required = false) Long oapId, Authentication user) {
    if (oapId == null) {
      access.requireAdministrator(user);
      return notifications.all();
    }
    oapAccess.requireCanReadNotifications(user, oapId);
    return notifications.forOap(oapId);
  }
}
