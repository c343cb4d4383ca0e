package vn.chibo.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.voting.BallotAttempts;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.BallotOption;
import vn.chibo.voting.ElectionRound;
import vn.chibo.voting.OptionOutcome;
import vn.chibo.voting.Penalty;
import vn.chibo.voting.BallotReceipt;
import vn.chibo.voting.InvalidBallotChoice;
import vn.chibo.voting.Motion;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionResult;
import vn.chibo.voting.MotionStatus;
import vn.chibo.voting.Motions;
import vn.chibo.voting.ReceiptCheck;
import vn.chibo.voting.ReceiptCode;
import vn.chibo.voting.SecretBallots;
import vn.chibo.voting.SecretReceipt;
import vn.chibo.voting.VoteProgress;
import vn.chibo.voting.VoteThreshold;
import vn.chibo.voting.VoterStanding;
import vn.chibo.voting.VotingMethod;
import vn.chibo.voting.VotingPermissions;
import vn.chibo.voting.WrongVotingMethod;

/**
 * The votes of a meeting and the caller's ballot, with the same checks as the motion pages: whoever
 * may see the meeting sees its votes, results appear only once a vote has closed, and only an
 * eligible member present casts a ballot, once.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such meeting or motion, or one the caller may not see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MeetingVotesController {

    private static final Logger log = LoggerFactory.getLogger(MeetingVotesController.class);

    private final Meetings meetings;
    private final Motions motions;
    private final MotionManagement management;
    private final SecretBallots secretBallots;
    private final BallotAttempts attempts;
    private final VotingPermissions permissions;

    MeetingVotesController(Meetings meetings, Motions motions, MotionManagement management,
            SecretBallots secretBallots, VotingPermissions permissions, BallotAttempts attempts) {
        this.attempts = attempts;
        this.meetings = meetings;
        this.motions = motions;
        this.management = management;
        this.secretBallots = secretBallots;
        this.permissions = permissions;
    }

    record MeetingMotionsResponse(long meetingId, List<MotionView> motions) {
    }

    /**
     * @param subject the person an admission or recognition vote decides about, or null for a resolution
     * @param myStanding whether the caller may cast a ballot under the current roll, and if not, why
     * @param myChoice the ballot the caller cast in an open vote, or null; always null in a secret ballot
     * @param iVoted whether the caller has cast a ballot, also in a secret ballot
     * @param progress how many have voted out of the eligible voters present, while a vote by ballot is open
     * @param result the frozen figures, or null while the vote is open
     * @param election the seats and round of an election, or null for other kinds
     * @param options the lines of an election or discipline ballot, which a ballot marks by position; empty otherwise
     * @param ballotAttempt in an open secret ballot that the caller may still cast, a value to send back as
     *        {@code attempt} with the ballot and with every retry of it, for 15 minutes; null otherwise
     */
    record MotionView(long id, MotionKind kind, VotingMethod method, String title, @Nullable SubjectView subject,
            MotionStatus status, Instant openedAt, @Nullable Instant closedAt, VoterStanding myStanding,
            @Nullable BallotChoice myChoice, boolean iVoted, @Nullable VoteProgress progress,
            @Nullable ResultView result, @Nullable ElectionView election, List<OptionView> options,
            @Nullable String ballotAttempt) {
    }

    /**
     * @param seats the seats this round fills, which is the most candidates a ballot may mark
     * @param firstRoundId the first round of the same election, or null for a first round
     */
    record ElectionView(int seats, ElectionRound round, @Nullable Long firstRoundId) {
    }

    /**
     * @param memberId the candidate, in an election
     * @param penalty the penalty, in a discipline vote
     */
    record OptionView(int position, String label, @Nullable Long memberId, @Nullable Penalty penalty) {
    }

    /**
     * @param addedUp for a penalty, its votes with those of every heavier penalty on the ballot
     * @param votesNeeded what the line needed; null in a runoff, where the most votes win
     */
    record LineView(int position, String label, int votes, @Nullable Integer addedUp, @Nullable Integer votesNeeded,
            OptionOutcome outcome) {
    }

    /** @param memberId the member record of a probationary member to recognize, or null for an applicant */
    record SubjectView(@Nullable Long memberId, String fullName) {
    }

    /**
     * @param notVoting for ballots, members of the denominator without a ballot; for a show of hands,
     *        eligible voters present who raised no hand
     * @param eligibleVotersPresent the base of the participation, which is the eligible voters present
     *        at the close and never all members of the cell. It is null for votes closed before it was recorded.
     * @param participationPercent ballots or hands as a share of eligibleVotersPresent, rounded half up
     * @param excluded the official members taken out of the denominator, and why
     * @param lines in an election or discipline vote, the count of each line of the ballot. There votesFor
     *        counts the ballots with a mark and abstentions the blank ones (for no penalty). Passed means
     *        all seats filled or a penalty decided.
     */
    record ResultView(int votesFor, int votesAgainst, int abstentions, int notVoting, int denominator,
            VoteThreshold threshold, int votesNeeded, boolean passed, @Nullable Integer eligibleVotersPresent,
            @Nullable Integer participationPercent, List<ExcludedView> excluded, List<LineView> lines) {
    }

    record ExcludedView(String fullName, DenominatorExclusion.Reason reason) {
    }

    /**
     * @param choice FOR, AGAINST or ABSTAIN, for any vote but an election or discipline vote
     * @param marks for an election or discipline vote, the positions of the marked lines, at most the
     *        seats of the round or one penalty. An empty list is a blank ballot (no penalty).
     * @param attempt for a secret ballot, the {@code ballotAttempt} of the motion in the caller's list of
     *        votes, sent with the ballot and again with every retry of it. A retry whose response was lost
     *        then gets the same receipt code back, with ALREADY_RECORDED, instead of 409, for 15 minutes
     *        after the list gave the value. Any other value is ignored.
     */
    record BallotRequest(@Schema(example = "FOR") @Nullable String choice, @Nullable List<Integer> marks,
            @Nullable String attempt) {
    }

    /**
     * @param receipt RECORDED when this request stored the ballot, ALREADY_RECORDED for a retry of the same choice
     *        in an open vote, or of the same attempt in a secret ballot
     * @param choice the choice recorded; null for a secret ballot's retry, whose stored choice is the first one
     * @param receiptCode in a secret ballot, the code that checks the ballot after the close. It is returned
     *        this once and stored nowhere, so the app must show it to the voter now. Null in an open vote.
     */
    record BallotResponse(long motionId, @Nullable BallotChoice choice, List<Integer> marks, BallotReceipt receipt,
            @Nullable String receiptCode) {
    }

    /** @param code the receipt code as the voter was given it; case, spaces and dashes do not matter */
    record ReceiptCheckRequest(@Schema(example = "7K3M-Q9TA-XR2P-H4WD-V8NB-ZC") @Nullable String code) {
    }

    /**
     * @param choice what the ballot with this code was counted as, or null when no counted ballot has it
     * @param marks the lines an election or discipline ballot with this code marked (empty for a blank one)
     */
    record ReceiptCheckResponse(long motionId, boolean counted, @Nullable BallotChoice choice,
            List<OptionView> marks) {
    }

    @Operation(summary = "The votes of a meeting", description = "Open and closed votes in the order they were "
            + "opened. A vote's result is null until the chair closes it; the participation is a share of the "
            + "eligible voters present, never of all members.")
    @ApiResponse(responseCode = "200", description = "The votes")
    @GetMapping("/api/v1/meetings/{meetingId}/motions")
    MeetingMotionsResponse motions(Actor actor, @PathVariable long meetingId) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        List<MotionView> views = motions.ofMeeting(meeting.id()).stream()
                .map(motion -> viewOf(actor, motion))
                .toList();
        return new MeetingMotionsResponse(meeting.id().value(), views);
    }

    @Operation(summary = "Cast the caller's ballot", description = "In an open vote it is idempotent: a retry with "
            + "the same choice answers the accepted ballot with receipt ALREADY_RECORDED and changes nothing. Another "
            + "choice after a ballot was accepted is refused, because a cast ballot never changes. In a secret ballot "
            + "the answer carries a receiptCode, shown this once; any second ballot is refused with 409, because "
            + "nothing links the first ballot to its voter. An election or discipline vote, always secret, takes "
            + "marks instead of a choice: the positions of the marked lines of the motion's options.")
    @ApiResponse(responseCode = "200", description = "The accepted ballot")
    @ApiResponse(responseCode = "400", description = "No choice (or, in an election or discipline vote, no marks) in the body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The caller may not vote here, and the detail gives the reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The vote has closed, is by show of hands, or the caller "
            + "already chose otherwise", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "A choice other than FOR, AGAINST or ABSTAIN, or marks that do not fit "
            + "the ballot: a line not on it, a line twice, or more lines than the ballot allows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/motions/{id}/ballot")
    BallotResponse ballot(Actor actor, @PathVariable long id, @RequestBody(required = false)
            @Nullable BallotRequest body) {
        MotionId motionId = MotionId.of(id);
        permissions.requireVoter(actor, motions.visibleTo(actor, motionId));

        if (motions.get(motionId).listsOptions()) {
            if (body != null && body.marks() == null && body.choice() != null) {
                throw new WrongVotingMethod("voting.error.listBallotNeedsMarks");
            }
            if (body == null || body.marks() == null) {
                throw new MissingField("marks");
            }
            SecretReceipt secret = secretBallots.castList(actor, motionId, body.marks(), body.attempt());
            // A repeat's marks may differ from the stored ballot's, which nothing here can read back.
            List<Integer> marks = secret.repeated() ? List.of() : body.marks().stream().sorted().toList();
            return new BallotResponse(id, null, marks, receiptOf(secret), secret.code().grouped());
        }
        if (body == null || body.choice() == null) {
            throw new MissingField("choice");
        }
        BallotChoice choice = BallotChoice.parse(body.choice()).orElseThrow(InvalidBallotChoice::new);

        if (motions.get(motionId).isSecret()) {
            SecretReceipt secret = secretBallots.cast(actor, motionId, choice, body.attempt());
            return new BallotResponse(id, secret.repeated() ? null : choice, List.of(), receiptOf(secret),
                    secret.code().grouped());
        }
        BallotReceipt receipt = management.cast(actor, motionId, choice);

        log.debug("Motion {}: ballot of account {} returned {} through the API", motionId, actor.accountId(), receipt);
        return new BallotResponse(id, choice, List.of(), receipt, null);
    }

    private static BallotReceipt receiptOf(SecretReceipt secret) {
        return secret.repeated() ? BallotReceipt.ALREADY_RECORDED : BallotReceipt.RECORDED;
    }

    @Operation(summary = "Check a secret ballot by its receipt code", description = "Only after the vote has "
            + "closed. Anyone who may see the meeting may check a code: holding the code is what shows the ballot.")
    @ApiResponse(responseCode = "200", description = "Whether a counted ballot has this code, and its choice")
    @ApiResponse(responseCode = "400", description = "No code in the body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The vote is still open, or is not a secret ballot",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Not 26 characters of the code's alphabet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/motions/{id}/receipt-check")
    ReceiptCheckResponse checkReceipt(Actor actor, @PathVariable long id, @RequestBody(required = false)
            @Nullable ReceiptCheckRequest body) {
        MotionId motionId = MotionId.of(id);
        motions.visibleTo(actor, motionId);

        if (body == null || body.code() == null) {
            throw new MissingField("code");
        }
        ReceiptCode code = ReceiptCode.parse(body.code());

        ReceiptCheck check = secretBallots.check(actor, motionId, code);

        return new ReceiptCheckResponse(id, check.counted(), check.choice(),
                check.marks().stream().map(MeetingVotesController::optionView).toList());
    }

    private MotionView viewOf(Actor actor, Motion motion) {
        SubjectView subject = motion.subject() == null ? null : new SubjectView(
                motion.subject().memberId() == null ? null : motion.subject().memberId().value(),
                motion.subject().fullName());
        return new MotionView(motion.id().value(), motion.kind(), motion.method(), motion.title(), subject,
                motion.status(), motion.openedAt(), motion.closedAt(), permissions.standingOf(actor, motion),
                motions.choiceOf(actor, motion).orElse(null), motions.hasVoted(actor, motion),
                motion.isOpen() && motion.method().takesBallots() ? motions.progressOf(motion) : null,
                resultOf(motion), motion.election() == null ? null : new ElectionView(motion.election().seats(),
                        motion.election().round(), motion.election().firstRound() == null ? null
                                : motion.election().firstRound().value()),
                motion.options().stream().map(MeetingVotesController::optionView).toList(), attemptFor(actor, motion));
    }

    private @Nullable String attemptFor(Actor actor, Motion motion) {
        if (!motion.isSecret() || !motion.isOpen() || actor.memberId() == null
                || !permissions.standingOf(actor, motion).mayVote() || motions.hasVoted(actor, motion)) {
            return null;
        }
        return attempts.issue(motion.id(), MemberId.of(actor.memberId()));
    }

    private static OptionView optionView(BallotOption option) {
        return new OptionView(option.position(), option.label(),
                option.memberId() == null ? null : option.memberId().value(), option.penalty());
    }

    private @Nullable ResultView resultOf(Motion motion) {
        MotionResult result = motion.result();
        if (result == null) {
            return null;
        }
        List<ExcludedView> excluded = motions.excludedOf(motion).stream()
                .map(member -> new ExcludedView(member.fullName(), member.reason()))
                .toList();
        return new ResultView(result.votesFor(), result.votesAgainst(), result.abstentions(), result.notVoting(),
                result.denominator(), result.threshold(), result.votesNeeded(), result.passed(),
                result.eligiblePresent(), result.participationPercent(), excluded, result.options().stream()
                        .map(line -> new LineView(line.position(), line.label(), line.votes(), line.addedUp(),
                                line.votesNeeded(), line.outcome()))
                        .toList());
    }
}
