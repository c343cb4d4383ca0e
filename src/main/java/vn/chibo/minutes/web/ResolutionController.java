package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.minutes.MinutesExport;
import vn.chibo.minutes.MinutesExport.ExportFormat;
import vn.chibo.minutes.MinutesPermissions;
import vn.chibo.minutes.Resolution;
import vn.chibo.minutes.ResolutionManagement;
import vn.chibo.minutes.Resolutions;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The resolution of a meeting: its draft edited and issued by whoever runs the cell, read once issued
 * by everyone who may see the meeting, downloaded as PDF or DOCX, and listed per cell.
 */
@Controller
class ResolutionController {

    private final Meetings meetings;
    private final Resolutions resolutions;
    private final ResolutionManagement management;
    private final MinutesPermissions permissions;
    private final MinutesExport export;
    private final Organizations organizations;

    ResolutionController(Meetings meetings, Resolutions resolutions, ResolutionManagement management,
            MinutesPermissions permissions, MinutesExport export, Organizations organizations) {
        this.meetings = meetings;
        this.resolutions = resolutions;
        this.management = management;
        this.permissions = permissions;
        this.export = export;
        this.organizations = organizations;
    }

    @GetMapping("/meetings/{meetingId}/resolution")
    String resolution(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        Resolution resolution = visibleResolution(actor, meeting.id());

        model.addAttribute("meeting", meeting);
        model.addAttribute("resolution", resolution);
        model.addAttribute("layout", export.layout(resolution));
        model.addAttribute("canIssue", permissions.canIssue(actor, meeting, resolution));
        return "minutes/resolution";
    }

    @PostMapping("/meetings/{meetingId}/resolution")
    String edit(Actor actor, @PathVariable long meetingId, @ModelAttribute ResolutionFormData form,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        permissions.requireResolutionWriter(actor, meeting);

        int version = requireVersion(form.version());

        management.edit(actor, meeting.id(), form.decisions(), version);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.resolution.flash.saved"));
        return "redirect:/meetings/" + meetingId + "/resolution";
    }

    @PostMapping("/meetings/{meetingId}/resolution/issue")
    String issue(Actor actor, @PathVariable long meetingId, @ModelAttribute ResolutionFormData form,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        permissions.requireResolutionWriter(actor, meeting);

        int version = requireVersion(form.version());

        Resolution issued = management.issue(actor, meeting.id(), version);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("minutes.resolution.flash.issued",
                issued.numberText()));
        return "redirect:/meetings/" + meetingId + "/resolution";
    }

    @GetMapping("/meetings/{meetingId}/resolution.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long meetingId) {
        Resolution resolution = visibleResolution(actor, MeetingId.of(meetingId));

        byte[] content = export.download(actor, resolution, ExportFormat.PDF);
        return MinutesController.download(content, MediaType.APPLICATION_PDF,
                fileName(resolution, "pdf"));
    }

    @GetMapping("/meetings/{meetingId}/resolution.docx")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long meetingId) {
        Resolution resolution = visibleResolution(actor, MeetingId.of(meetingId));

        byte[] content = export.download(actor, resolution, ExportFormat.DOCX);
        return MinutesController.download(content, MinutesController.DOCX,
                fileName(resolution, "docx"));
    }

    /** Lists the issued resolutions of a cell, the latest first. */
    @GetMapping("/cells/{cellId}/resolutions")
    String ofCell(Actor actor, @PathVariable long cellId, Model model) {
        OrganizationId cell = OrganizationId.of(cellId);

        model.addAttribute("resolutions", resolutions.issuedOf(actor, cell));
        model.addAttribute("cell", organizations.get(cell));
        return "minutes/resolutions";
    }

    private Resolution visibleResolution(Actor actor, MeetingId meetingId) {
        return resolutions.visibleTo(actor, meetingId).orElseThrow(NotFoundException::hidden);
    }

    private static String fileName(Resolution resolution, String extension) {
        String number = resolution.isIssued() ? resolution.issueYear() + "-" + resolution.number()
                : "du-thao-" + resolution.meetingId().value();
        return "nghi-quyet-" + number + "." + extension;
    }

    private static int requireVersion(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException("minutes.resolution.error.versionMissing");
        }
        return version;
    }
}
