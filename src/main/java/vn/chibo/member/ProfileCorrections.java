package vn.chibo.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.MemberDataCipher.Purpose;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;

/**
 * Corrections of a profile on the member's request: the member asks for a new value of one field with
 * a reason, and whoever runs the member's cell approves it, which changes the profile like an edit
 * (audited with the field's name), or rejects it with a reason. Requests and decisions are kept, and
 * the member and those who may see the profile see them. Statuses are not corrected this way, because
 * they change only through decisions that the status history records.
 */
@Component
public class ProfileCorrections {

    /**
     * The fields a member may ask to correct, each typed as the profile form takes it. Sex is left out
     * because the form offers it as a choice, not as text; the secretary edits it directly.
     */
    public static final Set<RosterColumn> CORRECTABLE = EnumSet.of(RosterColumn.FULL_NAME,
            RosterColumn.BIRTH_DATE, RosterColumn.HOMETOWN, RosterColumn.ADMISSION_DATE, RosterColumn.OFFICIAL_DATE,
            RosterColumn.PARTY_CARD_NUMBER, RosterColumn.PHONE, RosterColumn.EMAIL, RosterColumn.OCCUPATION,
            RosterColumn.ADDRESS);

    static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(ProfileCorrections.class);

    private static final String SELECT = """
            select id, member_id, cell_id, field, requested_value, reason, status, requested_by, requested_at,
                   decided_by, decided_at, decision_reason
            from profile_correction
            """;

    private final JdbcClient jdbc;
    private final Members members;
    private final MemberPermissions permissions;
    private final MemberProfiles profiles;
    private final MemberDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileCorrections(JdbcClient jdbc, Members members, MemberPermissions permissions, MemberProfiles profiles,
            MemberDataCipher cipher, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.permissions = permissions;
        this.profiles = profiles;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the signed-in member's request to correct a field of their own profile. The caller has
     * checked the value with the rules of the profile form.
     *
     * @throws InvalidInputException when the field may not be corrected this way or the reason is missing or too long
     * @throws ConflictException when a request for the same field is still pending
     */
    @Transactional
    public long request(Actor actor, RosterColumn field, String value, String reason) {
        Member member = actor.member().flatMap(id -> members.find(MemberId.of(id)))
                .orElseThrow(NotFoundException::hidden);
        if (!CORRECTABLE.contains(field)) {
            throw new InvalidInputException("member.correction.error.field");
        }
        String cleanReason = requireReason(reason);
        if (pendingFor(member.id(), field)) {
            throw new ConflictException("member.correction.error.pending");
        }

        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into profile_correction (member_id, cell_id, field, requested_value, reason, status,
                                                requested_by, requested_at)
                values (:member, :cell, :field, :value, :reason, 'PENDING', :account, :now)
                """)
                .param("member", member.id().value())
                .param("cell", member.cellId().value())
                .param("field", field.name())
                .param("value", cipher.encrypt(Purpose.CORRECTION, value.strip()))
                .param("reason", cleanReason)
                .param("account", actor.accountId().value())
                .param("now", JdbcTime.param(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(new AuditEntry(actor.accountId().value(), member.cellId().value(), "member.correctionRequested",
                "member", member.id().value(), "correction=" + id + " field=" + field.name()));
        log.info("Member {} requested correction {} of field {}", member.id(), id, field);
        return id;
    }

    /**
     * Returns the member's correction requests, newest first, for the member and those who may see the
     * profile.
     */
    @Transactional(readOnly = true)
    public List<ProfileCorrection> of(Actor actor, MemberId id) {
        Member member = members.find(id).orElseThrow(NotFoundException::hidden);
        requireSelfOrViewer(actor, member);
        return jdbc.sql(SELECT + " where member_id = :member order by requested_at desc, id desc")
                .param("member", id.value())
                .query(this::map)
                .list();
    }

    /** Returns the pending requests of the members of a cell, oldest first, for those who run it. */
    @Transactional(readOnly = true)
    public List<ProfileCorrection> pendingOfCell(Actor actor, OrganizationId cell) {
        permissions.requireManageRoster(actor, cell);
        return jdbc.sql(SELECT + " where cell_id = :cell and status = 'PENDING' order by requested_at, id")
                .param("cell", cell.value())
                .query(this::map)
                .list();
    }

    /**
     * Returns one request for those who may decide it: those who run the cell that keeps the member's
     * record.
     */
    @Transactional(readOnly = true)
    public ProfileCorrection forDecision(Actor actor, long id) {
        ProfileCorrection correction = find(id).orElseThrow(NotFoundException::hidden);
        Member member = members.get(correction.memberId());
        permissions.requireViewProfile(actor, member.cellId(), member);
        if (!permissions.canEditProfile(actor, member)) {
            throw ForbiddenException.notAllowed();
        }
        return correction;
    }

    /**
     * Approves a pending request and saves the profile with the corrected value, which the caller
     * checked with the rules of the profile form.
     *
     * @param corrected the member's values with the requested field corrected
     */
    @Transactional
    public void approve(Actor actor, long id, NewMember corrected) {
        ProfileCorrection correction = requirePending(forDecision(actor, id));
        Member member = members.get(correction.memberId());

        profiles.update(actor, member.cellId(), member.id(), corrected);
        decide(actor, correction, CorrectionStatus.APPROVED, null);
    }

    /** Rejects a pending request with a reason that the member sees. */
    @Transactional
    public void reject(Actor actor, long id, String reason) {
        ProfileCorrection correction = requirePending(forDecision(actor, id));
        decide(actor, correction, CorrectionStatus.REJECTED, requireReason(reason));
    }

    private void decide(Actor actor, ProfileCorrection correction, CorrectionStatus status,
            @Nullable String decisionReason) {
        int updated = jdbc.sql("""
                update profile_correction set status = :status, decided_by = :account, decided_at = :now,
                                              decision_reason = :reason
                where id = :id and status = 'PENDING'
                """)
                .param("status", status.name())
                .param("account", actor.accountId().value())
                .param("now", JdbcTime.param(clock.instant()))
                .param("reason", decisionReason)
                .param("id", correction.id())
                .update();
        if (updated == 0) {
            throw new ConflictException("member.correction.error.decided");
        }
        audit.record(new AuditEntry(actor.accountId().value(), correction.cellId().value(),
                status == CorrectionStatus.APPROVED ? "member.correctionApproved" : "member.correctionRejected",
                "member", correction.memberId().value(),
                "correction=" + correction.id() + " field=" + correction.field().name()));
        events.publishEvent(new ProfileCorrectionDecided(correction.id(), correction.memberId(), status));
        log.info("Correction {} of member {} {} by account {}", correction.id(), correction.memberId(), status,
                actor.accountId());
    }

    private ProfileCorrection requirePending(ProfileCorrection correction) {
        if (!correction.isPending()) {
            throw new ConflictException("member.correction.error.decided");
        }
        return correction;
    }

    private void requireSelfOrViewer(Actor actor, Member member) {
        boolean self = actor.memberId() != null && actor.memberId() == member.id().value();
        if (!self) {
            permissions.requireViewProfile(actor, member.cellId(), member);
        }
    }

    private boolean pendingFor(MemberId member, RosterColumn field) {
        return jdbc.sql("""
                select count(*) from profile_correction
                where member_id = :member and field = :field and status = 'PENDING'
                """)
                .param("member", member.value())
                .param("field", field.name())
                .query(Long.class)
                .single() > 0;
    }

    private static String requireReason(@Nullable String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("member.correction.error.reasonMissing");
        }
        if (clean.length() > MAX_REASON) {
            throw new InvalidInputException("member.correction.error.reasonTooLong", MAX_REASON);
        }
        return clean;
    }

    private java.util.Optional<ProfileCorrection> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    private ProfileCorrection map(ResultSet row, int number) throws SQLException {
        long decidedBy = row.getLong("decided_by");
        Long decider = row.wasNull() ? null : decidedBy;
        return new ProfileCorrection(row.getLong("id"), MemberId.of(row.getLong("member_id")),
                OrganizationId.of(row.getLong("cell_id")), RosterColumn.valueOf(row.getString("field")),
                cipher.decrypt(Purpose.CORRECTION, row.getString("requested_value")), row.getString("reason"),
                CorrectionStatus.valueOf(row.getString("status")), row.getLong("requested_by"),
                JdbcTime.instant(row, "requested_at"), decider, JdbcTime.instant(row, "decided_at"),
                row.getString("decision_reason"));
    }
}
