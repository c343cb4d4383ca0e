package vn.chibo.minutes;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who reads drafts, writes, corrects and issues, for a closed meeting whose chair and minute taker hold no office. */
@SqlTest
class MinutesPermissionsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MinutesPermissions permissions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MinutesManagement management;

    @Autowired
    MinutesBook book;

    @Autowired
    Resolutions resolutions;

    @Autowired
    Meetings meetings;

    /** A closed meeting of a commune's cell, its signatories and its secretary. */
    record Closed(Fixtures.Commune commune, Meeting meeting, Actor chair, Actor minuteTaker, Actor secretary) {
    }

    /** Builds an actor of some kind for the closed meeting. */
    private interface ActorKind extends Function<MinutesPermissionsTests, Function<Closed, Actor>> {
    }

    static Stream<Arguments> actors() {
        return Stream.of(
                Arguments.of("chair", (ActorKind) test -> Closed::chair, true, true, false, false),
                Arguments.of("minute taker", (ActorKind) test -> Closed::minuteTaker, true, true, true, false),
                Arguments.of("secretary", (ActorKind) test -> Closed::secretary, true, true, true, true),
                Arguments.of("deputy secretary", role(Role.CELL_DEPUTY_SECRETARY), true, true, true, true),
                Arguments.of("committee member", role(Role.MEMBER, Role.CELL_COMMITTEE_MEMBER), true, false, false,
                        false),
                Arguments.of("plain member", role(Role.MEMBER), true, false, false, false),
                Arguments.of("officer above", (ActorKind) test -> closed -> test.fixtures
                        .accountWithoutMember(closed.commune().committee(), Role.COMMITTEE_OFFICER), true, false,
                        false, false),
                Arguments.of("secretary of a sibling cell", (ActorKind) test -> closed -> test.fixtures
                        .accountWithoutMember(test.fixtures.cellUnder(closed.commune().committee()),
                                Role.CELL_SECRETARY), false, false, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actors")
    void rightsFollowRoleAndSignature(String who, ActorKind kind, boolean view, boolean readDrafts, boolean edit,
            boolean issue) {
        Closed closed = closedMeeting();
        Actor actor = kind.apply(this).apply(closed);
        Meeting meeting = closed.meeting();
        Minutes draft = book.of(meeting.id()).orElseThrow();
        Resolution resolution = resolutions.of(meeting.id()).orElseThrow();

        assertThat(permissions.canView(actor, meeting)).as("view").isEqualTo(view);
        assertThat(permissions.canReadDrafts(actor, meeting)).as("read drafts").isEqualTo(readDrafts);
        assertThat(permissions.canRead(actor, meeting, draft)).as("read the draft minutes").isEqualTo(readDrafts);
        assertThat(permissions.canRead(actor, meeting, resolution)).as("read the draft resolution")
                .isEqualTo(readDrafts);
        assertThat(permissions.canEdit(actor, meeting, draft)).as("edit the draft").isEqualTo(edit);
        assertThat(permissions.canIssue(actor, meeting, resolution)).as("issue").isEqualTo(issue);
        assertThat(permissions.canStartCorrection(actor, meeting, draft)).as("correct a draft").isFalse();

        management.approve(closed.chair(), meeting.id(), draft.version());
        management.approve(closed.minuteTaker(), meeting.id(), draft.version() + 1);
        Minutes approved = book.of(meeting.id()).orElseThrow();
        assertThat(approved.isApproved()).isTrue();
        assertThat(permissions.canRead(actor, meeting, approved)).as("read approved minutes").isEqualTo(view);
        assertThat(permissions.canEdit(actor, meeting, approved)).as("edit approved minutes").isFalse();
        assertThat(permissions.canStartCorrection(actor, meeting, approved)).as("correct approved minutes")
                .isEqualTo(edit);
    }

    private Closed closedMeeting() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        MemberId taker = fixtures.member(commune.cell(), "Phạm Văn Cường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = meetingManagement.schedule(secretary, commune.cell().id(), new MeetingDetails(
                MeetingKind.REGULAR, MeetingMode.IN_PERSON, "Sinh hoạt tháng", start, start.plus(Duration.ofHours(2)),
                "Nhà văn hóa", null, chair, taker, List.of(new AgendaItem("Khai mạc", null))));
        meetingManagement.publish(secretary, id);
        meetingManagement.start(secretary, id);
        meetingManagement.close(secretary, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> resolutions.of(id).isPresent());
        return new Closed(commune, meetings.get(id), fixtures.account(commune.cell(), chair, Role.MEMBER),
                fixtures.account(commune.cell(), taker, Role.MEMBER), secretary);
    }

    private static ActorKind role(Role... roles) {
        return test -> closed -> test.fixtures.accountWithoutMember(closed.commune().cell(), roles);
    }
}
