package vn.chibo.minutes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SqlTest
class MinutesTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MinutesBook book;

    @Autowired
    MinutesManagement management;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    @Test
    void draftedAfterCloseWithEverySection() {
        Village village = closedMeetings.closedMeeting();

        Minutes minutes = book.of(village.meeting()).orElseThrow();
        ZonedDateTime start = village.startsAt().atZone(ZONE);
        ZonedDateTime end = meetings.get(village.meeting()).closedAt().atZone(ZONE);
        int month = start.getMonthValue();
        String placeAndDate = String.format("Minh An, ngày %02d tháng %s năm %d", start.getDayOfMonth(),
                month < 3 ? String.format("%02d", month) : Integer.toString(month), start.getYear());

        assertThat(minutes.committeeName()).isEqualTo("ĐẢNG BỘ XÃ MINH AN");
        assertThat(minutes.cellName()).isEqualTo("CHI BỘ THÔN HÒA BÌNH 3");
        assertThat(minutes.placeAndDate()).isEqualTo(placeAndDate);
        assertThat(minutes.title()).isEqualTo("SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG "
                + DateTimeFormatter.ofPattern("MM/yyyy").format(start));
        assertThat(minutes.chairName()).isEqualTo(VillageMeetings.SECRETARY);
        assertThat(minutes.minuteTakerName()).isEqualTo(VillageMeetings.MINUTE_TAKER);
        assertThat(minutes.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(minutes.body()).containsSubsequence(
                "I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC",
                "- Thời gian: bắt đầu lúc " + DateTimeFormatter.ofPattern("HH:mm").format(start) + " ngày "
                        + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(start) + ".",
                "- Địa điểm: Nhà văn hóa thôn Hòa Bình 3.",
                "- Hình thức: kết hợp trực tiếp và trực tuyến.",
                "II. CHỦ TRÌ, THƯ KÝ VÀ KHÁCH MỜI",
                "- Chủ trì: đồng chí Nguyễn Văn Thắng, Bí thư chi bộ.",
                "- Thư ký: đồng chí Trần Thị Hường, Phó Bí thư chi bộ.",
                "- Khách mời: ",
                "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP",
                "- Tổng số đảng viên của chi bộ: 36 đồng chí, trong đó: đảng viên chính thức 33, đảng viên dự bị 3.",
                "- Đảng viên sinh hoạt tạm thời tại chi bộ: 0; đảng viên đi sinh hoạt tạm thời nơi khác: 2; "
                        + "đảng viên được miễn công tác và sinh hoạt đảng: 5.",
                "- Có mặt: 27 đồng chí (tại hội trường: 22, trực tuyến: 5), trong đó có 3 đảng viên dự bị.",
                "- Vắng có lý do: 1 đồng chí:",
                "+ Đồng chí Võ Văn Hùng (lý do: Đi viện khám bệnh, có giấy báo).",
                "- Vắng không có lý do: 1 đồng chí:",
                "+ Đồng chí Dương Thị Thu.",
                "IV. NỘI DUNG SINH HOẠT",
                "1. Khai mạc, điểm danh",
                "- Nội dung: ",
                "- Ý kiến phát biểu",
                "- Kết luận của đồng chí chủ trì: ",
                "2. Kiểm điểm nhiệm vụ tháng",
                "Báo cáo của chi ủy",
                "3. Biểu quyết Nghị quyết tháng",
                "V. KẾT QUẢ BIỂU QUYẾT",
                "1. " + ClosedVillageMeetings.RESOLUTION,
                "- Số đảng viên tính biểu quyết: 25",
                "- Không tính vào số đảng viên tính biểu quyết: 8 đồng chí (đang sinh hoạt tạm thời nơi khác: 2; "
                        + "được miễn sinh hoạt và vắng mặt: 5; vắng mặt cả buổi có lý do được chấp thuận: 1).",
                "- Số phiếu tán thành cần có: 13",
                "- Tán thành: 22",
                "- Không tán thành: 1",
                "- Không có ý kiến: 1",
                "- Không tham gia biểu quyết: 1",
                "- Kết quả: được thông qua.",
                "Cuộc họp kết thúc lúc " + DateTimeFormatter.ofPattern("HH:mm").format(end) + " ngày "
                        + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(end) + ".");
        assertThat(minutes.paragraphs()).filteredOn(Minutes.Paragraph::heading).extracting(Minutes.Paragraph::text)
                .containsExactly("I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC", "II. CHỦ TRÌ, THƯ KÝ VÀ KHÁCH MỜI",
                        "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", "IV. NỘI DUNG SINH HOẠT", "V. KẾT QUẢ BIỂU QUYẾT");
        assertThat(audit.entriesFor("minutes", minutes.id())).extracting(AuditEntry::action)
                .containsExactly("minutes.drafted");
    }

    @Test
    void draftedInVietnameseWithoutVotes() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        MemberId taker = fixtures.member(commune.cell(), "Phạm Văn Cường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        fixtures.member(commune.cell(), "Hoàng Thị Giang", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = meetingManagement.schedule(secretary, commune.cell().id(), new MeetingDetails(
                MeetingKind.THEMATIC, MeetingMode.ONLINE, "Chuyên đề quý IV", start, start.plus(Duration.ofHours(2)),
                null, "https://meet.example.com/chuyen-de", chair, taker,
                List.of(new AgendaItem("Học tập chuyên đề", null))));
        meetingManagement.publish(secretary, id);
        meetingManagement.recordAttendance(secretary, id, chair, AttendanceStatus.PRESENT_ONLINE, null);
        meetingManagement.recordAttendance(secretary, id, taker, AttendanceStatus.PRESENT_ONLINE, null);
        meetingManagement.close(secretary, id);

        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(id).isPresent());
        Minutes minutes = book.of(id).orElseThrow();

        assertThat(minutes.title()).startsWith("SINH HOẠT CHI BỘ CHUYÊN ĐỀ THÁNG ");
        assertThat(minutes.placeAndDate()).startsWith("Thử ");
        assertThat(minutes.body())
                .contains("- Chủ trì: đồng chí Lê Thị Cúc.")
                .contains("- Hình thức: trực tuyến.")
                .doesNotContain("Địa điểm")
                .contains("- Vắng có lý do: không có.")
                .contains("- Vắng không có lý do: 1 đồng chí:")
                .contains("+ Đồng chí Hoàng Thị Giang.")
                .contains("Cuộc họp không có nội dung biểu quyết.");
    }

    @Test
    void editApproveAndFreeze() {
        Village village = closedMeetings.closedMeeting();
        Actor chair = village.secretary();
        Actor taker = village.minuteTaker();
        Minutes drafted = book.of(village.meeting()).orElseThrow();

        management.edit(taker, village.meeting(), drafted.body() + "\n\nÝ kiến: đồng chí Lê Văn Ân đề nghị  \r\n",
                drafted.version());
        Minutes edited = book.of(village.meeting()).orElseThrow();
        assertThat(edited.body()).endsWith("Ý kiến: đồng chí Lê Văn Ân đề nghị");
        assertThat(edited.version()).isEqualTo(drafted.version() + 1);

        assertThat(management.approve(chair, village.meeting(), edited.version())).isEqualTo(ApprovalOutcome.RECORDED);
        Minutes approvedByChair = book.of(village.meeting()).orElseThrow();
        assertThat(approvedByChair.chairApprovedAt()).isNotNull();
        assertThat(approvedByChair.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(management.approve(chair, village.meeting(), approvedByChair.version()))
                .isEqualTo(ApprovalOutcome.ALREADY_APPROVED);

        management.edit(taker, village.meeting(), "Nội dung đã sửa lại", approvedByChair.version());
        Minutes reedited = book.of(village.meeting()).orElseThrow();
        assertThat(reedited.chairApprovedAt()).isNull();
        assertThat(reedited.takerApprovedAt()).isNull();

        assertThatThrownBy(() -> management.approve(chair, village.meeting(), approvedByChair.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.error.changedMeanwhile");
        assertThatThrownBy(() -> management.edit(taker, village.meeting(), "Bản cũ", approvedByChair.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.error.changedMeanwhile");

        assertThat(management.approve(taker, village.meeting(), reedited.version()))
                .isEqualTo(ApprovalOutcome.RECORDED);
        assertThat(management.approve(chair, village.meeting(), reedited.version() + 1))
                .isEqualTo(ApprovalOutcome.MINUTES_APPROVED);
        Minutes approved = book.of(village.meeting()).orElseThrow();
        assertThat(approved.status()).isEqualTo(MinutesStatus.APPROVED);
        assertThat(approved.body()).isEqualTo("Nội dung đã sửa lại");

        assertThatThrownBy(() -> management.edit(taker, village.meeting(), "Sửa sau khi duyệt", approved.version()))
                .isInstanceOf(MinutesAlreadyApproved.class)
                .hasMessage("minutes.error.approved");
        assertThat(management.approve(taker, village.meeting(), approved.version()))
                .isEqualTo(ApprovalOutcome.ALREADY_APPROVED);
        assertThat(book.of(village.meeting()).orElseThrow()).isEqualTo(approved);
        assertThat(audit.entriesFor("minutes", approved.id())).extracting(AuditEntry::action)
                .containsExactly("minutes.drafted", "minutes.edited", "minutes.approved", "minutes.edited",
                        "minutes.approved", "minutes.approved");
    }

    @Test
    void onlySignatoriesWriteAndApprove() {
        Village village = closedMeetings.closedMeeting();
        Minutes minutes = book.of(village.meeting()).orElseThrow();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        Actor outsider = fixtures.accountWithoutMember(fixtures.cellUnder(village.commune().committee()),
                Role.CELL_SECRETARY);

        assertThatThrownBy(() -> management.edit(village.secretary(), village.meeting(), "Sửa", minutes.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notMinuteTaker");
        assertThatThrownBy(() -> management.approve(member, village.meeting(), minutes.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notSignatory");
        assertThatThrownBy(() -> management.edit(outsider, village.meeting(), "Sửa", minutes.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.visibleTo(outsider, village.meeting())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.edit(village.minuteTaker(), village.meeting(), " \n ", minutes.version()))
                .isInstanceOf(InvalidMinutes.class)
                .hasMessage("minutes.error.bodyMissing");
        assertThatThrownBy(() -> management.edit(village.minuteTaker(), village.meeting(), "x".repeat(100_001),
                minutes.version()))
                .isInstanceOf(InvalidMinutes.class)
                .hasMessage("minutes.error.bodyTooLong");
        assertThat(book.visibleTo(member, village.meeting())).contains(minutes);
        assertThat(book.of(village.meeting())).contains(minutes);
    }

    @Test
    void chairWhoTakesMinutesApprovesOnce() {
        var commune = fixtures.commune();
        MemberId both = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor actor = fixtures.account(commune.cell(), both, Role.MEMBER, Role.CELL_SECRETARY);
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = meetingManagement.schedule(actor, commune.cell().id(), new MeetingDetails(MeetingKind.REGULAR,
                MeetingMode.IN_PERSON, "Sinh hoạt tháng", start, start.plus(Duration.ofHours(2)), "Nhà văn hóa",
                null, both, both, List.of(new AgendaItem("Khai mạc", null))));
        meetingManagement.publish(actor, id);
        meetingManagement.close(actor, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(id).isPresent());

        assertThat(management.approve(actor, id, book.of(id).orElseThrow().version()))
                .isEqualTo(ApprovalOutcome.MINUTES_APPROVED);
        Minutes approved = book.of(id).orElseThrow();
        assertThat(approved.status()).isEqualTo(MinutesStatus.APPROVED);
        assertThat(approved.chairApprovedAt()).isNotNull();
        assertThat(approved.takerApprovedAt()).isNotNull();
    }
}
