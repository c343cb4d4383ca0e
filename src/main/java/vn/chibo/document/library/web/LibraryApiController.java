package vn.chibo.document.library.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.AccessLog;
import vn.chibo.document.library.DocumentFiles;
import vn.chibo.document.library.DocumentVersion;
import vn.chibo.document.library.LibraryDocument;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.document.library.LibraryDocuments;
import vn.chibo.document.library.LibraryEntry;
import vn.chibo.organization.Organizations;
import vn.chibo.system.InvalidInputException;

/**
 * The library for the mobile app: the documents the caller may open, their details and the current
 * file, watermarked and logged as on the pages. A document the caller may not open returns 404.
 */
@RestController
@SecurityRequirement(name = "bearerToken")
class LibraryApiController {

    /** Documents per page of the API's list; the app loads the next page as the reader scrolls. */
    static final int PAGE_SIZE = 100;

    private final LibraryDocuments documents;
    private final DocumentFiles files;
    private final Organizations organizations;

    LibraryApiController(LibraryDocuments documents, DocumentFiles files, Organizations organizations) {
        this.documents = documents;
        this.files = files;
        this.organizations = organizations;
    }

    /**
     * @param number số và ký hiệu, or null
     * @param unread whether the caller's member record has not opened the document yet
     * @param file the path of the current file
     */
    record DocumentSummary(long id, String title, @Nullable String number, @Nullable LocalDate issuedOn,
            DocumentKind kind, Classification classification, long ownerId, String ownerName, Instant createdAt,
            boolean unread, String file) {
    }

    /** @param versions every version, the current (highest) first */
    record DocumentView(long id, String title, @Nullable String number, @Nullable LocalDate issuedOn,
            @Nullable String issuingBody, DocumentKind kind, Classification classification, @Nullable String summary,
            List<String> tags, long ownerId, String ownerName, Instant createdAt, Instant updatedAt,
            List<VersionView> versions, String file) {
    }

    record VersionView(int versionNo, String format, @Nullable Integer pageCount, @Nullable String note,
            Instant uploadedAt, String uploadedBy) {
    }

    @Operation(summary = "The documents the caller may open", description = "Newest first, " + PAGE_SIZE
            + " to a page; optionally of one kind or one owning organization. The header X-Total-Count gives how "
            + "many match, and a Link header names the next and the previous page (RFC 8288). A page past the end "
            + "is an empty list.")
    @ApiResponse(responseCode = "200", description = "One page of the documents")
    @ApiResponse(responseCode = "422", description = "The page is below 1",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/documents")
    ResponseEntity<List<DocumentSummary>> list(Actor actor, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Long organization,
            @Parameter(description = "The page, from 1") @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw new InvalidInputException("document.library.error.page");
        }
        DocumentKind kindFilter = LibraryController.kindOf(kind);
        var filter = new LibraryDocuments.ListFilter(kindFilter, organization);
        LibraryDocuments.ListPage<LibraryEntry> shown = documents.list(actor, filter, page, PAGE_SIZE);
        String kindName = kindFilter == null ? null : kindFilter.name();

        var response = ResponseEntity.ok().header("X-Total-Count", Integer.toString(shown.total()));
        List<String> links = new ArrayList<>();
        if (shown.hasNext()) {
            links.add(pageLink(kindName, organization, page + 1, "next"));
        }
        if (page > 1) {
            links.add(pageLink(kindName, organization, Math.min(page - 1, shown.pages()), "prev"));
        }
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(shown.entries().stream().map(LibraryApiController::summaryOf).toList());
    }

    private static String pageLink(@Nullable String kind, @Nullable Long organization, int page, String relation) {
        return "<" + LibraryController.listPath("/api/v1/documents", kind, organization, page) + ">; rel=\""
                + relation + "\"";
    }

    @Operation(summary = "One document", description = "Its details and versions. 404 when it is missing, "
            + "withdrawn or not issued to an organization of the caller.")
    @ApiResponse(responseCode = "200", description = "The document")
    @GetMapping("/api/v1/documents/{id}")
    DocumentView details(Actor actor, @PathVariable long id) {
        LibraryDocument document = documents.get(actor, LibraryDocumentId.of(id));
        List<VersionView> versions = documents.versions(document.id()).stream()
                .map(LibraryApiController::versionOf)
                .toList();
        return new DocumentView(id, document.title(), document.number(), document.issuedOn(), document.issuingBody(),
                document.kind(), document.classification(), document.summary(), document.tags(),
                document.ownerId().value(), organizations.get(document.ownerId()).name(), document.createdAt(),
                document.updatedAt(), versions, filePath(id));
    }

    @Operation(summary = "The current file of a document", description = "An internal document comes as a PDF "
            + "watermarked with the caller's name, member number and the time; a public one as stored. Every "
            + "request is logged and counts as the caller's reading of it.")
    @ApiResponse(responseCode = "200", description = "The file")
    @GetMapping("/api/v1/documents/{id}/file")
    ResponseEntity<Resource> file(Actor actor, @PathVariable long id, HttpServletRequest request) {
        var served = files.serve(actor, LibraryDocumentId.of(id), AccessLog.Action.DOWNLOAD, request.getRemoteAddr());
        return DocumentFileController.response(served, ContentDisposition.attachment());
    }

    private static DocumentSummary summaryOf(LibraryEntry entry) {
        return new DocumentSummary(entry.id().value(), entry.title(), entry.number(), entry.issuedOn(), entry.kind(),
                entry.classification(), entry.ownerId(), entry.ownerName(), entry.createdAt(), entry.unread(),
                filePath(entry.id().value()));
    }

    private static VersionView versionOf(DocumentVersion version) {
        return new VersionView(version.versionNo(), version.format(), version.pageCount(), version.note(),
                version.uploadedAt(), version.uploaderName());
    }

    private static String filePath(long id) {
        return "/api/v1/documents/" + id + "/file";
    }
}
