package vn.chibo.demo;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/**
 * A few members' opinions on the agenda of the village cell's next regular meeting, posted by the
 * secretary, the demo member and the probationary member.
 */
@Component
class DemoOpinions {

    private final Meetings meetings;
    private final OpinionManagement opinions;

    DemoOpinions(Meetings meetings, OpinionManagement opinions) {
        this.meetings = meetings;
        this.opinions = opinions;
    }

    /** Posts the opinions on the review of the month and on the next month's tasks of the meeting. */
    void post(MeetingId id, Actor secretary, Actor member, Actor probationary) {
        Meeting meeting = meetings.get(id);
        long review = meeting.agenda().get(3).id();
        long nextTasks = meeting.agenda().get(4).id();
        opinions.post(member, id, review, "Đề nghị báo cáo nêu rõ số hộ đã nộp quỹ khuyến học và số hộ còn nợ.");
        opinions.post(probationary, id, nextTasks, "Đoàn thanh niên xin nhận phần dọn mặt bằng đường xóm Đông.\n"
                + "Đề nghị chi bộ giao cụ thể ngày làm để đoàn viên sắp xếp công việc.");
        opinions.post(secretary, id, nextTasks, "Chi ủy sẽ trình dự toán đường xóm Đông tại cuộc họp.");
    }
}
