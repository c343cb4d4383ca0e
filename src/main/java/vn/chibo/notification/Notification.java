package vn.chibo.notification;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.account.AccountId;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.MeetingId;

/**
 * A notice to one account about one meeting or one profile correction request, as stored. Its text is rendered when it is read, in the
 * reader's language, from the meeting as it stands then.
 *
 * @param meetingId the meeting, or null for a notice about a correction request
 * @param correctionId the correction request, or null for a notice about a meeting
 * @param changes what changed; empty unless the kind is {@link NotificationKind#CHANGED}
 * @param readAt when the recipient marked it read, or null while unread
 */
public record Notification(NotificationId id, AccountId accountId, @Nullable MeetingId meetingId,
        @Nullable Long correctionId, NotificationKind kind, Set<MeetingChange> changes, Instant createdAt,
        @Nullable Instant readAt) {

    public Notification {
        changes = Set.copyOf(changes);
    }

    public boolean isRead() {
        return readAt != null;
    }
}
