package vn.chibo.meeting.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.document.PdfWatermarker;
import vn.chibo.meeting.DocumentDownload;
import vn.chibo.meeting.DocumentRejected;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocumentId;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.offline.OfflineContent;
import vn.chibo.system.FlashMessage;

/**
 * Attaching files to a meeting and downloading them. A download is served only to those who may
 * see the meeting, always as an attachment, so that no file is ever shown inside the site.
 */
@Controller
class MeetingDocumentController {

    /** The flash attribute under which a rejected upload's message returns to the meeting page. */
    static final String UPLOAD_ERROR = "documentError";

    /** The flash attribute that warns of a document attached less than a day before the meeting. */
    static final String LATE_WARNING = "documentLate";

    private static final String PDF = "application/pdf";

    private final MeetingDocuments documents;
    private final Meetings meetings;
    private final PdfWatermarker watermarker;

    MeetingDocumentController(MeetingDocuments documents, Meetings meetings, PdfWatermarker watermarker) {
        this.watermarker = watermarker;
        this.documents = documents;
        this.meetings = meetings;
    }

    @PostMapping("/meetings/{meetingId}/documents")
    String attach(Actor actor, @PathVariable long meetingId, @RequestParam(required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        String back = "redirect:/meetings/" + meetingId + "#documents";
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            redirect.addFlashAttribute(UPLOAD_ERROR, new FlashMessage("meeting.document.error.missing"));
            return back;
        }

        MeetingDocument document;
        try (InputStream content = file.getInputStream()) {
            document = documents.attach(actor, MeetingId.of(meetingId), nameOf(file), content);
        }
        catch (DocumentRejected rejected) {
            redirect.addFlashAttribute(UPLOAD_ERROR, new FlashMessage(rejected.messageKey(),
                    rejected.messageArguments()));
            return back;
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.document.attached",
                document.file().fileName()));
        if (document.isLateFor(meetings.get(document.meetingId()))) {
            redirect.addFlashAttribute(LATE_WARNING, new FlashMessage("meeting.document.late",
                    document.file().fileName()));
        }
        return back;
    }

    /**
     * Serves the file as an attachment. A PDF is stamped on every page with the reader's name, number
     * and the time, into a temporary file that closing the stream deletes, after the download's
     * transaction, so that no database connection waits on the stamp.
     */
    @GetMapping("/meetings/{meetingId}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable long meetingId,
            @PathVariable long documentId,
            @RequestHeader(name = OfflineContent.SAVE_HEADER, required = false) @Nullable String offline)
            throws IOException {
        boolean saving = OfflineContent.SAVING.equals(offline);
        DocumentDownload download = saving
                ? documents.saveForOffline(actor, MeetingId.of(meetingId), MeetingDocumentId.of(documentId))
                : documents.download(actor, MeetingId.of(meetingId), MeetingDocumentId.of(documentId));

        InputStream content = download.content();
        long length = download.file().sizeBytes();
        if (PDF.equals(download.file().contentType())) {
            Path copy = watermarked(download);
            // Measured first: on Linux, DELETE_ON_CLOSE removes the file's name as soon as it is opened.
            length = Files.size(copy);
            content = Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.file().contentType()))
                .contentLength(length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(content));
    }

    private Path watermarked(DocumentDownload download) throws IOException {
        Path copy = Files.createTempFile("chibo-watermarked-", ".pdf");
        try (InputStream original = download.content(); OutputStream out = Files.newOutputStream(copy)) {
            watermarker.stamp(original, out, download.mark());
            return copy;
        }
        catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(copy);
            throw failure;
        }
    }

    @PostMapping("/meetings/{meetingId}/documents/{documentId}/remove")
    String remove(Actor actor, @PathVariable long meetingId, @PathVariable long documentId,
            RedirectAttributes redirect) {
        documents.remove(actor, MeetingId.of(meetingId), MeetingDocumentId.of(documentId));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.document.removed"));
        return "redirect:/meetings/" + meetingId + "#documents";
    }

    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null ? "" : name;
    }
}
