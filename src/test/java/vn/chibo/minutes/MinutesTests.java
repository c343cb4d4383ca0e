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
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
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

    @Autowired
    MinutesExport export;

    @Test
    void draftedAfterCloseWithEverySection() {
        Village village = closedMeetings.closedMeeting();

        Minutes minutes = book.of(village.meeting()).orElseThrow();
        ZonedDateTime start = village.startsAt().atZone(ZONE);
        ZonedDateTime end = meetings.get(village.meeting()).closedAt().atZone(ZONE);
        int month = start.getMonthValue();
        String placeAndDate = String.format("Minh An, ngày %02d tháng %s năm %d", start.getDayOfMonth(),
                month < 3 ? String.format("%02d", month) : Integer.toString(month), start.getYear());
        MinutesFacts facts = minutes.facts();

        assertThat(minutes.committeeName()).isEqualTo("ĐẢNG BỘ XÃ MINH AN");
        assertThat(minutes.cellName()).isEqualTo("CHI BỘ THÔN HÒA BÌNH 3");
        assertThat(minutes.placeAndDate()).isEqualTo(placeAndDate);
        assertThat(minutes.title()).isEqualTo("SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG "
                + DateTimeFormatter.ofPattern("MM/yyyy").format(start));
        assertThat(minutes.chairName()).isEqualTo(VillageMeetings.SECRETARY);
        assertThat(minutes.minuteTakerName()).isEqualTo(VillageMeetings.MINUTE_TAKER);
        assertThat(minutes.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(facts.opening()).containsExactly(
                "- Thời gian: bắt đầu lúc " + DateTimeFormatter.ofPattern("HH:mm").format(start)
                        + " (giờ Việt Nam, UTC+7) ngày "
                        + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(start) + ".",
                "- Địa điểm: Nhà văn hóa thôn Hòa Bình 3.",
                "- Hình thức: kết hợp trực tiếp và trực tuyến.");
        assertThat(facts.people()).containsExactly(
                "- Chủ trì: đồng chí Nguyễn Văn Thắng, Bí thư chi bộ.",
                "- Thư ký: đồng chí Trần Thị Hường, Phó Bí thư chi bộ.");
        assertThat(facts.attendance()).containsExactly(
                "- Tổng số đảng viên của chi bộ: 36 đồng chí, trong đó: đảng viên chính thức 33, đảng viên dự bị 3.",
                "- Đảng viên sinh hoạt tạm thời tại chi bộ: 0; đảng viên đi sinh hoạt tạm thời nơi khác: 2; "
                        + "đảng viên được miễn công tác và sinh hoạt đảng: 5.",
                "- Có mặt: 27 đồng chí (tại hội trường: 22, trực tuyến: 5), trong đó có 3 đảng viên dự bị.",
                "- Vắng có lý do: 1 đồng chí:",
                "+ Đồng chí Võ Văn Hùng.",
                "- Vắng không có lý do: 1 đồng chí:",
                "+ Đồng chí Dương Thị Thu.");
        assertThat(facts.votes()).containsExactly(
                "1. " + ClosedVillageMeetings.RESOLUTION,
                "- Số đảng viên tính biểu quyết: 25",
                "- Không tính vào số đảng viên tính biểu quyết: 8 đồng chí (đang sinh hoạt tạm thời nơi khác: 2; "
                        + "được miễn sinh hoạt và vắng mặt: 5; vắng mặt cả buổi có lý do được chấp thuận: 1).",
                "- Số phiếu tán thành cần có: 13",
                "- Tán thành: 22",
                "- Không tán thành: 1",
                "- Không có ý kiến: 1",
                "- Không tham gia biểu quyết: 1",
                "- Kết quả: được thông qua.");
        assertThat(facts.closing()).isEqualTo("Cuộc họp kết thúc lúc " + DateTimeFormatter.ofPattern("HH:mm").format(end)
                + " (giờ Việt Nam, UTC+7) ngày " + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(end) + ".");
        assertThat(minutes.narrative().items()).extracting(MinutesItem::number, MinutesItem::title,
                MinutesItem::description, MinutesItem::content, MinutesItem::speakers, MinutesItem::conclusion)
                .containsExactly(tuple(1, "Khai mạc, điểm danh", null, "", "", ""),
                        tuple(2, "Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy", "", "", ""),
                        tuple(3, "Biểu quyết Nghị quyết tháng", null, "", "", ""));
        assertThat(minutes.narrative().guests()).isEmpty();
        assertThat(minutes.narrative().otherMatters()).isEmpty();
        assertThat(audit.entriesFor("minutes", minutes.id())).extracting(AuditEntry::action)
                .containsExactly("minutes.drafted");
    }

    @Test
    void draftNamesAbsenteesWithoutReasons() {
        Village village = closedMeetings.closedMeeting();

        Minutes minutes = book.of(village.meeting()).orElseThrow();
        String printed = String.join("\n", export.layout(minutes).paragraphs().stream()
                .map(MinutesLayout.Paragraph::text).toList());

        assertThat(printed).contains("+ Đồng chí " + VillageMeetings.EXCUSED + ".")
                .contains("+ Đồng chí " + VillageMeetings.ABSENT + ".")
                .doesNotContain(VillageMeetings.EXCUSE)
                .doesNotContain("(lý do");
    }

    @Test
    void layoutFollowsOfficialOrder() {
        Village village = closedMeetings.closedMeeting();
        Minutes drafted = book.of(village.meeting()).orElseThrow();
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.GUESTS,
                "Đồng chí Lê Văn Bình, Đảng ủy viên xã", null, null), drafted.version());
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.agendaItem(2),
                "Chi ủy báo cáo kết quả tháng.\nĐạt 9 trên 10 chỉ tiêu.", "Đồng chí Lê Văn Ân: đề nghị làm đường.\n"
                        + "Đồng chí Phạm Thị Ánh: nhất trí.", "Giao chi ủy lập kế hoạch."), drafted.version() + 1);
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.OTHER_MATTERS,
                "Thu đảng phí quý IV.", null, null), drafted.version() + 2);

        MinutesLayout layout = export.layout(book.of(village.meeting()).orElseThrow());

        assertThat(layout.paragraphs()).filteredOn(MinutesLayout.Paragraph::heading)
                .extracting(MinutesLayout.Paragraph::text, MinutesLayout.Paragraph::style)
                .containsExactly(tuple("I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC", MinutesLayout.Style.SECTION),
                        tuple("II. CHỦ TRÌ, THƯ KÝ VÀ KHÁCH MỜI", MinutesLayout.Style.SECTION),
                        tuple("III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", MinutesLayout.Style.SECTION),
                        tuple("IV. NỘI DUNG SINH HOẠT", MinutesLayout.Style.SECTION),
                        tuple("1. Khai mạc, điểm danh", MinutesLayout.Style.ITEM),
                        tuple("2. Kiểm điểm nhiệm vụ tháng", MinutesLayout.Style.ITEM),
                        tuple("3. Biểu quyết Nghị quyết tháng", MinutesLayout.Style.ITEM),
                        tuple("V. KẾT QUẢ BIỂU QUYẾT", MinutesLayout.Style.SECTION));
        assertThat(layout.paragraphs()).extracting(MinutesLayout.Paragraph::text).containsSubsequence(
                "- Thư ký: đồng chí Trần Thị Hường, Phó Bí thư chi bộ.",
                "- Khách mời: Đồng chí Lê Văn Bình, Đảng ủy viên xã",
                "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP",
                "1. Khai mạc, điểm danh",
                "- Nội dung: ........................................",
                "- Ý kiến phát biểu (họ tên, ý kiến): ........................................",
                "- Kết luận của đồng chí chủ trì: ........................................",
                "2. Kiểm điểm nhiệm vụ tháng",
                "Báo cáo của chi ủy",
                "- Nội dung: Chi ủy báo cáo kết quả tháng.",
                "Đạt 9 trên 10 chỉ tiêu.",
                "- Ý kiến phát biểu:",
                "Đồng chí Lê Văn Ân: đề nghị làm đường.",
                "Đồng chí Phạm Thị Ánh: nhất trí.",
                "- Kết luận của đồng chí chủ trì: Giao chi ủy lập kế hoạch.",
                "3. Biểu quyết Nghị quyết tháng",
                "- Các vấn đề khác: Thu đảng phí quý IV.",
                "V. KẾT QUẢ BIỂU QUYẾT",
                "- Tán thành: 22",
                "- Kết quả: được thông qua.");
        assertThat(layout.paragraphs().getLast().text()).startsWith("Cuộc họp kết thúc lúc ");
        assertThat(layout.blocks()).extracting(MinutesLayout.Block::part).containsSubsequence(NarrativePart.GUESTS,
                NarrativePart.agendaItem(1), NarrativePart.agendaItem(2), NarrativePart.agendaItem(3),
                NarrativePart.OTHER_MATTERS);
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
        meetingManagement.start(secretary, id);
        meetingManagement.recordAttendance(secretary, id, chair, AttendanceStatus.PRESENT_ONLINE, null);
        meetingManagement.recordAttendance(secretary, id, taker, AttendanceStatus.PRESENT_ONLINE, null);
        meetingManagement.close(secretary, id);

        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(id).isPresent());
        Minutes minutes = book.of(id).orElseThrow();

        assertThat(minutes.title()).startsWith("SINH HOẠT CHI BỘ CHUYÊN ĐỀ THÁNG ");
        assertThat(minutes.placeAndDate()).startsWith("Thử ");
        assertThat(minutes.facts().people()).contains("- Chủ trì: đồng chí Lê Thị Cúc.");
        assertThat(minutes.facts().opening()).contains("- Hình thức: trực tuyến.")
                .noneMatch(line -> line.contains("Địa điểm"));
        assertThat(minutes.facts().attendance()).contains("- Vắng có lý do: không có.",
                "- Vắng không có lý do: 1 đồng chí:", "+ Đồng chí Hoàng Thị Giang.");
        assertThat(minutes.facts().votes()).containsExactly("Cuộc họp không có nội dung biểu quyết.");
    }

    @Test
    void editApproveAndFreeze() {
        Village village = closedMeetings.closedMeeting();
        Actor chair = village.secretary();
        Actor taker = village.minuteTaker();
        Minutes drafted = book.of(village.meeting()).orElseThrow();
        var firstItem = NarrativePart.agendaItem(1);

        management.edit(taker, village.meeting(), new NarrativeEdit(firstItem, "  Khai mạc lúc 19:30  \r\n",
                "Đồng chí Lê Văn Ân đề nghị  \r\nĐồng chí Hà nhất trí", null), drafted.version());
        Minutes edited = book.of(village.meeting()).orElseThrow();
        assertThat(edited.narrative().item(1)).get().satisfies(item -> {
            assertThat(item.content()).isEqualTo("Khai mạc lúc 19:30");
            assertThat(item.speakers()).isEqualTo("Đồng chí Lê Văn Ân đề nghị\nĐồng chí Hà nhất trí");
            assertThat(item.conclusion()).isEmpty();
            assertThat(item.title()).isEqualTo("Khai mạc, điểm danh");
        });
        assertThat(edited.version()).isEqualTo(drafted.version() + 1);
        assertThat(edited.updatedBy()).isEqualTo(taker.accountId().value());
        assertThat(edited.facts()).isEqualTo(drafted.facts());

        assertThat(management.approve(chair, village.meeting(), edited.version())).isEqualTo(ApprovalOutcome.RECORDED);
        Minutes approvedByChair = book.of(village.meeting()).orElseThrow();
        assertThat(approvedByChair.chairApprovedAt()).isNotNull();
        assertThat(approvedByChair.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(management.approve(chair, village.meeting(), approvedByChair.version()))
                .isEqualTo(ApprovalOutcome.ALREADY_APPROVED);

        management.edit(taker, village.meeting(), new NarrativeEdit(NarrativePart.GUESTS, "Đồng chí Lê Văn Bình",
                null, null), approvedByChair.version());
        Minutes reedited = book.of(village.meeting()).orElseThrow();
        assertThat(reedited.chairApprovedAt()).isNull();
        assertThat(reedited.takerApprovedAt()).isNull();
        assertThat(reedited.narrative().guests()).isEqualTo("Đồng chí Lê Văn Bình");

        assertThatThrownBy(() -> management.approve(chair, village.meeting(), approvedByChair.version()))
                .isInstanceOf(MinutesChangedMeanwhile.class)
                .hasMessage("minutes.error.changedMeanwhile");
        assertThatThrownBy(() -> management.edit(taker, village.meeting(), new NarrativeEdit(NarrativePart.GUESTS,
                "Bản cũ", null, null), approvedByChair.version()))
                .isInstanceOf(MinutesChangedMeanwhile.class)
                .hasMessage("minutes.error.changedMeanwhile");
        assertThat(book.of(village.meeting()).orElseThrow().narrative().guests()).isEqualTo("Đồng chí Lê Văn Bình");

        assertThat(management.approve(taker, village.meeting(), reedited.version()))
                .isEqualTo(ApprovalOutcome.RECORDED);
        assertThat(management.approve(chair, village.meeting(), reedited.version() + 1))
                .isEqualTo(ApprovalOutcome.MINUTES_APPROVED);
        Minutes approved = book.of(village.meeting()).orElseThrow();
        assertThat(approved.status()).isEqualTo(MinutesStatus.APPROVED);

        assertThatThrownBy(() -> management.edit(taker, village.meeting(), new NarrativeEdit(NarrativePart.GUESTS,
                "Sửa sau khi duyệt", null, null), approved.version()))
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
    void secretaryStandsInForMinuteTaker() {
        Village village = closedMeetings.closedMeeting();
        Minutes minutes = book.of(village.meeting()).orElseThrow();
        Actor standIn = fixtures.accountWithoutMember(village.commune().cell(), Role.CELL_SECRETARY);

        management.edit(standIn, village.meeting(), new NarrativeEdit(NarrativePart.agendaItem(3),
                "Biểu quyết thông qua nghị quyết", null, "Nghị quyết được thông qua"), minutes.version());
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.OTHER_MATTERS,
                "Không có", null, null), minutes.version() + 1);

        Minutes edited = book.of(village.meeting()).orElseThrow();
        assertThat(edited.narrative().item(3)).get().extracting(MinutesItem::content, MinutesItem::conclusion)
                .containsExactly("Biểu quyết thông qua nghị quyết", "Nghị quyết được thông qua");
        assertThat(edited.updatedBy()).isEqualTo(village.minuteTaker().accountId().value());
        assertThatThrownBy(() -> management.approve(standIn, village.meeting(), edited.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notSignatory");
        List<AuditEntry> edits = audit.entriesFor("minutes", minutes.id()).stream()
                .filter(entry -> entry.action().equals("minutes.edited"))
                .toList();
        assertThat(edits).extracting(AuditEntry::actorAccountId)
                .containsExactly(standIn.accountId().value(), village.minuteTaker().accountId().value());
        assertThat(edits).extracting(AuditEntry::detail).containsExactly(
                "meeting=" + village.meeting() + " part=item-3 editor=CELL_RUNNER version=" + (minutes.version() + 1),
                "meeting=" + village.meeting() + " part=other-matters editor=MINUTE_TAKER version="
                        + (minutes.version() + 2));
    }

    @Test
    void onlyEditorsWriteOnlySignatoriesApprove() {
        Village village = closedMeetings.closedMeeting();
        Minutes minutes = book.of(village.meeting()).orElseThrow();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        Actor officer = fixtures.accountWithoutMember(village.commune().committee(), Role.COMMITTEE_OFFICER);
        Actor outsider = fixtures.accountWithoutMember(fixtures.cellUnder(village.commune().committee()),
                Role.CELL_SECRETARY);
        var guests = new NarrativeEdit(NarrativePart.GUESTS, "Sửa", null, null);

        assertThatThrownBy(() -> management.edit(member, village.meeting(), guests, minutes.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notEditor");
        assertThatThrownBy(() -> management.edit(officer, village.meeting(), guests, minutes.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notEditor");
        assertThatThrownBy(() -> management.approve(member, village.meeting(), minutes.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.error.notSignatory");
        assertThatThrownBy(() -> management.edit(outsider, village.meeting(), guests, minutes.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.visibleTo(outsider, village.meeting())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(
                NarrativePart.agendaItem(4), "Mục không có", null, null), minutes.version()))
                .isInstanceOf(NotFoundException.class);
        assertThat(book.visibleTo(member, village.meeting())).contains(minutes);
        assertThat(book.of(village.meeting())).contains(minutes);
    }

    @Test
    void rejectsTooLongTextsStoringNothing() {
        Village village = closedMeetings.closedMeeting();
        Minutes minutes = book.of(village.meeting()).orElseThrow();
        Actor taker = village.minuteTaker();
        var item = NarrativePart.agendaItem(1);
        record Case(NarrativeEdit edit, String field, String key, int max) {
        }
        List<Case> cases = List.of(
                new Case(new NarrativeEdit(NarrativePart.GUESTS, "x".repeat(2001), null, null), "text",
                        "minutes.error.guestsTooLong", 2000),
                new Case(new NarrativeEdit(item, "x".repeat(20_001), null, null), "text",
                        "minutes.error.contentTooLong", 20_000),
                new Case(new NarrativeEdit(item, "", "x".repeat(20_001), null), "speakers",
                        "minutes.error.speakersTooLong", 20_000),
                new Case(new NarrativeEdit(item, "", "", "x".repeat(5001)), "conclusion",
                        "minutes.error.conclusionTooLong", 5000),
                new Case(new NarrativeEdit(NarrativePart.OTHER_MATTERS, "x".repeat(20_001), null, null), "text",
                        "minutes.error.otherMattersTooLong", 20_000));

        for (Case each : cases) {
            assertThatThrownBy(() -> management.edit(taker, village.meeting(), each.edit(), minutes.version()))
                    .as(each.key())
                    .isInstanceOf(InvalidMinutes.class)
                    .hasMessage(each.key())
                    .satisfies(failure -> assertThat(((InvalidMinutes) failure).field()).isEqualTo(each.field()))
                    .satisfies(failure -> assertThat(((InvalidMinutes) failure).messageArguments())
                            .containsExactly(each.max()));
        }
        management.edit(taker, village.meeting(), new NarrativeEdit(item, "x".repeat(20_000), "y".repeat(20_000),
                "z".repeat(5000)), minutes.version());
        assertThat(book.of(village.meeting()).orElseThrow().narrative().item(1)).get()
                .extracting(each -> each.content().length(), each -> each.speakers().length(),
                        each -> each.conclusion().length())
                .containsExactly(20_000, 20_000, 5000);
    }

    @Test
    void narrativePartCodesRoundTrip() {
        for (NarrativePart part : List.of(NarrativePart.GUESTS, NarrativePart.OTHER_MATTERS,
                NarrativePart.agendaItem(1), NarrativePart.agendaItem(12))) {
            assertThat(NarrativePart.parse(part.code())).as(part.code()).contains(part);
        }
        for (String code : List.of("item-0", "item--1", "item-01", "item-99999", "item-abc", "attendance", "votes",
                "")) {
            assertThat(NarrativePart.parse(code)).as(code).isEmpty();
        }
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
        meetingManagement.start(actor, id);
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
