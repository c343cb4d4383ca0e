package vn.chibo.document.library.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.account.Actor;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.AccessLog;
import vn.chibo.document.library.Distributions;
import vn.chibo.document.library.LibraryDocument;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.document.library.LibraryDocuments;
import vn.chibo.document.library.LibraryEntry;
import vn.chibo.document.library.LibraryPermissions;
import vn.chibo.document.library.ReadersReport;
import vn.chibo.document.library.WithdrawnEntry;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.Option;
import vn.chibo.system.PageNumbers;

/**
 * The library list of the documents a reader may open, and the page of one document: its details and
 * versions, and for those who manage or receive it the distribution form, the readers report and the
 * access log.
 */
@Controller
class LibraryController {

    private final LibraryDocuments documents;
    private final LibraryPermissions permissions;
    private final Distributions distributions;
    private final ReadersReport readers;
    private final AccessLog accessLog;
    private final Organizations organizations;
    private final MessageSource messages;

    LibraryController(LibraryDocuments documents, LibraryPermissions permissions, Distributions distributions,
            ReadersReport readers, AccessLog accessLog, Organizations organizations, MessageSource messages) {
        this.documents = documents;
        this.permissions = permissions;
        this.distributions = distributions;
        this.readers = readers;
        this.accessLog = accessLog;
        this.organizations = organizations;
        this.messages = messages;
    }

    /** Shows one page of the library, newest first; a page past the end shows the last one. */
    @GetMapping("/documents")
    String list(Actor actor, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Long organization,
            @RequestParam(defaultValue = "1") String page, Model model, Locale locale) {
        DocumentKind kindFilter = kindOf(kind);

        var filter = new LibraryDocuments.ListFilter(kindFilter, organization);
        LibraryDocuments.ListPage<LibraryEntry> shown = documents.list(actor, filter, PageNumbers.parse(page),
                LibraryDocuments.PAGE_SIZE);
        if (shown.page() > shown.pages()) {
            shown = documents.list(actor, filter, shown.pages(), LibraryDocuments.PAGE_SIZE);
        }

        model.addAttribute("entries", shown.entries());
        model.addAttribute("listPage", shown);
        String kindName = kindFilter == null ? null : kindFilter.name();
        model.addAttribute("previousPage", listPath("/documents", kindName, organization, shown.page() - 1));
        model.addAttribute("nextPage", listPath("/documents", kindName, organization, shown.page() + 1));
        model.addAttribute("owners", documents.owners(actor));
        model.addAttribute("kindOptions", kindOptions(locale));
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("organization", organization);
        model.addAttribute("canUpload", !permissions.managedLibraries(actor).isEmpty());
        return "document/list";
    }

    /**
     * Lists the withdrawn documents of the libraries the actor manages, so that what was withdrawn stays
     * on record and can be restored. Others may not open the list.
     */
    @GetMapping("/documents/withdrawn")
    String withdrawn(Actor actor, @RequestParam(defaultValue = "1") String page, Model model) {
        List<OrganizationId> libraries = permissions.managedLibraries(actor).stream().map(Organization::id).toList();
        if (libraries.isEmpty()) {
            throw ForbiddenException.notAllowed();
        }

        LibraryDocuments.ListPage<WithdrawnEntry> shown = documents.withdrawn(libraries, PageNumbers.parse(page),
                LibraryDocuments.PAGE_SIZE);
        if (shown.page() > shown.pages()) {
            shown = documents.withdrawn(libraries, shown.pages(), LibraryDocuments.PAGE_SIZE);
        }

        model.addAttribute("listPage", shown);
        model.addAttribute("previousPage", "/documents/withdrawn?page=" + (shown.page() - 1));
        model.addAttribute("nextPage", "/documents/withdrawn?page=" + (shown.page() + 1));
        return "document/withdrawn-list";
    }

    /**
     * Shows the document to a reader who may open it. A withdrawn document is shown only to the managers
     * of its library, with its record and the actions to restore or delete it. Others get not-found.
     */
    @GetMapping("/documents/{id}")
    String page(Actor actor, @PathVariable long id, Model model) {
        Optional<LibraryDocument> readable = documents.find(actor, LibraryDocumentId.of(id));
        if (readable.isEmpty()) {
            return withdrawnPage(actor, LibraryDocumentId.of(id), model);
        }
        LibraryDocument document = readable.get();

        boolean manages = permissions.canManage(actor, document.ownerId());
        boolean issues = permissions.canIssue(actor, document);

        model.addAttribute("document", document);
        model.addAttribute("owner", organizations.get(document.ownerId()));
        model.addAttribute("versions", documents.versions(document.id()));
        model.addAttribute("manages", manages);
        model.addAttribute("issues", issues);
        model.addAttribute("recipients", manages ? distributions.recipients(document.id()) : List.of());
        model.addAttribute("possibleRecipients", issues ? distributions.possibleRecipients(document) : List.of());
        model.addAttribute("readers", readers.isVisibleTo(actor, document) ? readers.of(actor, document) : List.of());
        model.addAttribute("accessLog", manages ? accessLog.latest(document.id()) : List.of());
        return "document/page";
    }

    private List<Option> kindOptions(Locale locale) {
        return java.util.Arrays.stream(DocumentKind.values())
                .map(each -> new Option(each.name(), messages.getMessage("document.kind." + each.name(), null, locale)))
                .toList();
    }

    private String withdrawnPage(Actor actor, LibraryDocumentId id, Model model) {
        LibraryDocument document = documents.findWithdrawn(id)
                .filter(withdrawn -> permissions.canManage(actor, withdrawn.ownerId()))
                .orElseThrow(NotFoundException::hidden);

        model.addAttribute("document", document);
        model.addAttribute("owner", organizations.get(document.ownerId()));
        model.addAttribute("versions", documents.versions(document.id()));
        model.addAttribute("withdrawnBy", documents.withdrawnBy(document.id()));
        model.addAttribute("recipients", distributions.recipients(document.id()));
        return "document/withdrawn";
    }

    /** Returns the address of one page of a library list, with the filters that are set and nothing else. */
    static String listPath(String path, @Nullable String kind, @Nullable Long organization, int page) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("kind", Optional.ofNullable(kind).filter(value -> !value.isBlank()))
                .queryParamIfPresent("organization", Optional.ofNullable(organization))
                .queryParam("page", page)
                .encode()
                .toUriString();
    }

    static @Nullable DocumentKind kindOf(@Nullable String kind) {
        for (DocumentKind each : DocumentKind.values()) {
            if (each.name().equals(kind)) {
                return each;
            }
        }
        return null;
    }
}
