package vn.chibo.voting.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.Option;
import vn.chibo.voting.BallotAttempts;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.BallotOption;
import vn.chibo.voting.DisciplineThresholds;
import vn.chibo.voting.InvalidBallotMarks;
import vn.chibo.voting.Penalty;
import vn.chibo.voting.BallotReceipt;
import vn.chibo.voting.InvalidBallotChoice;
import vn.chibo.voting.InvalidMotion;
import vn.chibo.voting.InvalidReceiptCode;
import vn.chibo.voting.InvalidShowOfHands;
import vn.chibo.voting.Motion;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionRequest;
import vn.chibo.voting.Motions;
import vn.chibo.voting.ReceiptCheck;
import vn.chibo.voting.ReceiptCode;
import vn.chibo.voting.SecretBallots;
import vn.chibo.voting.SecretReceipt;
import vn.chibo.voting.VotingMethod;
import vn.chibo.voting.VotingPermissions;

/**
 * The votes of a meeting: the list with the form that opens a vote, and the page of one vote where
 * members cast their ballot, the chair follows and closes it, and everyone reads the result.
 */
@Controller
class MotionController {

    private final Meetings meetings;
    private final Motions motions;
    private final MotionManagement management;
    private final SecretBallots secretBallots;
    private final VotingPermissions permissions;
    private final MotionPages pages;
    private final MessageSource messages;
    private final DisciplineThresholds thresholds;
    private final BallotAttempts attempts;

    MotionController(Meetings meetings, Motions motions, MotionManagement management, SecretBallots secretBallots,
            VotingPermissions permissions, MotionPages pages, MessageSource messages,
            DisciplineThresholds thresholds, BallotAttempts attempts) {
        this.thresholds = thresholds;
        this.attempts = attempts;
        this.meetings = meetings;
        this.motions = motions;
        this.management = management;
        this.secretBallots = secretBallots;
        this.permissions = permissions;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/meetings/{meetingId}/motions")
    String meetingMotions(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        addMeetingMotions(model, actor, meeting, MotionFormData.suggested(motions.suggestedTitle(meeting)), null);
        return "voting/meeting-motions";
    }

    @PostMapping("/meetings/{meetingId}/motions")
    String open(Actor actor, @PathVariable long meetingId, @ModelAttribute("form") MotionFormData form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        permissions.requireRunVotes(actor, meeting);

        MotionId id;
        try {
            id = management.open(actor, meeting.id(), withoutSuggestedTitle(form.toRequest(), meeting));
        }
        catch (InvalidMotion invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            addMeetingMotions(model, actor, meeting, form, invalid);
            return "voting/meeting-motions";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("voting.flash.opened"));
        return "redirect:/motions/" + id;
    }

    /** The page of one vote; with {@code HX-Request} only its panel, which open votes poll. */
    @GetMapping("/motions/{id}")
    String motion(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model) {
        Motion motion = motions.visibleTo(actor, MotionId.of(id));

        model.addAttribute("page", pages.of(actor, motion));
        return htmx == null ? "voting/motion" : "voting/motion :: panel";
    }

    /**
     * Takes a ballot in two steps, so that a mistaken tap is not final. A choice alone stores nothing
     * and comes back with buttons to confirm it or to choose again. Only the request that confirms
     * the choice records the ballot.
     */
    @PostMapping("/motions/{id}/ballot")
    String cast(Actor actor, @PathVariable long id, @ModelAttribute BallotFormData form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        MotionId motionId = MotionId.of(id);
        permissions.requireVoter(actor, motions.visibleTo(actor, motionId));

        BallotChoice choice = BallotChoice.parse(form.choice()).orElseThrow(InvalidBallotChoice::new);

        if (!form.isConfirmed()) {
            management.checkBallot(actor, motionId, choice);
            Motion motion = motions.get(motionId);
            model.addAttribute("page", pages.of(actor, motion).confirming(choice));
            addAttempt(model, actor, motion);
            return htmx == null ? "voting/motion" : "voting/motion :: panel";
        }
        if (motions.get(motionId).isSecret()) {
            return castSecret(actor, motionId, choice, form.attempt(), htmx, model);
        }
        BallotReceipt receipt = management.cast(actor, motionId, choice);

        var message = new FlashMessage(receipt == BallotReceipt.RECORDED ? "voting.flash.recorded"
                : "voting.flash.alreadyRecorded", new DefaultMessageSourceResolvable(choice.messageKey()));
        if (htmx != null) {
            model.addAttribute(FlashMessage.SUCCESS, message);
            model.addAttribute("page", pages.of(actor, motions.get(motionId)));
            return "voting/motion :: afterBallot";
        }
        redirect.addFlashAttribute(FlashMessage.SUCCESS, message);
        return "redirect:/motions/" + id;
    }

    /**
     * Records a secret ballot and answers with the page that shows its receipt code. The answer is
     * rendered, not redirected, because a redirect would keep the code in the session's flash
     * attributes, stored in the database beside the voter's account.
     */
    private String castSecret(Actor actor, MotionId motionId, BallotChoice choice, @Nullable String attempt,
            @Nullable String htmx, Model model) {
        SecretReceipt receipt = secretBallots.cast(actor, motionId, choice, attempt);

        showReceipt(actor, motionId, receipt, model);
        return htmx == null ? "voting/motion" : "voting/motion :: afterBallot";
    }

    /**
     * Shows the receipt code of a secret ballot. A repeated confirmation (the response to the first was
     * lost) shows that the ballot was recorded before, because its choice may differ from the repeat's.
     */
    private void showReceipt(Actor actor, MotionId motionId, SecretReceipt receipt, Model model) {
        model.addAttribute(FlashMessage.SUCCESS, new FlashMessage(receipt.repeated() ? "voting.flash.secretAlreadyRecorded"
                : "voting.flash.secretRecorded"));
        model.addAttribute("page", pages.of(actor, motions.get(motionId)).withReceipt(receipt.code()));
    }

    /** Gives the confirmation form of a secret ballot a new attempt, so that sending it again is safe. */
    private void addAttempt(Model model, Actor actor, Motion motion) {
        if (motion.isSecret() && actor.memberId() != null) {
            model.addAttribute("ballotAttempt", attempts.issue(motion.id(), MemberId.of(actor.memberId())));
        }
    }

    /**
     * Takes an election or discipline ballot in the same two steps as {@link #cast}: the marks alone
     * come back for confirmation, and only the confirming request records the ballot. A ballot that
     * does not fit the list comes back on the page with the message beside the form.
     */
    @PostMapping("/motions/{id}/list-ballot")
    String castList(Actor actor, @PathVariable long id, @ModelAttribute ListBallotFormData form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        MotionId motionId = MotionId.of(id);
        permissions.requireVoter(actor, motions.visibleTo(actor, motionId));

        try {
            List<Integer> marks = form.positions();
            if (!form.isConfirmed()) {
                secretBallots.checkList(actor, motionId, marks);
                Motion motion = motions.get(motionId);
                List<BallotOption> marked = motion.options().stream()
                        .filter(option -> marks.contains(option.position()))
                        .toList();
                model.addAttribute("page", pages.of(actor, motion).confirmingMarks(marked));
                addAttempt(model, actor, motion);
                return htmx == null ? "voting/motion" : "voting/motion :: panel";
            }
            SecretReceipt receipt = secretBallots.castList(actor, motionId, marks, form.attempt());
            showReceipt(actor, motionId, receipt, model);
            return htmx == null ? "voting/motion" : "voting/motion :: afterBallot";
        }
        catch (InvalidBallotMarks invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", pages.of(actor, motions.get(motionId)));
            model.addAttribute("ballotErrorKey", invalid.messageKey());
            model.addAttribute("ballotErrorArguments", invalid.messageArguments());
            return htmx == null ? "voting/motion" : "voting/motion :: panel";
        }
    }

    /** Opens the next round of an election after its latest round closed: a runoff or a further round. */
    @PostMapping("/motions/{id}/next-round")
    String openNextRound(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        Motion motion = motions.visibleTo(actor, MotionId.of(id));
        permissions.requireRunVotes(actor, meetings.get(motion.meetingId()));

        MotionId next = management.openNextRound(actor, motion.id());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("voting.flash.roundOpened"));
        return "redirect:/motions/" + next;
    }

    /** Checks a receipt code against the counted ballots of a closed secret ballot. */
    @PostMapping("/motions/{id}/receipt-check")
    String checkReceipt(Actor actor, @PathVariable long id, @ModelAttribute ReceiptFormData form, Model model,
            HttpServletResponse response) {
        Motion motion = motions.visibleTo(actor, MotionId.of(id));

        ReceiptCheck check;
        try {
            check = secretBallots.check(actor, motion.id(), ReceiptCode.parse(form.code()));
        }
        catch (InvalidReceiptCode invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", pages.of(actor, motion));
            model.addAttribute("receiptErrorKey", invalid.messageKey());
            return "voting/motion";
        }

        model.addAttribute("page", pages.of(actor, motion).withReceiptCheck(check));
        return "voting/motion";
    }

    /**
     * Records the count of a show of hands, which closes the vote. A count that cannot be right comes
     * back on the same page with the figures as typed and a message naming the limit.
     */
    @PostMapping("/motions/{id}/show-of-hands")
    String recordShowOfHands(Actor actor, @PathVariable long id, @ModelAttribute("counts") ShowOfHandsFormData form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Motion motion = motions.visibleTo(actor, MotionId.of(id));
        permissions.requireRunVotes(actor, meetings.get(motion.meetingId()));

        try {
            management.recordShowOfHands(actor, motion.id(), form.toCount());
        }
        catch (InvalidShowOfHands invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", pages.of(actor, motions.get(motion.id())));
            model.addAttribute("countErrorKey", invalid.messageKey());
            model.addAttribute("countErrorArguments", invalid.messageArguments());
            return "voting/motion";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("voting.flash.countRecorded"));
        return "redirect:/motions/" + id;
    }

    @PostMapping("/motions/{id}/close")
    String close(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        Motion motion = motions.visibleTo(actor, MotionId.of(id));
        permissions.requireRunVotes(actor, meetings.get(motion.meetingId()));

        management.close(actor, motion.id());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("voting.flash.closed"));
        return "redirect:/motions/" + id;
    }

    private void addMeetingMotions(Model model, Actor actor, Meeting meeting, MotionFormData form,
            @Nullable InvalidMotion error) {
        boolean runsVotes = permissions.canRunVotes(actor, meeting);
        boolean voteOpen = motions.openOf(meeting.id()).isPresent();
        model.addAttribute("meeting", meeting);
        model.addAttribute("motions", motions.ofMeeting(meeting.id()));
        boolean canOpen = runsVotes && meeting.isInProgress() && !voteOpen;
        model.addAttribute("canOpen", canOpen);
        model.addAttribute("openBlockedKey", !runsVotes ? null
                : !meeting.isInProgress() ? "voting.open.notPublished"
                : voteOpen ? "voting.open.alreadyOpen" : null);
        model.addAttribute("plannedStart", motions.plannedStart(meeting.startsAt()));
        model.addAttribute("form", form);
        model.addAttribute("kindOptions", Arrays.stream(MotionKind.values())
                .filter(kind -> !kind.listsOptions())
                .map(kind -> new Option(kind.name(), messages.getMessage(kind.messageKey(), null, locale())))
                .toList());
        // Only the forms that open a vote list members, so no other page exposes their names.
        model.addAttribute("candidateOptions", canOpen ? motions.eligibleCandidates(meeting).stream()
                .map(member -> new Option(member.id().toString(), member.fullName()))
                .toList() : List.of());
        model.addAttribute("disciplineOptions", canOpen ? disciplineOptions(meeting) : List.of());
        model.addAttribute("penaltyOptions", Arrays.stream(Penalty.values())
                .map(penalty -> new Option(penalty.name(), messages.getMessage(penalty.messageKey(), null, locale())))
                .toList());
        model.addAttribute("disciplineThresholds", Arrays.stream(Penalty.values())
                .map(penalty -> messages.getMessage("voting.threshold.short." + thresholds.of(penalty), null,
                        locale()))
                .toList());
        model.addAttribute("methodOptions", Arrays.stream(VotingMethod.values())
                .map(method -> new Option(method.name(), messages.getMessage(method.messageKey(), null, locale())))
                .toList());
        // Only the open form lists the probationary members, so nobody else needs their names.
        model.addAttribute("memberOptions", canOpen ? memberOptions(meeting) : List.of());
        model.addAttribute("errorField", error == null ? null : fieldOf(error.messageKey()));
        model.addAttribute("errorKey", error == null ? null : error.messageKey());
        model.addAttribute("errorArguments", error == null ? null : error.messageArguments());
    }

    /**
     * Drops the resolution's suggested title, which the form starts with, from a vote on a person, so
     * that such a vote gets a title naming the person unless the chair wrote another one.
     */
    private MotionRequest withoutSuggestedTitle(MotionRequest request, Meeting meeting) {
        if ((request.kind().concernsPerson() || request.kind().listsOptions())
                && motions.suggestedTitle(meeting).equals(request.title())) {
            return request.withTitle(null);
        }
        return request;
    }

    /** Returns the members a discipline vote may concern, after an empty choice. */
    private List<Option> disciplineOptions(Meeting meeting) {
        var options = new ArrayList<Option>();
        options.add(new Option("", messages.getMessage("voting.open.noMember", null, locale())));
        motions.disciplinableOf(meeting).forEach(member -> options.add(new Option(member.id().toString(),
                member.fullName())));
        return options;
    }

    /** Returns the probationary members to choose from for a recognition vote, after an empty choice. */
    private List<Option> memberOptions(Meeting meeting) {
        var options = new ArrayList<Option>();
        options.add(new Option("", messages.getMessage("voting.open.noMember", null, locale())));
        motions.probationaryOf(meeting).forEach(member -> options.add(new Option(member.id().toString(),
                member.fullName())));
        return options;
    }

    /** Returns the form field that a rejected motion's message belongs beside. */
    private static String fieldOf(String messageKey) {
        return switch (messageKey) {
            case "voting.error.applicantMissing", "voting.error.applicantTooLong" -> "applicantName";
            case "voting.error.recognitionMemberMissing", "voting.error.notProbationary" -> "probationaryMember";
            case "voting.error.kindInvalid" -> "kind";
            case "voting.error.methodInvalid", "voting.error.secretRequired" -> "method";
            case "voting.error.seatsInvalid", "voting.error.fewerCandidatesThanSeats" -> "seats";
            case "voting.error.candidatesMissing", "voting.error.tooManyCandidates", "voting.error.candidateInvalid",
                    "voting.error.candidateTwice" -> "candidates";
            case "voting.error.disciplinedMemberMissing", "voting.error.disciplinedMemberInvalid" -> "disciplinedMember";
            case "voting.error.penaltiesMissing", "voting.error.penaltyInvalid",
                    "voting.error.penaltyNotForProbationary" -> "penalties";
            default -> "title";
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
