package vn.chibo.meeting.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.member.MemberId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/** A member's answer to a meeting, and the secretary's one-tap decisions on reasons for absence. */
@Controller
class MeetingResponseController {

    private final MeetingResponses responses;
    private final Meetings meetings;
    private final MeetingPermissions permissions;

    MeetingResponseController(MeetingResponses responses, Meetings meetings, MeetingPermissions permissions) {
        this.responses = responses;
        this.meetings = meetings;
        this.permissions = permissions;
    }

    @PostMapping("/meetings/{meetingId}/response")
    String answer(Actor actor, @PathVariable long meetingId, @ModelAttribute ResponseFormData form,
            RedirectAttributes redirect) {
        permissions.requireAnswer(actor, meetings.get(MeetingId.of(meetingId)));

        String back = "redirect:/meetings/" + meetingId + "#my-answer";
        ResponseAnswer answer = form.parsedAnswer();
        if (answer == null) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage("meeting.response.error.answerMissing"));
            return back;
        }

        MeetingResponse response;
        try {
            response = responses.answer(actor, MeetingId.of(meetingId), answer, form.reason());
        }
        catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage(invalid.messageKey(),
                    invalid.messageArguments()));
            return back;
        }

        String key = response.answer() != ResponseAnswer.ABSENT ? "meeting.response.saved"
                : response.reason() == null ? "meeting.response.savedAbsentWithoutReason"
                : "meeting.response.savedAbsentPending";
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(key));
        return back;
    }

    @PostMapping("/meetings/{meetingId}/responses/{memberId}/approve")
    String approve(Actor actor, @PathVariable long meetingId, @PathVariable long memberId,
            RedirectAttributes redirect) {
        responses.decide(actor, MeetingId.of(meetingId), MemberId.of(memberId), true);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.response.approved"));
        return "redirect:/meetings/" + meetingId + "#pending";
    }

    @PostMapping("/meetings/{meetingId}/responses/{memberId}/reject")
    String reject(Actor actor, @PathVariable long meetingId, @PathVariable long memberId,
            RedirectAttributes redirect) {
        responses.decide(actor, MeetingId.of(meetingId), MemberId.of(memberId), false);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.response.rejected"));
        return "redirect:/meetings/" + meetingId + "#pending";
    }

    /** The member's answer form: one of the answers, and a reason when staying away. */
    record ResponseFormData(@Nullable String answer, @Nullable String reason) {

        /** Returns the chosen answer, or null when none or an unknown one was sent. */
        @Nullable ResponseAnswer parsedAnswer() {
            try {
                return answer == null ? null : ResponseAnswer.valueOf(answer);
            }
            catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }
}
