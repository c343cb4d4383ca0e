package vn.chibo.member.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.MemberTransfers;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.StatusDecision;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/**
 * The forms on a member's page that write the status history: a decision on the status, sending the
 * member out for a while, the return, and a permanent transfer. Each redirects to the member's page
 * with a message that states what was recorded, or why not.
 */
@Controller
class MemberStatusController {

    private final MemberStatus status;
    private final MemberTransfers transfers;

    MemberStatusController(MemberStatus status, MemberTransfers transfers) {
        this.status = status;
        this.transfers = transfers;
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/status")
    String decide(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @RequestParam(defaultValue = "") String membership, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String effectiveDate, @RequestParam(defaultValue = "") String decidedBy,
            @RequestParam(required = false) @Nullable String resolution, RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        status.requireDecide(actor, cell, MemberId.of(memberId));

        return record(redirect, cellId, memberId, "member.status.recorded", () -> status.decide(actor, cell,
                MemberId.of(memberId), choice(membership, MembershipStatus.class), choice(activity, ActivityStatus.class),
                decision(effectiveDate, decidedBy, resolution)));
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/send-out")
    String sendOut(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @RequestParam(required = false) @Nullable Long hostCell, @RequestParam(required = false) @Nullable String hostUnit,
            @RequestParam(defaultValue = "") String effectiveDate, @RequestParam(defaultValue = "") String decidedBy,
            @RequestParam(required = false) @Nullable String resolution, RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        transfers.requireTransferAtAll(actor, cell, MemberId.of(memberId));

        return record(redirect, cellId, memberId, "member.transfer.sentOut", () -> transfers.sendOut(actor, cell,
                MemberId.of(memberId), hostCell == null ? null : OrganizationId.of(hostCell), hostUnit,
                decision(effectiveDate, decidedBy, resolution)));
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/return")
    String returnHome(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @RequestParam(defaultValue = "") String effectiveDate, @RequestParam(defaultValue = "") String decidedBy,
            @RequestParam(required = false) @Nullable String resolution, RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        transfers.requireTransferAtAll(actor, cell, MemberId.of(memberId));

        return record(redirect, cellId, memberId, "member.transfer.returned", () -> transfers.returnHome(actor, cell,
                MemberId.of(memberId), decision(effectiveDate, decidedBy, resolution)));
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/transfer")
    String transfer(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @RequestParam(required = false) @Nullable Long toCell, @RequestParam(defaultValue = "") String effectiveDate,
            @RequestParam(defaultValue = "") String decidedBy, @RequestParam(required = false) @Nullable String resolution,
            RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        transfers.requireTransferAtAll(actor, cell, MemberId.of(memberId));

        String page = record(redirect, cellId, memberId, "member.transfer.moved", () -> transfers.transfer(actor, cell,
                MemberId.of(memberId), toCell == null ? null : OrganizationId.of(toCell),
                decision(effectiveDate, decidedBy, resolution)));
        // After a successful move the member is no longer on this cell's roster.
        return redirect.getFlashAttributes().containsKey(FlashMessage.SUCCESS)
                ? "redirect:/cells/" + cellId + "/members" : page;
    }

    /** Runs one recording step; a rule it breaks comes back as a message on the member's page. */
    private static String record(RedirectAttributes redirect, long cellId, long memberId, String successKey,
            Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(successKey));
        }
        catch (InvalidInputException rejected) {
            redirect.addFlashAttribute(FlashMessage.ERROR,
                    new FlashMessage(rejected.messageKey(), rejected.messageArguments()));
        }
        return "redirect:/cells/" + cellId + "/members/" + memberId;
    }

    private static StatusDecision decision(String effectiveDate, String decidedBy, @Nullable String resolution) {
        LocalDate date = ProfileForms.parseDate(effectiveDate);
        if (date == null) {
            throw new InvalidStatusChangeInput("member.status.error.dateInvalid", effectiveDate.strip());
        }
        return new StatusDecision(date, decidedBy, resolution);
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidStatusChangeInput("member.status.error.valueInvalid");
        }
    }

    /** A form value that is no date or no known choice. */
    private static final class InvalidStatusChangeInput extends InvalidInputException {

        InvalidStatusChangeInput(String messageKey, Object... messageArguments) {
            super(messageKey, messageArguments);
        }
    }
}
