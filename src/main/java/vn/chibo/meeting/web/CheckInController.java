package vn.chibo.meeting.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.account.Actor;
import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.system.ChiboProperties;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.Formats;
import vn.chibo.system.QrSvg;

/**
 * Check-in while a meeting is in progress. The chair's screen shows a QR code that htmx replaces every
 * few seconds. A member's phone opens its address, and the member confirms with one tap, because a GET
 * must not change the roll: chat apps also send one to show a link's preview. Members of an online or
 * hybrid meeting join through a button that records them before redirecting to the meeting's link.
 */
@Controller
class CheckInController {

    /** How often the screen requests the current code; well below the code period, so a shown code is fresh. */
    static final int REFRESH_SECONDS = 5;

    private final Meetings meetings;
    private final CheckIns checkIns;
    private final MeetingPermissions permissions;
    private final MessageSource messages;
    private final Formats formats;
    private final @Nullable URI publicUrl;

    CheckInController(Meetings meetings, CheckIns checkIns, MeetingPermissions permissions, MessageSource messages,
            Formats formats, ChiboProperties properties) {
        this.meetings = meetings;
        this.checkIns = checkIns;
        this.permissions = permissions;
        this.messages = messages;
        this.formats = formats;
        this.publicUrl = properties.publicUrl();
    }

    @GetMapping("/meetings/{meetingId}/check-in/screen")
    String screen(Actor actor, @PathVariable long meetingId, Model model, Locale locale,
            HttpServletResponse response) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);

        noStore(response);
        model.addAttribute("meeting", meeting);
        addCode(actor, meeting, model, locale);
        return "meeting/check-in-screen";
    }

    /**
     * The code fragment that the screen polls. The status 286 makes htmx stop polling once the meeting
     * has ended or was cancelled; a published meeting is polled on until the chair starts it.
     */
    @GetMapping("/meetings/{meetingId}/check-in/code")
    String code(Actor actor, @PathVariable long meetingId, Model model, Locale locale, HttpServletResponse response) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);

        noStore(response);
        model.addAttribute("meeting", meeting);
        addCode(actor, meeting, model, locale);
        if (meeting.isClosed() || meeting.isCancelled()) {
            response.setStatus(286);
        }
        return "meeting/check-in-screen :: code";
    }

    /** The page that a scanned code opens: it checks the code and shows the button that confirms. */
    @GetMapping("/meetings/{meetingId}/check-in")
    String confirmation(Actor actor, @PathVariable long meetingId,
            @RequestParam(required = false) @Nullable String code, Model model) {
        MeetingId id = MeetingId.of(meetingId);
        var mark = checkIns.requireCheckIn(actor, id, code);

        model.addAttribute("meeting", meetings.get(id));
        model.addAttribute("code", code);
        model.addAttribute("mark", mark.orElse(null));
        return "meeting/check-in";
    }

    @PostMapping("/meetings/{meetingId}/check-in")
    String checkIn(Actor actor, @PathVariable long meetingId, @RequestParam(required = false) @Nullable String code,
            RedirectAttributes redirect) {
        CheckIns.Arrival arrival = checkIns.checkIn(actor, MeetingId.of(meetingId), code);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, arrivalMessage(arrival));
        return "redirect:/meetings/" + meetingId;
    }

    /** Records the member online and sends the browser to the meeting's stored link, never to another address. */
    @PostMapping("/meetings/{meetingId}/join-online")
    RedirectView joinOnline(Actor actor, @PathVariable long meetingId) {
        CheckIns.Arrival arrival = checkIns.joinOnline(actor, MeetingId.of(meetingId));

        var redirect = new RedirectView(arrival.onlineLink());
        redirect.setExposeModelAttributes(false);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    @PostMapping("/meetings/{meetingId}/leave")
    String leave(Actor actor, @PathVariable long meetingId, RedirectAttributes redirect) {
        checkIns.leave(actor, MeetingId.of(meetingId));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.checkIn.flash.left"));
        return "redirect:/meetings/" + meetingId;
    }

    /** The secretary records that a member leaves now. */
    @PostMapping("/meetings/{meetingId}/attendance/{memberId}/leave")
    String recordLeave(Actor actor, @PathVariable long meetingId, @PathVariable long memberId,
            RedirectAttributes redirect) {
        checkIns.recordLeave(actor, MeetingId.of(meetingId), MemberId.of(memberId));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.checkIn.flash.leaveRecorded"));
        return "redirect:/meetings/" + meetingId + "/attendance#roll-" + memberId;
    }

    private void addCode(Actor actor, Meeting meeting, Model model, Locale locale) {
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("present", meetings.tally(meeting.id()).present());
        if (!meeting.isInProgress()) {
            return;
        }
        CheckIns.Code code = checkIns.code(actor, meeting.id());
        String address = checkInAddress(meeting.id(), code.value());
        model.addAttribute("periodSeconds", code.periodSeconds());
        model.addAttribute("qr", QrSvg.of(address, messages.getMessage("meeting.checkIn.screen.qrLabel", null, locale)));
    }

    private FlashMessage arrivalMessage(CheckIns.Arrival arrival) {
        String time = formats.timeInZone(arrival.arrivedAt());
        if (!arrival.changed()) {
            return new FlashMessage("meeting.checkIn.flash.already", time);
        }
        return new FlashMessage(arrival.late() ? "meeting.checkIn.flash.late" : "meeting.checkIn.flash.checkedIn", time);
    }

    /**
     * Returns the address the QR code encodes: under {@code chibo.public-url} when it is set, else as the
     * secretary's browser reached this server.
     */
    private String checkInAddress(MeetingId meeting, String code) {
        UriComponentsBuilder base = publicUrl == null ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl.toString().replaceAll("/+$", ""));
        return base.path("/meetings/{id}/check-in").queryParam("code", code).buildAndExpand(meeting.value())
                .toUriString();
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
