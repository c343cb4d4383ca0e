package vn.chibo.minutes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.Meetings;

/**
 * Lays out minutes and resolutions in their printed form and writes them as PDF, to print and read,
 * or DOCX, to rework.
 */
@Component
public class MinutesExport {

    private final MinutesLayout.Builder layouts;
    private final MinutesPdf pdf;
    private final MinutesDocx docx;
    private final Meetings meetings;
    private final AuditLog audit;

    MinutesExport(MinutesLayout.Builder layouts, MinutesPdf pdf, MinutesDocx docx, Meetings meetings,
            AuditLog audit) {
        this.layouts = layouts;
        this.pdf = pdf;
        this.docx = docx;
        this.meetings = meetings;
        this.audit = audit;
    }

    /**
     * Writes the minutes as a download for the actor, who must already be allowed to see them, and
     * records the download in the audit trail.
     */
    @Transactional
    public byte[] download(Actor actor, Minutes minutes, ExportFormat format) {
        byte[] content = format == ExportFormat.PDF ? pdf(minutes) : docx(minutes);
        audit.record(new AuditEntry(actor.accountId().value(), meetings.get(minutes.meetingId()).cellId().value(),
                "minutes.downloaded", "minutes", minutes.id(), "meeting=" + minutes.meetingId() + " version="
                        + minutes.versionNo() + " format=" + format));
        return content;
    }

    /**
     * Writes the resolution as a download for the actor, who must already be allowed to see it, and
     * records the download in the audit trail.
     */
    @Transactional
    public byte[] download(Actor actor, Resolution resolution, ExportFormat format) {
        byte[] content = format == ExportFormat.PDF ? pdf(resolution) : docx(resolution);
        audit.record(new AuditEntry(actor.accountId().value(), resolution.cellId().value(), "resolution.downloaded",
                "resolution", resolution.id(), "meeting=" + resolution.meetingId() + " format=" + format));
        return content;
    }

    /** The file formats of a download. */
    public enum ExportFormat {
        PDF, DOCX
    }

    /** Returns the printed form of the minutes, which the minutes page also draws. */
    public MinutesLayout layout(Minutes minutes) {
        return layouts.of(minutes);
    }

    public byte[] pdf(Minutes minutes) {
        return pdf.write(layouts.of(minutes), name(minutes));
    }

    public byte[] docx(Minutes minutes) {
        return docx.write(layouts.of(minutes), name(minutes));
    }

    /** Returns the printed form of the resolution, which the resolution page also draws. */
    public MinutesLayout layout(Resolution resolution) {
        return layouts.of(resolution);
    }

    public byte[] pdf(Resolution resolution) {
        return pdf.write(layouts.of(resolution), name(resolution));
    }

    public byte[] docx(Resolution resolution) {
        return docx.write(layouts.of(resolution), name(resolution));
    }

    private static String name(Minutes minutes) {
        return "minutes " + minutes.id() + " (version " + minutes.versionNo() + ")";
    }

    private static String name(Resolution resolution) {
        return "resolution " + resolution.id();
    }
}
