package vn.chibo.notification;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AbsenceReasonDecided;
import vn.chibo.meeting.MeetingCancelled;
import vn.chibo.meeting.MeetingChanged;
import vn.chibo.meeting.MeetingPublished;

/**
 * Turns meeting events into notices. Each listener runs after the meeting's transaction commits, in a
 * transaction of its own. The event publication registry keeps an event until its listener completes,
 * and the notices' unique key makes a second delivery of the same event add nothing.
 */
@Component
class MeetingNotices {

    /** The revision of notices that happen once per meeting. */
    static final int ONCE = 0;

    private final Notifications notifications;

    MeetingNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(MeetingPublished event) {
        notifications.notifyCell(event.cellId(), event.meetingId(), NotificationKind.PUBLISHED, ONCE, Set.of());
    }

    @ApplicationModuleListener
    void on(MeetingChanged event) {
        notifications.notifyCell(event.cellId(), event.meetingId(), NotificationKind.CHANGED, event.revision(),
                event.changes());
    }

    /** Notifies only the member, because a decision on a reason for absence concerns no one else. */
    @ApplicationModuleListener
    void on(AbsenceReasonDecided event) {
        NotificationKind kind = event.approved() ? NotificationKind.REASON_APPROVED : NotificationKind.REASON_REJECTED;
        notifications.notifyMember(event.memberId(), event.meetingId(), kind, event.revision());
    }

    /** Notifies a cancellation only when the meeting had been announced, because nobody was notified of a draft. */
    @ApplicationModuleListener
    void on(MeetingCancelled event) {
        if (!event.wasAnnounced()) {
            return;
        }
        notifications.notifyCell(event.cellId(), event.meetingId(), NotificationKind.CANCELLED, ONCE, Set.of());
    }
}
