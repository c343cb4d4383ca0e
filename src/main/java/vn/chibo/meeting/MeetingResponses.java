package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.system.ConflictException;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.VietnameseText;

/**
 * Members' answers to published meetings, and the secretary's decisions on the reasons for staying
 * away. An approved reason puts the member on the roll as absent with reason, a rejected one as
 * absent without reason.
 */
@Component
public class MeetingResponses {

    static final int REASON_MAX_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(MeetingResponses.class);

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Attendances attendances;
    private final MeetingPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeetingResponses(JdbcClient jdbc, Meetings meetings, Attendances attendances, MeetingPermissions permissions,
            AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.attendances = attendances;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the actor's own answer, replacing an earlier one. A changed answer resets the decision on
     * the earlier reason and takes back the roll mark that decision made, so the secretary decides again.
     *
     * @param reason why the member stays away; kept only with {@link ResponseAnswer#ABSENT}
     */
    @Transactional
    public MeetingResponse answer(Actor actor, MeetingId meetingId, ResponseAnswer answer, @Nullable String reason) {
        Meeting meeting = meetings.get(meetingId);
        Member member = permissions.requireAnswer(actor, meeting);
        String keptReason = answer == ResponseAnswer.ABSENT ? cleanReason(reason) : null;

        Optional<MeetingResponse> earlier = of(meetingId, member.id());
        if (earlier.isPresent() && earlier.get().answer() == answer
                && Objects.equals(earlier.get().reason(), keptReason)) {
            return earlier.get();
        }
        earlier.ifPresent(previous -> takeBackDecidedMark(actor, meeting, previous));

        Instant now = clock.instant();
        var response = new MeetingResponse(meetingId, member.id(), answer, keptReason,
                keptReason == null ? null : ReasonDecision.PENDING, now);
        save(response);
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "meeting.response.answered",
                "meeting", meetingId.value(), "member=" + member.id() + " answer=" + answer + " reason="
                        + (keptReason != null) + (earlier.isPresent() ? " changed=true" : "")));
        log.info("Meeting {}: member {} answered {}", meetingId, member.id(), answer);
        return response;
    }

    /**
     * Approves or rejects the reason a member gave for staying away, and marks the roll accordingly.
     * Only those who run the cell decide, while the meeting is published. The member is notified.
     */
    @Transactional
    public void decide(Actor actor, MeetingId meetingId, MemberId memberId, boolean approve) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireManage(actor, meeting);
        meeting.requireStatus(MeetingStatus.PUBLISHED);
        MeetingResponse response = of(meetingId, memberId)
                .filter(found -> found.reason() != null)
                .orElseThrow(() -> new ConflictException("meeting.response.error.noReason"));

        ReasonDecision decision = approve ? ReasonDecision.APPROVED : ReasonDecision.REJECTED;
        Instant now = clock.instant();
        jdbc.sql("""
                update meeting_response set reason_decision = :decision, decided_by = :actor, decided_at = :now,
                                            decision_revision = decision_revision + 1
                where meeting_id = :meeting and member_id = :member
                """)
                .param("decision", decision.name())
                .param("actor", actor.accountId().value())
                .param("now", JdbcTime.param(now))
                .param("meeting", meetingId.value())
                .param("member", memberId.value())
                .update();
        AttendanceStatus mark = markFor(decision);
        attendances.record(meetingId, memberId, mark, approve ? response.reason() : null, actor.accountId().value(),
                now);
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "meeting.response.decided",
                "meeting", meetingId.value(), "member=" + memberId + " decision=" + decision));
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "attendance.recorded",
                "meeting", meetingId.value(), "member=" + memberId + " status=" + mark));
        events.publishEvent(new AbsenceReasonDecided(meetingId, meeting.cellId(), memberId, approve,
                decisionRevision(meetingId, memberId)));
        log.info("Meeting {}: absence reason of member {} {}", meetingId, memberId, decision);
    }

    private int decisionRevision(MeetingId meetingId, MemberId memberId) {
        return jdbc.sql("select decision_revision from meeting_response where meeting_id = :meeting and member_id = :member")
                .param("meeting", meetingId.value())
                .param("member", memberId.value())
                .query(Integer.class)
                .single();
    }

    /** Returns the answers to a meeting by member. It checks no permission. */
    public Map<MemberId, MeetingResponse> of(MeetingId meetingId) {
        var responses = new LinkedHashMap<MemberId, MeetingResponse>();
        jdbc.sql(SELECT + " where meeting_id = :meeting order by answered_at")
                .param("meeting", meetingId.value())
                .query(MeetingResponses::map)
                .list()
                .forEach(response -> responses.put(response.memberId(), response));
        return responses;
    }

    public Optional<MeetingResponse> of(MeetingId meetingId, MemberId memberId) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting and member_id = :member")
                .param("meeting", meetingId.value())
                .param("member", memberId.value())
                .query(MeetingResponses::map)
                .optional();
    }

    /** Returns the reasons for staying away that wait for the secretary's decision, oldest first. */
    public List<MeetingResponse> pending(MeetingId meetingId) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting and reason_decision = 'PENDING' order by answered_at")
                .param("meeting", meetingId.value())
                .query(MeetingResponses::map)
                .list();
    }

    public int pendingCount(MeetingId meetingId) {
        return jdbc.sql("""
                select count(*) from meeting_response where meeting_id = :meeting and reason_decision = 'PENDING'
                """)
                .param("meeting", meetingId.value())
                .query(Integer.class)
                .single();
    }

    private void takeBackDecidedMark(Actor actor, Meeting meeting, MeetingResponse previous) {
        if (previous.decision() != ReasonDecision.APPROVED && previous.decision() != ReasonDecision.REJECTED) {
            return;
        }
        AttendanceStatus decided = markFor(previous.decision());
        Optional<RollMark> mark = attendances.of(meeting.id(), previous.memberId());
        if (mark.isPresent() && mark.get().status() == decided) {
            attendances.remove(meeting.id(), previous.memberId());
            audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "attendance.removed",
                    "meeting", meeting.id().value(), "member=" + previous.memberId() + " status=" + decided));
        }
    }

    private static AttendanceStatus markFor(ReasonDecision decision) {
        return decision == ReasonDecision.APPROVED ? AttendanceStatus.ABSENT_EXCUSED : AttendanceStatus.ABSENT_UNEXCUSED;
    }

    private void save(MeetingResponse response) {
        int updated = jdbc.sql("""
                update meeting_response set answer = :answer, reason = :reason, reason_decision = :decision,
                                            decided_by = null, decided_at = null, answered_at = :now
                where meeting_id = :meeting and member_id = :member
                """)
                .param("answer", response.answer().name())
                .param("reason", response.reason())
                .param("decision", response.decision() == null ? null : response.decision().name())
                .param("now", JdbcTime.param(response.answeredAt()))
                .param("meeting", response.meetingId().value())
                .param("member", response.memberId().value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into meeting_response (meeting_id, member_id, answer, reason, reason_decision, answered_at)
                    values (:meeting, :member, :answer, :reason, :decision, :now)
                    """)
                    .param("meeting", response.meetingId().value())
                    .param("member", response.memberId().value())
                    .param("answer", response.answer().name())
                    .param("reason", response.reason())
                    .param("decision", response.decision() == null ? null : response.decision().name())
                    .param("now", JdbcTime.param(response.answeredAt()))
                    .update();
        }
    }

    private static @Nullable String cleanReason(@Nullable String reason) {
        String cleaned = VietnameseText.cleanOrNull(reason);
        if (cleaned != null && cleaned.length() > REASON_MAX_LENGTH) {
            throw new InvalidMeeting("meeting.response.error.reasonTooLong", REASON_MAX_LENGTH);
        }
        return cleaned;
    }

    private static final String SELECT = """
            select meeting_id, member_id, answer, reason, reason_decision, answered_at from meeting_response
            """;

    private static MeetingResponse map(ResultSet row, int rowNumber) throws SQLException {
        String decision = row.getString("reason_decision");
        return new MeetingResponse(MeetingId.of(row.getLong("meeting_id")), MemberId.of(row.getLong("member_id")),
                ResponseAnswer.valueOf(row.getString("answer")), row.getString("reason"),
                decision == null ? null : ReasonDecision.valueOf(decision), JdbcTime.instant(row, "answered_at"));
    }
}
