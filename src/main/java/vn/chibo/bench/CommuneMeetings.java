package vn.chibo.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.bench.CommuneCells.CellMember;
import vn.chibo.bench.CommuneCells.CommuneCell;
import vn.chibo.bench.CommuneMeeting.Plan;
import vn.chibo.bench.CommuneMeeting.Presence;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.member.ActivityStatus;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionManagement;

/**
 * Takes one meeting of the generated year through its life with the modules' own services, as the
 * secretary and the members would on their pages: announced a week ahead, replied to, held (roll,
 * agenda, opinions, a vote on the resolution) and closed about two hours after its start. The
 * minutes are approved and the resolution issued afterwards by {@link CommuneApprovals}. The
 * generator sets {@link CommuneClock} to each step's time before it calls this class.
 */
@Component
@Profile("commune")
class CommuneMeetings {

    /** How long ahead of its start a meeting is announced. */
    static final Duration ANNOUNCED_AHEAD = Duration.ofDays(7);

    private static final List<String> REASONS = List.of("Đi công tác", "Ốm, có giấy của trạm y tế",
            "Chăm người nhà nằm viện", "Việc gia đình đột xuất", "Làm ca đêm ở khu công nghiệp");

    private static final List<String> OPINIONS = List.of(
            "Đề nghị chi ủy nêu rõ tiến độ thu quỹ khuyến học và số hộ còn chưa nộp.",
            "Cần đôn đốc các hộ hoàn thành vệ sinh môi trường trước ngày 15.",
            "Đề nghị phân công đảng viên phụ trách từng xóm trong đợt tiêm phòng gia súc.",
            "Tôi nhất trí với báo cáo, đề nghị bổ sung kết quả hòa giải ở cơ sở.",
            "Đề nghị chi bộ quan tâm thăm hỏi đảng viên cao tuổi, ốm đau.",
            "Việc làm đường giao thông nội đồng cần công khai đóng góp của từng hộ.",
            "Đề nghị tăng cường tuyên truyền phòng chống lừa đảo qua mạng cho bà con.",
            "Đoàn thanh niên xin nhận nhiệm vụ ra quân làm sạch kênh mương.",
            "Đề nghị lồng ghép nội dung học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh vào sinh hoạt đoàn thể.",
            "Cần có kế hoạch hỗ trợ các hộ cận nghèo chuyển đổi cây trồng.");

    private final MeetingManagement management;
    private final MeetingResponses responses;
    private final Meetings meetings;
    private final OpinionManagement opinions;
    private final MotionManagement motions;
    private final CommuneClock clock;

    CommuneMeetings(MeetingManagement management, MeetingResponses responses, Meetings meetings,
            OpinionManagement opinions, MotionManagement motions, CommuneClock clock) {
        this.management = management;
        this.responses = responses;
        this.meetings = meetings;
        this.opinions = opinions;
        this.motions = motions;
        this.clock = clock;
    }

    /**
     * Schedules and publishes the meeting, records the replies of the members who reply ahead, and
     * has the secretary approve the reasons given for staying away, which marks those members excused.
     */
    void announce(CommuneMeeting meeting) {
        CommuneCell cell = meeting.cell();
        Actor secretary = cell.secretary();
        MeetingId id = management.schedule(secretary, cell.id(), details(meeting));
        meeting.scheduled(id);
        management.publish(secretary, id);

        for (Plan plan : meeting.plans()) {
            if (!plan.answersAhead() && plan.presence() != Presence.EXCUSED) {
                continue;
            }
            switch (plan.presence()) {
                case IN_PERSON -> responses.answer(plan.member().actor(), id, ResponseAnswer.IN_PERSON, null);
                case ONLINE -> responses.answer(plan.member().actor(), id, ResponseAnswer.ONLINE, null);
                case EXCUSED -> responses.answer(plan.member().actor(), id, ResponseAnswer.ABSENT,
                        VietnameseNames.pick(REASONS, meeting.random()));
                case ABSENT, AWAY -> {
                    // Members who stay away without a reason, or are not expected, say nothing ahead.
                }
            }
        }
        for (Plan plan : meeting.plans()) {
            if (plan.presence() == Presence.EXCUSED) {
                responses.decide(secretary, id, plan.member().id(), true);
            }
        }
    }

    /**
     * Holds the meeting from its start: the roll, each agenda item in turn with a few opinions on the
     * report and the tasks, the vote on the resolution, and the close about two hours later. Members
     * absent without a reason stay unmarked, and the close records them so.
     */
    void hold(CommuneMeeting meeting) {
        Actor chair = meeting.cell().secretary();
        MeetingId id = meeting.id();
        Random random = meeting.random();
        Instant now = meeting.startsAt().plus(Duration.ofMinutes(random.nextInt(10)));
        clock.set(now);
        management.start(chair, id);
        for (Plan plan : meeting.plans()) {
            if (plan.presence() == Presence.IN_PERSON) {
                management.recordAttendance(chair, id, plan.member().id(), AttendanceStatus.PRESENT_IN_PERSON, null);
            }
            else if (plan.presence() == Presence.ONLINE) {
                management.recordAttendance(chair, id, plan.member().id(), AttendanceStatus.PRESENT_ONLINE, null);
            }
        }

        List<AgendaItem> agenda = meetings.get(id).agenda();
        List<CellMember> present = meeting.present();
        for (int index = 0; index < agenda.size(); index++) {
            now = now.plus(Duration.ofMinutes(10 + random.nextInt(12)));
            clock.set(now);
            long item = agenda.get(index).id();
            management.discuss(chair, id, item);
            if (isDiscussion(meeting.kind(), index)) {
                discuss(chair, id, item, present, random);
            }
            if (isVote(meeting.kind(), index)) {
                vote(meeting, chair, present, random);
            }
        }

        clock.set(meeting.startsAt().plus(Duration.ofMinutes(115 + random.nextInt(40))));
        management.close(chair, id);
    }

    private void discuss(Actor chair, MeetingId id, long item, List<CellMember> present, Random random) {
        int count = 1 + random.nextInt(3);
        for (int opinion = 0; opinion < count && !present.isEmpty(); opinion++) {
            CellMember author = VietnameseNames.pick(present, random);
            OpinionId posted = opinions.post(author.actor(), id, item, VietnameseNames.pick(OPINIONS, random));
            if (random.nextBoolean()) {
                opinions.markSpoken(chair, posted, true);
            }
        }
    }

    /**
     * Opens the vote on the resolution, then closes it as the chair. Every official member present who
     * is not sent out votes, 95 % of them in favour.
     */
    private static BallotChoice drawChoice(Random random) {
        int draw = random.nextInt(100);
        if (draw < 95) {
            return BallotChoice.FOR;
        }
        return draw < 98 ? BallotChoice.ABSTAIN : BallotChoice.AGAINST;
    }

    private void vote(CommuneMeeting meeting, Actor chair, List<CellMember> present, Random random) {
        String title = meeting.kind() == MeetingKind.REGULAR
                ? "Biểu quyết thông qua Nghị quyết chi bộ tháng " + meeting.month()
                : "Biểu quyết thông qua Nghị quyết chuyên đề tháng " + meeting.month();
        MotionId motion = motions.open(chair, meeting.id(), title);
        for (CellMember voter : present) {
            if (!voter.official() || voter.activity() == ActivityStatus.SENT_OUT) {
                continue;
            }
            motions.cast(voter.actor(), motion, drawChoice(random));
        }
        motions.close(chair, motion);
    }

    private static boolean isDiscussion(MeetingKind kind, int index) {
        return kind == MeetingKind.REGULAR ? index == 3 || index == 4 : index == 2;
    }

    private static boolean isVote(MeetingKind kind, int index) {
        return kind == MeetingKind.REGULAR ? index == 5 : index == 3;
    }

    private static MeetingDetails details(CommuneMeeting meeting) {
        CommuneCell cell = meeting.cell();
        var chair = cell.members().get(0).id();
        var minuteTaker = cell.members().get(1).id();
        String place = cell.plan().type() == CommunePlan.CellType.VILLAGE
                ? "Nhà văn hóa " + cell.plan().name().replace("Chi bộ ", "")
                : "Hội trường " + cell.plan().name().replace("Chi bộ ", "");
        Instant end = meeting.startsAt().plus(Duration.ofHours(2));
        if (meeting.kind() == MeetingKind.THEMATIC) {
            return new MeetingDetails(MeetingKind.THEMATIC, MeetingMode.IN_PERSON,
                    "Sinh hoạt chuyên đề tháng " + meeting.month(), meeting.startsAt(), end, place, null, chair,
                    minuteTaker, List.of(new AgendaItem("Khai mạc", null),
                            new AgendaItem("Báo cáo chuyên đề", "Học tập và làm theo tư tưởng, đạo đức, phong cách "
                                    + "Hồ Chí Minh"),
                            new AgendaItem("Thảo luận", null),
                            new AgendaItem("Biểu quyết Nghị quyết chuyên đề", null),
                            new AgendaItem("Bế mạc", null)));
        }
        return new MeetingDetails(MeetingKind.REGULAR, meeting.hybrid() ? MeetingMode.HYBRID : MeetingMode.IN_PERSON,
                "Sinh hoạt chi bộ định kỳ tháng " + meeting.month(), meeting.startsAt(), end, place,
                meeting.hybrid() ? "https://meet.example.com/chi-bo-" + cell.id().value() : null, chair, minuteTaker,
                List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", null),
                        new AgendaItem("Thông tin thời sự, văn bản của cấp trên", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy"),
                        new AgendaItem("Phương hướng nhiệm vụ tháng tới", null),
                        new AgendaItem("Thảo luận và biểu quyết Nghị quyết tháng", null),
                        new AgendaItem("Bế mạc", null)));
    }
}
