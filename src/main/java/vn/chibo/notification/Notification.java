package vn.chibo.notification;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.account.AccountId;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.MeetingId;

/**
 * A notice to one account about one meeting, as stored. Its text is rendered when it is read, in the
 * reader's language, from the meeting as it stands then.
 *
 * @param changes what changed; empty unless the kind is {@link NotificationKind#CHANGED}
 * @param readAt when the recipient marked it read, or null while unread
 */
public record Notification(NotificationId id, AccountId accountId, MeetingId meetingId, NotificationKind kind,
        Set<MeetingChange> changes, Instant createdAt, @Nullable Instant readAt) {

    public Notification {
        changes = Set.copyOf(changes);
    }

    public boolean isRead() {
        return readAt != null;
    }
}
