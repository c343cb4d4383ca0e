package vn.chibo.minutes.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.chibo.minutes.MinutesChangedMeanwhile;
import vn.chibo.minutes.MinutesExport;
import vn.chibo.minutes.MinutesExport.ExportFormat;
import vn.chibo.minutes.MinutesItem;
import vn.chibo.minutes.MinutesManagement;
import vn.chibo.minutes.MinutesNarrative;
import vn.chibo.minutes.MinutesPermissions;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.minutes.Resolutions;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The minutes of a meeting: their approved versions read by everyone who may see the meeting, drafts
 * by those who write or approve them, their narrative written part by part by the minute taker or
 * whoever runs the cell, approved by the chair and the minute taker, corrected as a new version, and
 * downloaded as PDF or DOCX.
 */
@Controller
class MinutesController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Meetings meetings;
    private final MinutesBook book;
    private final MinutesManagement management;
    private final MinutesPermissions permissions;
    private final MinutesExport export;
    private final Resolutions resolutions;

    MinutesController(Meetings meetings, MinutesBook book, MinutesManagement management,
            MinutesPermissions permissions, MinutesExport export, Resolutions resolutions) {
        this.resolutions = resolutions;
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

        addPage(model, actor, meeting, book.visibleTo(actor, meeting.id()).orElse(null), null);
        return htmx == null ? "minutes/minutes" : "minutes/minutes :: content";
    }

    /** One version of the minutes, as approved or as currently drafted, read only. */
    @GetMapping("/meetings/{meetingId}/minutes/versions/{versionNo}")
    String version(Actor actor, @PathVariable long meetingId, @PathVariable int versionNo, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        Minutes minutes = book.version(actor, meeting.id(), versionNo);

        addReadOnlyPage(model, actor, meeting, minutes);
        return "minutes/minutes";
    }

    /** Starts a correction of approved minutes as a new draft version, with the reason for it. */
    @PostMapping("/meetings/{meetingId}/minutes/corrections")
    String startCorrection(Actor actor, @PathVariable long meetingId, @ModelAttribute CorrectionFormData form,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        int versionNo = management.startCorrection(actor, meeting.id(), form.reason());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.flash.correctionStarted",
                versionNo));
        return "redirect:/meetings/" + meetingId + "/minutes";
    }

    /**
     * Saves one part of the narrative. When the text is too long, or someone else changed the minutes
     * since the form was shown, the page comes back with the text as typed in that part's form, so
     * that nothing typed is lost.
     */
    @PostMapping("/meetings/{meetingId}/minutes/parts/{code}")
    String edit(Actor actor, @PathVariable long meetingId, @PathVariable String code,
            @ModelAttribute NarrativeFormData form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        NarrativePart part = NarrativePart.parse(code).orElseThrow(NotFoundException::hidden);
        permissions.requireEditor(actor, meeting);

        int version = requireVersion(form.version());

        try {
            management.edit(actor, meeting.id(), form.toEdit(part), version);
        }
        catch (InvalidMinutes invalid) {
            return pageAgain(model, response, actor, meeting, new RejectedEdit(part, form, invalid.field(), invalid));
        }
        catch (MinutesChangedMeanwhile changed) {
            return pageAgain(model, response, actor, meeting, new RejectedEdit(part, form, null, changed));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.flash.saved"));
        return "redirect:/meetings/" + meetingId + "/minutes#minutes-" + part.code();
    }

    @PostMapping("/meetings/{meetingId}/minutes/approval")
    String approve(Actor actor, @PathVariable long meetingId, @ModelAttribute ApprovalFormData form,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        permissions.requireSignatory(actor, meeting);

        int version = requireVersion(form.version());

        ApprovalOutcome outcome = management.approve(actor, meeting.id(), version);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.flash." + outcome));
        return "redirect:/meetings/" + meetingId + "/minutes";
    }

    @GetMapping("/meetings/{meetingId}/minutes.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long meetingId) {
        Minutes minutes = visibleMinutes(actor, meetingId);

        byte[] content = export.download(actor, minutes, ExportFormat.PDF);
        return download(content, MediaType.APPLICATION_PDF, "bien-ban-" + meetingId + ".pdf");
    }

    @GetMapping("/meetings/{meetingId}/minutes.docx")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long meetingId) {
        Minutes minutes = visibleMinutes(actor, meetingId);

        byte[] content = export.download(actor, minutes, ExportFormat.DOCX);
        return download(content, DOCX, "bien-ban-" + meetingId + ".docx");
    }

    @GetMapping("/meetings/{meetingId}/minutes/versions/{versionNo}.pdf")
    ResponseEntity<byte[]> versionPdf(Actor actor, @PathVariable long meetingId, @PathVariable int versionNo) {
        Minutes minutes = book.version(actor, MeetingId.of(meetingId), versionNo);

        byte[] content = export.download(actor, minutes, ExportFormat.PDF);
        return download(content, MediaType.APPLICATION_PDF, fileName(minutes, "pdf"));
    }

    @GetMapping("/meetings/{meetingId}/minutes/versions/{versionNo}.docx")
    ResponseEntity<byte[]> versionDocx(Actor actor, @PathVariable long meetingId, @PathVariable int versionNo) {
        Minutes minutes = book.version(actor, MeetingId.of(meetingId), versionNo);

        byte[] content = export.download(actor, minutes, ExportFormat.DOCX);
        return download(content, DOCX, fileName(minutes, "docx"));
    }

    private Minutes visibleMinutes(Actor actor, long meetingId) {
        return book.visibleTo(actor, MeetingId.of(meetingId)).orElseThrow(NotFoundException::hidden);
    }

    private static String fileName(Minutes minutes, String extension) {
        return "bien-ban-" + minutes.meetingId().value() + "-lan-" + minutes.versionNo() + "." + extension;
    }

    static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
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

    private String pageAgain(Model model, HttpServletResponse response, Actor actor, Meeting meeting,
            RejectedEdit again) {
        response.setStatus(again.failure().status().value());
        addPage(model, actor, meeting, book.visibleTo(actor, meeting.id()).orElseThrow(NotFoundException::hidden),
                again);
        return "minutes/minutes";
    }

    private void addReadOnlyPage(Model model, Actor actor, Meeting meeting, Minutes minutes) {
        addCommon(model, actor, meeting, minutes);
        model.addAttribute("again", null);
        model.addAttribute("shownVersion", minutes.versionNo());
        model.addAttribute("forms", Map.of());
        model.addAttribute("canEdit", false);
        model.addAttribute("standsIn", false);
        model.addAttribute("canApprove", false);
        model.addAttribute("canCorrect", false);
        model.addAttribute("blocked", List.of());
    }

    /** Adds what every view of one version of the minutes shows: the document, its versions and its resolution. */
    private void addCommon(Model model, Actor actor, Meeting meeting, Minutes minutes) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("minutes", minutes);
        model.addAttribute("layout", export.layout(minutes));
        model.addAttribute("versions", book.versions(actor, meeting.id()).stream()
                .map(each -> MinutesVersionRow.of(each, book))
                .toList());
        model.addAttribute("resolution", resolutions.visibleTo(actor, meeting.id()).orElse(null));
        model.addAttribute("lastEditor", minutes.updatedBy() == null ? null
                : book.lastEditorName(minutes).orElse(""));
    }

    private void addPage(Model model, Actor actor, Meeting meeting, @Nullable Minutes minutes,
            @Nullable RejectedEdit again) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("minutes", minutes);
        model.addAttribute("again", again);
        model.addAttribute("shownVersion", null);
        if (minutes == null) {
            model.addAttribute("awaitingApproval", book.of(meeting.id()).isPresent());
            return;
        }
        addCommon(model, actor, meeting, minutes);
        boolean canEdit = permissions.canEdit(actor, meeting, minutes);
        model.addAttribute("canCorrect", permissions.canStartCorrection(actor, meeting, minutes));
        model.addAttribute("forms", canEdit ? forms(minutes.narrative(), again) : Map.of());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("standsIn", canEdit && !permissions.isMinuteTaker(actor, meeting));
        model.addAttribute("canApprove", permissions.canApprove(actor, meeting, minutes));
        model.addAttribute("blocked", book.blockedSignatories(meeting, minutes));
    }

    /** Returns the values of each part's form by part code: as stored, or as typed for the part shown again. */
    private static Map<String, NarrativeFormData> forms(MinutesNarrative narrative, @Nullable RejectedEdit again) {
        var forms = new HashMap<String, NarrativeFormData>();
        forms.put(NarrativePart.GUESTS.code(), new NarrativeFormData(narrative.guests(), null, null, null));
        for (MinutesItem item : narrative.items()) {
            forms.put(item.part().code(), new NarrativeFormData(item.content(), item.speakers(), item.conclusion(),
                    null));
        }
        forms.put(NarrativePart.OTHER_MATTERS.code(), new NarrativeFormData(narrative.otherMatters(), null, null,
                null));
        Optional.ofNullable(again).ifPresent(each -> forms.put(each.part().code(), each.form()));
        return forms;
    }
}
