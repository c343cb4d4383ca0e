package vn.chibo.minutes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;

/**
 * The minutes of one meeting. The header is copied from the meeting and its organizations when the
 * draft is made, so that later renames do not change the record.
 *
 * @param committeeName the superior committee in capitals, as the top left of the form shows it; empty if none
 * @param cellName the cell in capitals
 * @param placeAndDate the locality and the meeting's date, such as "Minh An, ngày 15 tháng 12 năm 2026"
 * @param title the kind of meeting and its month, printed below "BIÊN BẢN"
 * @param body the text the minute taker edits, one paragraph a line
 * @param version the optimistic lock, raised by every edit and approval
 */
public record Minutes(long id, MeetingId meetingId, String committeeName, String cellName, String placeAndDate,
        String title, String body, @Nullable String chairName, @Nullable String minuteTakerName, MinutesStatus status,
        Instant draftedAt, Instant updatedAt, @Nullable Instant chairApprovedAt, @Nullable Instant takerApprovedAt,
        int version) {

    /** Section headings of the draft start with a Roman numeral, such as "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP". */
    private static final Pattern HEADING = Pattern.compile("^[IVXL]+\\. \\S.*");

    public boolean isApproved() {
        return status == MinutesStatus.APPROVED;
    }

    /** Returns the body's non-empty lines, each one paragraph. */
    public List<Paragraph> paragraphs() {
        return Arrays.stream(body.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> new Paragraph(line, HEADING.matcher(line).matches()))
                .toList();
    }

    /**
     * One paragraph of the body.
     *
     * @param heading whether it is a section heading, which the exports set in bold
     */
    public record Paragraph(String text, boolean heading) {
    }
}
