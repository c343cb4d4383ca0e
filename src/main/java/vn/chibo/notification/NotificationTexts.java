package vn.chibo.notification;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.Formats;

/**
 * Renders notifications in a given language when they are read or sent, so that a reader who switches
 * language sees every notice in the new one and a later correction of the title shows everywhere.
 */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final Formats formats;
    private final Meetings meetings;

    NotificationTexts(MessageSource messages, Formats formats, Meetings meetings) {
        this.messages = messages;
        this.formats = formats;
        this.meetings = meetings;
    }

    NotificationView view(Notification notification, Locale locale) {
        return view(notification, meetings.get(notification.meetingId()), locale);
    }

    /**
     * Renders a notice about a profile correction request; it links to the reader's correction requests.
     *
     * @param memberId the reader's member record, or null when the account has none any more
     */
    NotificationView correctionView(Notification notification, @Nullable Long memberId, Locale locale) {
        String path = memberId == null ? "/members/me" : "/members/" + memberId + "/corrections";
        return new NotificationView(notification.id().value(), null, notification.kind(),
                headline(notification, locale), message(locale, "notification.correction.subject"), null, null, path,
                notification.createdAt(), notification.isRead());
    }

    /** Renders the notification from its meeting, which a list loads once for all notices about it. */
    NotificationView view(Notification notification, Meeting meeting, Locale locale) {
        String detail = detailOf(notification.kind(), meeting, locale);
        return new NotificationView(notification.id().value(), meeting.id().value(), notification.kind(),
                headline(notification, locale), meeting.title(), formats.dateAndTimeInZone(meeting.startsAt(), locale),
                detail, "/meetings/" + meeting.id().value(), notification.createdAt(), notification.isRead());
    }

    /** Returns what the reader should know beyond the headline: why a meeting was called off, or what a rejection means. */
    private @Nullable String detailOf(NotificationKind kind, Meeting meeting, Locale locale) {
        if (kind == NotificationKind.CANCELLED && meeting.cancelReason() != null) {
            return message(locale, "notification.cancelReason", meeting.cancelReason());
        }
        if (kind == NotificationKind.REASON_REJECTED) {
            return message(locale, "notification.reasonRejected");
        }
        return null;
    }

    /** Returns the subject line of the notification's e-mail. */
    String subject(Notification notification, Locale locale) {
        Meeting meeting = meetings.get(notification.meetingId());
        return headline(notification, locale) + " · " + meeting.title();
    }

    /**
     * Returns the plain-text body of the notification's e-mail: what happened, the meeting's time,
     * place and agenda, and the address of its page.
     *
     * @param siteAddress the address under which members reach the site, without a trailing slash, or
     *     null when it is not configured. The e-mail then names the notification centre instead of a link.
     */
    String body(Notification notification, Locale locale, @Nullable String siteAddress) {
        NotificationView view = view(notification, locale);
        Meeting meeting = meetings.get(notification.meetingId());
        StringBuilder body = new StringBuilder();
        line(body, view.headline());
        line(body, view.meetingTitle());

        body.append('\n');
        line(body, message(locale, "notification.email.when", view.when()));
        if (meeting.place() != null) {
            line(body, message(locale, "notification.email.place", meeting.place()));
        }
        if (meeting.onlineLink() != null) {
            line(body, message(locale, "notification.email.onlineLink", meeting.onlineLink()));
        }
        if (view.detail() != null) {
            line(body, view.detail());
        }

        List<AgendaItem> agenda = meeting.agenda();
        if (!agenda.isEmpty() && notification.kind() != NotificationKind.CANCELLED) {
            body.append('\n');
            line(body, message(locale, "notification.email.agenda"));
            for (int i = 0; i < agenda.size(); i++) {
                line(body, (i + 1) + ". " + agenda.get(i).title());
            }
        }

        body.append('\n');
        line(body, siteAddress == null ? message(locale, "notification.email.openInApp")
                : message(locale, "notification.email.open", siteAddress + view.path()));
        body.append('\n');
        line(body, message(locale, "notification.email.footer"));
        return body.toString();
    }

    private String headline(Notification notification, Locale locale) {
        if (notification.kind() != NotificationKind.CHANGED) {
            return message(locale, "notification.headline." + notification.kind());
        }
        String changes = notification.changes().stream()
                .sorted()
                .map(change -> message(locale, "notification.change." + change))
                .collect(Collectors.joining(", "));
        return message(locale, "notification.headline.CHANGED", changes);
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static void line(StringBuilder body, String text) {
        body.append(text).append('\n');
    }
}
