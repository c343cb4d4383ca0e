package vn.chibo.minutes.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.chibo.minutes.ApprovalOutcome;
import vn.chibo.minutes.InvalidMinutes;
import vn.chibo.minutes.Minutes;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.MinutesExport;
import vn.chibo.minutes.MinutesManagement;
import vn.chibo.minutes.MinutesPermissions;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The minutes of a meeting: read by everyone who may see the meeting, written by the minute taker,
 * approved by the chair and the minute taker, and downloaded as PDF or DOCX.
 */
@Controller
class MinutesController {

    private static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Meetings meetings;
    private final MinutesBook book;
    private final MinutesManagement management;
    private final MinutesPermissions permissions;
    private final MinutesExport export;

    MinutesController(Meetings meetings, MinutesBook book, MinutesManagement management,
            MinutesPermissions permissions, MinutesExport export) {
        this.meetings = meetings;
        this.book = book;
        this.management = management;
        this.permissions = permissions;
        this.export = export;
    }

    /** The minutes page; with {@code HX-Request} only its content, which polls while the draft is being made. */
    @GetMapping("/meetings/{meetingId}/minutes")
    String minutes(Actor actor, @PathVariable long meetingId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        Optional<Minutes> minutes = book.of(meeting.id());
        addPage(model, actor, meeting, minutes.orElse(null),
                minutes.map(each -> new MinutesFormData(each.body(), each.version())).orElse(null), null);
        return htmx == null ? "minutes/minutes" : "minutes/minutes :: content";
    }

    @PostMapping("/meetings/{meetingId}/minutes")
    String edit(Actor actor, @PathVariable long meetingId, @ModelAttribute("form") MinutesFormData form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        int version = requireVersion(form.version());

        try {
            management.edit(actor, meeting.id(), form.body(), version);
        }
        catch (InvalidMinutes invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            addPage(model, actor, meeting, book.of(meeting.id()).orElseThrow(NotFoundException::hidden), form,
                    invalid);
            return "minutes/minutes";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.flash.saved"));
        return "redirect:/meetings/" + meetingId + "/minutes";
    }

    @PostMapping("/meetings/{meetingId}/minutes/approval")
    String approve(Actor actor, @PathVariable long meetingId, @ModelAttribute ApprovalFormData form,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        int version = requireVersion(form.version());

        ApprovalOutcome outcome = management.approve(actor, meeting.id(), version);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.flash." + outcome));
        return "redirect:/meetings/" + meetingId + "/minutes";
    }

    @GetMapping("/meetings/{meetingId}/minutes.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long meetingId) {
        Minutes minutes = visibleMinutes(actor, meetingId);

        return download(export.pdf(minutes), MediaType.APPLICATION_PDF, "bien-ban-" + meetingId + ".pdf");
    }

    @GetMapping("/meetings/{meetingId}/minutes.docx")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long meetingId) {
        Minutes minutes = visibleMinutes(actor, meetingId);

        return download(export.docx(minutes), DOCX, "bien-ban-" + meetingId + ".docx");
    }

    private Minutes visibleMinutes(Actor actor, long meetingId) {
        return book.visibleTo(actor, MeetingId.of(meetingId)).orElseThrow(NotFoundException::hidden);
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    private static int requireVersion(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException("minutes.error.versionMissing");
        }
        return version;
    }

    private void addPage(Model model, Actor actor, Meeting meeting, @Nullable Minutes minutes,
            @Nullable MinutesFormData form, @Nullable InvalidMinutes error) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("minutes", minutes);
        model.addAttribute("layout", minutes == null ? null : export.layout(minutes));
        model.addAttribute("form", form);
        model.addAttribute("canEdit", minutes != null && permissions.canEdit(actor, meeting, minutes));
        model.addAttribute("canApprove", minutes != null && permissions.canApprove(actor, meeting, minutes));
        model.addAttribute("errorKey", error == null ? null : error.messageKey());
        model.addAttribute("errorArguments", error == null ? null : error.messageArguments());
    }
}
