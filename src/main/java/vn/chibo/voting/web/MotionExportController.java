package vn.chibo.voting.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.voting.MotionResultsExport;

/** The CSV file of a meeting's votes and their results. */
@Controller
class MotionExportController {

    private final Meetings meetings;
    private final MotionResultsExport export;

    MotionExportController(Meetings meetings, MotionResultsExport export) {
        this.meetings = meetings;
        this.export = export;
    }

    @GetMapping("/meetings/{meetingId}/motions.csv")
    ResponseEntity<byte[]> csv(Actor actor, @PathVariable long meetingId, Locale locale) {
        MeetingId id = meetings.visibleTo(actor, MeetingId.of(meetingId)).id();

        byte[] content = export.csv(actor, id, locale);

        // The file names the members taken out of each denominator, so no cache may keep it.
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bieu-quyet-cuoc-hop-" + meetingId + ".csv", StandardCharsets.UTF_8).build()
                        .toString())
                .body(content);
    }
}
