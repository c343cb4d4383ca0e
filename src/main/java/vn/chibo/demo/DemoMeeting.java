package vn.chibo.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.organization.Organization;
import vn.chibo.system.Formats;

/**
 * The village cell's next regular meeting, published, three days after the demo data is loaded at
 * 19:30, with a few members' opinions on its agenda. The secretary chairs it and the demo member
 * takes the minutes.
 */
@Component
class DemoMeeting {

    private final MeetingManagement management;
    private final Meetings meetings;
    private final OpinionManagement opinions;
    private final Formats formats;
    private final Clock clock;

    DemoMeeting(MeetingManagement management, Meetings meetings, OpinionManagement opinions, Formats formats,
            Clock clock) {
        this.management = management;
        this.meetings = meetings;
        this.opinions = opinions;
        this.formats = formats;
        this.clock = clock;
    }

    /** Schedules and publishes the meeting, and posts the opinions of the three demo members. */
    MeetingId load(Organization cell, Actor secretary, Actor member, Actor probationary) {
        ZonedDateTime start = formats.local(clock.instant()).plusDays(3).with(LocalTime.of(19, 30));
        var details = new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ",
                start.toInstant(), start.plus(Duration.ofHours(2)).toInstant(), "Nhà văn hóa thôn Hòa Bình 3",
                "https://meet.example.com/hoa-binh-3", MemberId.of(secretary.memberId()),
                MemberId.of(member.memberId()),
                List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy"),
                        new AgendaItem("Nhiệm vụ tháng tới", "Làm đường bê tông xóm Đông, thu quỹ khuyến học"),
                        new AgendaItem("Biểu quyết Nghị quyết tháng", null)));
        MeetingId id = management.schedule(secretary, cell.id(), details);
        management.publish(secretary, id);

        Meeting meeting = meetings.get(id);
        long review = meeting.agenda().get(1).id();
        long nextTasks = meeting.agenda().get(2).id();
        opinions.post(member, id, review, "Đề nghị báo cáo nêu rõ số hộ đã nộp quỹ khuyến học và số hộ còn nợ.");
        opinions.post(probationary, id, nextTasks, "Đoàn thanh niên xin nhận phần dọn mặt bằng đường xóm Đông.\n"
                + "Đề nghị chi bộ giao cụ thể ngày làm để đoàn viên sắp xếp công việc.");
        opinions.post(secretary, id, nextTasks, "Chi ủy sẽ trình dự toán đường xóm Đông tại cuộc họp.");
        return id;
    }
}
