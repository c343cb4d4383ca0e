package vn.chibo.document.library.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import vn.chibo.account.Actor;
import vn.chibo.document.library.AccessLog;
import vn.chibo.document.library.DocumentFiles;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.document.library.ServedFile;
import vn.chibo.offline.OfflineContent;

/**
 * The content of a document, shown in the browser or downloaded. Each request is one logged access;
 * the client address is the one the server sees, which {@code server.forward-headers-strategy} makes
 * the reader's own behind a reverse proxy.
 */
@Controller
class DocumentFileController {

    private final DocumentFiles files;

    DocumentFileController(DocumentFiles files) {
        this.files = files;
    }

    @GetMapping("/documents/{id}/file")
    ResponseEntity<Resource> view(Actor actor, @PathVariable long id, HttpServletRequest request,
            @RequestHeader(name = OfflineContent.SAVE_HEADER, required = false) @Nullable String offline) {
        AccessLog.Action action = OfflineContent.SAVING.equals(offline) ? AccessLog.Action.SAVED_OFFLINE
                : AccessLog.Action.VIEW;
        ServedFile served = files.serve(actor, LibraryDocumentId.of(id), action, request.getRemoteAddr());
        return response(served, ContentDisposition.inline());
    }

    @GetMapping("/documents/{id}/download")
    ResponseEntity<Resource> download(Actor actor, @PathVariable long id, HttpServletRequest request) {
        ServedFile served = files.serve(actor, LibraryDocumentId.of(id), AccessLog.Action.DOWNLOAD,
                request.getRemoteAddr());
        return response(served, ContentDisposition.attachment());
    }

    /**
     * Builds the response with the stored content type, a UTF-8 file name, no sniffing of the type, and
     * for an internal document no copy in any cache. The resource converter closes the stream when it
     * has copied it, which deletes a watermarked copy's temporary file.
     */
    static ResponseEntity<Resource> response(ServedFile served, ContentDisposition.Builder disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(served.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(served.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(served.internal() ? CacheControl.noStore().cachePrivate()
                        : CacheControl.noCache().cachePrivate())
                .contentLength(served.sizeBytes())
                .body(new InputStreamResource(served.content()));
    }
}
