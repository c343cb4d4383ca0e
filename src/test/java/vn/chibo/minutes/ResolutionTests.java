package vn.chibo.minutes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
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

/** The resolution of a meeting: drafted from the passed motions, edited, issued with its number. */
@SqlTest
class ResolutionTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Resolutions resolutions;

    @Autowired
    ResolutionManagement management;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MinutesExport export;

    @Autowired
    AuditLog audit;

    @Test
    void draftedFromPassedMotions() {
        Village village = closedMeetings.closedMeeting();

        Resolution draft = resolutions.of(village.meeting()).orElseThrow();

        assertThat(draft.status()).isEqualTo(ResolutionStatus.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.numberText()).isNull();
        assertThat(draft.cellName()).isEqualTo("CHI BỘ THÔN HÒA BÌNH 3");
        assertThat(draft.committeeName()).isEqualTo("ĐẢNG BỘ XÃ MINH AN");
        assertThat(draft.locality()).isEqualTo("Minh An");
        assertThat(draft.signerName()).isEqualTo(VillageMeetings.SECRETARY);
        assertThat(draft.decisions().lines().toList()).containsExactly(
                "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                "Căn cứ kết quả sinh hoạt và biểu quyết của chi bộ ngày "
                        + dateOf(village.startsAt()) + ",",
                "CHI BỘ QUYẾT NGHỊ:",
                "1. " + ClosedVillageMeetings.RESOLUTION);
        MinutesLayout layout = export.layout(draft);
        assertThat(layout.heading()).isEqualTo("NGHỊ QUYẾT");
        assertThat(layout.number()).isEqualTo("Số ...-NQ/CB");
        assertThat(layout.placeAndDate()).isEqualTo("Minh An, ngày ... tháng ... năm ...");
        assertThat(layout.draftMark()).isEqualTo("(Dự thảo, chưa ban hành)");
        assertThat(layout.right().role()).isEqualTo("T/M CHI BỘ");
        assertThat(audit.entriesFor("resolution", draft.id())).extracting(AuditEntry::action)
                .containsExactly("resolution.drafted");
    }

    @Test
    void editIssueAndFreeze() {
        Village village = closedMeetings.closedMeeting();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        Resolution draft = resolutions.of(village.meeting()).orElseThrow();
        String text = "CHI BỘ QUYẾT NGHỊ:\r\n1. Làm đường liên thôn trước Tết.  \n2. Thu đảng phí quý IV.";

        assertThat(resolutions.visibleTo(member, village.meeting())).isEmpty();
        assertThatThrownBy(() -> management.edit(member, village.meeting(), text, draft.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.edit(village.secretary(), village.meeting(), " ", draft.version()))
                .isInstanceOf(InvalidMinutes.class)
                .hasMessage("minutes.resolution.error.empty");
        assertThatThrownBy(() -> management.edit(village.secretary(), village.meeting(), "x".repeat(20_001),
                draft.version()))
                .isInstanceOf(InvalidMinutes.class)
                .hasMessage("minutes.resolution.error.tooLong");

        management.edit(village.secretary(), village.meeting(), text, draft.version());
        Resolution edited = resolutions.of(village.meeting()).orElseThrow();
        assertThat(edited.decisions())
                .isEqualTo("CHI BỘ QUYẾT NGHỊ:\n1. Làm đường liên thôn trước Tết.\n2. Thu đảng phí quý IV.");
        assertThatThrownBy(() -> management.issue(village.secretary(), village.meeting(), draft.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.resolution.error.changedMeanwhile");

        Resolution issued = management.issue(village.secretary(), village.meeting(), edited.version());

        LocalDate today = LocalDate.now(ZONE);
        assertThat(issued.status()).isEqualTo(ResolutionStatus.ISSUED);
        assertThat(issued.number()).isEqualTo(1);
        assertThat(issued.issueYear()).isEqualTo(today.getYear());
        assertThat(issued.numberText()).isEqualTo("01-NQ/CB");
        assertThat(issued.placeAndDate()).startsWith("Minh An, ngày ").endsWith(" năm " + today.getYear());
        assertThat(issued.issuedBy()).isEqualTo(village.secretary().accountId().value());
        assertThat(export.layout(issued).number()).isEqualTo("Số 01-NQ/CB");
        assertThat(export.layout(issued).draftMark()).isNull();
        assertThat(resolutions.visibleTo(member, village.meeting())).contains(issued);
        assertThatThrownBy(() -> management.issue(village.secretary(), village.meeting(), issued.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.resolution.error.issued");
        assertThatThrownBy(() -> management.edit(village.secretary(), village.meeting(), "Sửa", issued.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.resolution.error.issued");
        assertThat(resolutions.of(village.meeting())).contains(issued);
        assertThat(audit.entriesFor("resolution", issued.id())).extracting(AuditEntry::action)
                .containsExactly("resolution.drafted", "resolution.edited", "resolution.issued");
    }

    @Test
    void numbersUniqueUnderConcurrentIssue() throws Exception {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), chair, Role.MEMBER, Role.CELL_SECRETARY);
        int count = 5;
        List<MeetingId> meetings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            meetings.add(closedMeeting(secretary, commune.cell().id(), chair, i));
        }
        List<Integer> versions = meetings.stream()
                .map(meeting -> resolutions.of(meeting).orElseThrow().version())
                .toList();
        var start = new CountDownLatch(1);
        List<Future<Resolution>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                MeetingId meeting = meetings.get(i);
                int version = versions.get(i);
                Callable<Resolution> issue = () -> {
                    start.await();
                    return management.issue(secretary, meeting, version);
                };
                results.add(pool.submit(issue));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<Resolution> result : results) {
                numbers.add(result.get().number());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
        assertThat(resolutions.issuedOf(secretary, commune.cell().id())).extracting(Resolution::number)
                .containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void chairWithoutOfficeReadsButCannotIssue() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor chairAccount = fixtures.account(commune.cell(), chair, Role.MEMBER);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MeetingId meeting = closedMeeting(secretary, commune.cell().id(), chair, 0);
        Resolution draft = resolutions.of(meeting).orElseThrow();

        assertThat(resolutions.visibleTo(chairAccount, meeting)).contains(draft);
        assertThatThrownBy(() -> management.edit(chairAccount, meeting, "1. Sửa", draft.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.resolution.error.notIssuer");
        assertThatThrownBy(() -> management.issue(chairAccount, meeting, draft.version()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("minutes.resolution.error.notIssuer");
        assertThat(management.issue(secretary, meeting, draft.version()).number()).isEqualTo(1);
    }

    @Test
    void cellListShowsIssuedOnly() {
        Village first = closedMeetings.closedMeeting();
        Actor member = villages.accountOf(first, "Phạm Thị Ánh");
        Actor outsider = fixtures.accountWithoutMember(fixtures.cellUnder(first.commune().committee()),
                Role.CELL_SECRETARY);

        assertThat(resolutions.issuedOf(member, first.commune().cell().id())).isEmpty();
        management.issue(first.secretary(), first.meeting(), resolutions.of(first.meeting()).orElseThrow().version());

        assertThat(resolutions.issuedOf(member, first.commune().cell().id())).extracting(Resolution::meetingId)
                .containsExactly(first.meeting());
        assertThatThrownBy(() -> resolutions.issuedOf(outsider, first.commune().cell().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resolutions.visibleTo(outsider, first.meeting()))
                .isInstanceOf(NotFoundException.class);
    }

    private MeetingId closedMeeting(Actor secretary, vn.chibo.organization.OrganizationId cell, MemberId chair,
            int index) {
        Instant start = Instant.now().minus(Duration.ofHours(3 + index)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = meetingManagement.schedule(secretary, cell, new MeetingDetails(MeetingKind.THEMATIC,
                MeetingMode.IN_PERSON, "Chuyên đề " + index, start, start.plus(Duration.ofHours(2)), "Nhà văn hóa",
                null, chair, chair, List.of(new AgendaItem("Học tập chuyên đề", null))));
        meetingManagement.publish(secretary, id);
        meetingManagement.start(secretary, id);
        meetingManagement.close(secretary, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> resolutions.of(id).isPresent());
        return id;
    }

    private static String dateOf(Instant instant) {
        return vn.chibo.system.Formats.DATE.format(instant.atZone(ZONE));
    }
}
