package vn.chibo.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.notification.NotificationId;
import vn.chibo.notification.NotificationView;
import vn.chibo.notification.Notifications;

/** The signed-in person's notifications, rendered in the language of {@code Accept-Language}. */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * @param unread how many of the caller's notifications are unread, also those beyond the list
     * @param notifications the newest notifications first, at most 100
     */
    record NotificationsResponse(int unread, List<NotificationView> notifications) {
    }

    @Operation(summary = "My notifications", description = "Notices about meetings of the caller's cells, or "
            + "of the cells a committee officer supervises, that were announced, changed or cancelled. The texts "
            + "are in the language of Accept-Language; the meeting's time carries its zone.")
    @ApiResponse(responseCode = "200", description = "The unread count and the notifications, the newest first")
    @GetMapping("/api/v1/me/notifications")
    NotificationsResponse list(Actor actor, Locale locale) {
        return new NotificationsResponse(notifications.unreadCount(actor), notifications.of(actor, locale));
    }

    @Operation(summary = "Mark a notification read", description = "Marking it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "The notification is marked read")
    @ApiResponse(responseCode = "404", description = "No such notification, or one of another account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/me/notifications/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(Actor actor, @PathVariable long notificationId) {
        notifications.markRead(actor, NotificationId.of(notificationId));
    }
}
