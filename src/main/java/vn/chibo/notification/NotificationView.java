package vn.chibo.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification rendered in the reader's language from the meeting as it stands.
 *
 * @param headline what happened, such as "Lịch sinh hoạt đã thay đổi: thời gian, địa điểm"
 * @param when the meeting's start with its zone, such as "20/12/2026 08:00 (giờ Việt Nam, UTC+7)"
 * @param detail the reason a meeting was called off, or null
 * @param meetingId the meeting, or null for a notice about a profile correction request
 * @param meetingTitle the meeting's title, or what a correction notice is about
 * @param when the meeting's start, or null for a notice about a correction request
 * @param path the address of the meeting's page, or of the correction requests, within the site
 */
public record NotificationView(long id, @Nullable Long meetingId, NotificationKind kind, String headline,
        String meetingTitle, @Nullable String when, @Nullable String detail, String path, Instant createdAt, boolean read) {
}
