package vn.chibo.notification.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.notification.NotificationId;
import vn.chibo.notification.Notifications;
import vn.chibo.system.FlashMessage;

/** The signed-in person's notification centre. Each person lists and marks only their own notifications. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(Actor actor, Locale locale, Model model) {
        model.addAttribute("notifications", notifications.of(actor, locale));
        model.addAttribute("unread", notifications.unreadCount(actor));
        return "notification/list";
    }

    @PostMapping("/notifications/{notificationId}/read")
    String markRead(Actor actor, @PathVariable long notificationId, RedirectAttributes redirect) {
        notifications.markRead(actor, NotificationId.of(notificationId));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("notification.list.markedRead"));
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(Actor actor, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(actor);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("notification.list.markedAllRead", marked));
        return "redirect:/notifications";
    }
}
