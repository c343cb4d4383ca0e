package vn.chibo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.Formats;

/**
 * Announces two upcoming meetings of the demo village cell through the meeting module, as its secretary
 * would, so that the demo accounts find notices in their notification centre. The regular meeting is a
 * week ahead. The thematic meeting is two weeks ahead and was moved by a day after it was announced.
 */
@Component
class DemoMeetings {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

    private static final String PLACE = "Nhà văn hóa thôn Hòa Bình 3";

    /** The draft resolution attached to both meetings, so that the secretary's read table has a column. */
    private static final String DOCUMENT = "du-thao-nghi-quyet-thang-12.pdf";

    private final MeetingManagement management;
    private final MeetingDocuments documents;
    private final Formats formats;
    private final Clock clock;

    DemoMeetings(MeetingManagement management, MeetingDocuments documents, Formats formats, Clock clock) {
        this.management = management;
        this.documents = documents;
        this.formats = formats;
        this.clock = clock;
    }

    /**
     * Schedules and announces the meetings in the caller's transaction; the notices follow once it
     * commits. Returns the regular meeting.
     */
    MeetingId announce(Actor secretary, OrganizationId cell, MemberId chair, MemberId minuteTaker) {
        LocalDate today = LocalDate.now(clock.withZone(formats.zone()));

        Instant regularStart = at(today.plusDays(7), LocalTime.of(19, 30));
        String month = regularStart.atZone(formats.zone()).format(DateTimeFormatter.ofPattern("MM/yyyy"));
        MeetingId regular = management.schedule(secretary, cell, new MeetingDetails(MeetingKind.REGULAR,
                MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ tháng " + month, regularStart,
                regularStart.plus(Duration.ofHours(2)), PLACE, "https://meet.example.com/hoa-binh-3", chair,
                minuteTaker, List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", null),
                        new AgendaItem("Thông tin thời sự, văn bản của cấp trên", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy"),
                        new AgendaItem("Phương hướng nhiệm vụ tháng tới", null),
                        new AgendaItem("Thảo luận và biểu quyết Nghị quyết tháng", null),
                        new AgendaItem("Bế mạc", null))));
        attachDocument(secretary, regular);
        management.publish(secretary, regular);

        Instant thematicStart = at(today.plusDays(14), LocalTime.of(8, 0));
        MeetingDetails thematic = new MeetingDetails(MeetingKind.THEMATIC, MeetingMode.IN_PERSON,
                "Sinh hoạt chuyên đề: phát triển kinh tế hộ gia đình", thematicStart,
                thematicStart.plus(Duration.ofHours(2)), PLACE, null, chair, minuteTaker,
                List.of(new AgendaItem("Khai mạc", null), new AgendaItem("Báo cáo chuyên đề", null),
                        new AgendaItem("Thảo luận", null), new AgendaItem("Bế mạc", null)));
        MeetingId moved = management.schedule(secretary, cell, thematic);
        attachDocument(secretary, moved);
        management.publish(secretary, moved);
        Instant newStart = thematicStart.plus(Duration.ofDays(1));
        management.revise(secretary, moved, new MeetingDetails(thematic.kind(), thematic.mode(), thematic.title(),
                newStart, newStart.plus(Duration.ofHours(2)), thematic.place(), null, chair, minuteTaker,
                thematic.agenda()));

        log.info("Demo data: meetings {} and {} announced in cell {}", regular, moved, cell);
        return regular;
    }

    private void attachDocument(Actor secretary, MeetingId meeting) {
        try (InputStream content = new ClassPathResource("demo/" + DOCUMENT).getInputStream()) {
            documents.attach(secretary, meeting, DOCUMENT, content);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("The demo document " + DOCUMENT + " is missing from the classpath",
                    unreadable);
        }
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(formats.zone()).toInstant();
    }
}
