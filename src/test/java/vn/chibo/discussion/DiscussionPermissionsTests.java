package vn.chibo.discussion;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may post, change and mark opinions, by person and by the meeting's status. */
@SqlTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscussionPermissionsTests {

    @Autowired
    DiscussionPermissions permissions;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    Village village;

    Map<String, MeetingId> byStatus;

    @BeforeAll
    void meetingsInEveryStatus() {
        village = fixtures.village();
        Instant later = Instant.now().plus(Duration.ofDays(2));
        MeetingId inProgress = fixtures.underway(village);
        MeetingId closed = fixtures.underway(village);
        management.close(village.secretary(), closed);
        MeetingId cancelled = fixtures.published(village, later);
        management.cancel(village.secretary(), cancelled, "Trùng lịch họp của xã");
        byStatus = Map.of("DRAFT", fixtures.draft(village, later), "PUBLISHED", fixtures.published(village, later),
                "IN_PROGRESS", inProgress, "CLOSED", closed, "CANCELLED", cancelled);
    }

    /** Each row: the person, then whether they may post in DRAFT, PUBLISHED, IN_PROGRESS, CLOSED, CANCELLED. */
    @Test
    void whoPostsByStatus() {
        Map<String, String> table = Map.of(
                "secretary", "-++--",
                "member", "-++--",
                "probationary", "-++--",
                "outsider", "-----",
                "officer", "-----");

        table.forEach((person, expected) -> assertThat(row(person, meeting -> permissions.canPost(actor(person),
                meeting))).as(person).isEqualTo(expected));
    }

    @Test
    void whoMarksSpokenByStatus() {
        Map<String, String> table = Map.of(
                "secretary", "--+--",
                "member", "-----",
                "probationary", "-----",
                "outsider", "-----",
                "officer", "-----");

        table.forEach((person, expected) -> assertThat(row(person, meeting -> permissions.canMarkSpoken(
                actor(person), meeting))).as(person).isEqualTo(expected));
    }

    @Test
    void onlyAuthorChangesOwnOpinion() {
        Map<String, String> table = Map.of(
                "secretary", "-----",
                "member", "-++--",
                "probationary", "-----",
                "outsider", "-----",
                "officer", "-----");
        MemberId author = village.memberOf(village.member()).id();

        table.forEach((person, expected) -> assertThat(row(person, meeting -> permissions.canChange(actor(person),
                meeting, opinionOf(author, meeting)))).as(person).isEqualTo(expected));
    }

    /** Returns the results of the check for DRAFT, PUBLISHED, IN_PROGRESS, CLOSED and CANCELLED as "+" and "-". */
    private String row(String person, Function<Meeting, Boolean> check) {
        var answers = new StringBuilder();
        for (String status : new String[] { "DRAFT", "PUBLISHED", "IN_PROGRESS", "CLOSED", "CANCELLED" }) {
            Meeting meeting = meetings.get(byStatus.get(status));
            assertThat(meeting.status().name()).isEqualTo(status);
            answers.append(check.apply(meeting) ? '+' : '-');
        }
        return answers.toString();
    }

    private Actor actor(String person) {
        return switch (person) {
            case "secretary" -> village.secretary();
            case "member" -> village.member();
            case "probationary" -> village.probationary();
            case "outsider" -> village.outsider();
            case "officer" -> village.officer();
            default -> throw new IllegalArgumentException(person);
        };
    }

    private static Opinion opinionOf(MemberId author, Meeting meeting) {
        return new Opinion(OpinionId.of(1), meeting.id(), 1, author, "Ý kiến", Instant.now(), null, false, null);
    }
}
