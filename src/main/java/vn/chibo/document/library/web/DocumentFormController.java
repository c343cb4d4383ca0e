package vn.chibo.document.library.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.DocumentProperties;
import vn.chibo.document.library.DocumentDetails;
import vn.chibo.document.library.DocumentUploads;
import vn.chibo.document.library.LibraryDocument;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.document.library.LibraryDocuments;
import vn.chibo.document.library.LibraryPermissions;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.Option;
import vn.chibo.system.UploadLimit;

/**
 * Uploading a document, a new version of its file, editing its details and withdrawing it, for the
 * managers of its library. An upload is written to a temporary file, which is inspected, stored and
 * deleted in every case. A refused file comes back to the form with the reason and leaves nothing.
 */
@Controller
class DocumentFormController {

    private static final Logger log = LoggerFactory.getLogger(DocumentFormController.class);

    private final DocumentUploads uploads;
    private final LibraryDocuments documents;
    private final LibraryPermissions permissions;
    private final MessageSource messages;
    private final UploadLimit uploadLimit;

    DocumentFormController(DocumentUploads uploads, LibraryDocuments documents, LibraryPermissions permissions,
            MessageSource messages, DocumentProperties properties) {
        this.uploads = uploads;
        this.documents = documents;
        this.permissions = permissions;
        this.messages = messages;
        this.uploadLimit = UploadLimit.of(properties.maxSize());
    }

    @GetMapping("/documents/new")
    String newForm(Actor actor, Model model, Locale locale) {
        List<Organization> libraries = requireLibraries(actor);

        return render(model, null, DocumentFormData.empty(), Map.of(), libraries, locale);
    }

    @PostMapping("/documents/new")
    String create(Actor actor, @ModelAttribute DocumentFormData form,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        List<Organization> libraries = requireLibraries(actor);

        if (form.secretLevel() != null) {
            return refused(model, null, form, libraries, locale, response,
                    (DomainException) uploads.secretDeclared());
        }
        Map<String, String> problems = new LinkedHashMap<>(form.problems(true));
        if (problems.isEmpty()) {
            problems.putAll(form.details().problems(uploads.today()));
        }
        if (isMissing(file)) {
            problems.put("file", "document.error.fileMissing");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, null, form, resolve(problems, locale), libraries, locale);
        }

        LibraryDocumentId id;
        try {
            id = withTemporaryCopy(file, upload -> uploads.create(actor, OrganizationId.of(form.owner()),
                    form.details(), upload, nameOf(file)));
        }
        catch (DomainException refused) {
            return refused(model, null, form, libraries, locale, response, rethrowAuthorization(refused));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.created"));
        return "redirect:/documents/" + id.value();
    }

    @GetMapping("/documents/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model, Locale locale) {
        LibraryDocument document = managed(actor, id);

        return render(model, document, DocumentFormData.of(document), Map.of(), List.of(), locale);
    }

    @PostMapping("/documents/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute DocumentFormData form, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        LibraryDocument document = managed(actor, id);

        if (form.secretLevel() != null) {
            // The file is already stored, so the upload's refusal ("nothing was kept") would be untrue here.
            return refused(model, document, form, List.of(), locale, response,
                    new InvalidInputException("document.error.secretOnEdit"));
        }
        Map<String, String> problems = new LinkedHashMap<>(form.problems(false));
        if (problems.isEmpty()) {
            problems.putAll(form.details().problems(uploads.today()));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, document, form, resolve(problems, locale), List.of(), locale);
        }

        uploads.edit(actor, document.id(), form.details());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.edited"));
        return "redirect:/documents/" + id;
    }

    @GetMapping("/documents/{id}/versions/new")
    String versionForm(Actor actor, @PathVariable long id, Model model) {
        LibraryDocument document = managed(actor, id);

        model.addAttribute("document", document);
        model.addAttribute("uploadLimit", uploadLimit);
        return "document/version-form";
    }

    @PostMapping("/documents/{id}/versions/new")
    String addVersion(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        LibraryDocument document = managed(actor, id);

        if (isMissing(file)) {
            return versionRefused(model, document, response, new FlashMessage("document.error.fileMissing"));
        }

        int versionNo;
        try {
            versionNo = withTemporaryCopy(file, upload -> uploads.addVersion(actor, document.id(), upload,
                    nameOf(file), note));
        }
        catch (DomainException refused) {
            DomainException shown = rethrowAuthorization(refused);
            return versionRefused(model, document, response, new FlashMessage(shown.messageKey(),
                    shown.messageArguments()));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.versionAdded", versionNo));
        return "redirect:/documents/" + id;
    }

    /**
     * Withdraws the document from every reader. It needs the ticked confirmation, because one tap on a
     * phone would otherwise take a document away from every cell it was issued to.
     */
    @PostMapping("/documents/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable long id,
            @RequestParam(name = "confirm", required = false) @Nullable String confirm, RedirectAttributes redirect) {
        LibraryDocument document = managed(actor, id);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage("document.error.confirmWithdraw"));
            return "redirect:/documents/" + id + "#manage";
        }

        uploads.withdraw(actor, document.id());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.withdrawn"));
        return "redirect:/documents";
    }

    /** Restores a withdrawn document to its readers. Anyone but a manager of its library gets not-found. */
    @PostMapping("/documents/{id}/restore")
    String restore(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        uploads.restore(actor, LibraryDocumentId.of(id));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.restored"));
        return "redirect:/documents/" + id;
    }

    /**
     * Deletes the document, its files and its records for good, after the ticked confirmation. Others
     * get not-found, also for a withdrawn document.
     */
    @PostMapping("/documents/{id}/purge")
    String purge(Actor actor, @PathVariable long id,
            @RequestParam(name = "confirm", required = false) @Nullable String confirm, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            // A withdrawn document's page offers deletion too, so its managers must find it here as well.
            documents.find(actor, LibraryDocumentId.of(id))
                    .or(() -> documents.findWithdrawn(LibraryDocumentId.of(id)))
                    .filter(document -> permissions.canManage(actor, document.ownerId()))
                    .orElseThrow(NotFoundException::hidden);
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage("document.error.confirmPurge"));
            return "redirect:/documents/" + id + "#manage";
        }

        uploads.purge(actor, LibraryDocumentId.of(id));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.purged"));
        return "redirect:/documents";
    }

    /** An action on a temporary copy of the upload. */
    private interface UploadAction<T> {
        T apply(Path upload);
    }

    /**
     * Writes the upload to a temporary file, runs the action on it and deletes the file whatever happens,
     * so that nothing of a refused upload stays on the server's disk.
     */
    private static <T> T withTemporaryCopy(MultipartFile file, UploadAction<T> action) {
        Path upload = null;
        try {
            upload = Files.createTempFile("chibo-library-", ".upload");
            file.transferTo(upload);
            return action.apply(upload);
        }
        catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
        finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                }
                catch (IOException failure) {
                    log.warn("Deleting the temporary upload {} failed: {}", upload.getFileName(), failure.getMessage());
                }
            }
        }
    }

    private LibraryDocument managed(Actor actor, long id) {
        LibraryDocument document = documents.get(actor, LibraryDocumentId.of(id));
        permissions.requireManage(actor, document.ownerId());
        return document;
    }

    private List<Organization> requireLibraries(Actor actor) {
        List<Organization> libraries = permissions.managedLibraries(actor);
        if (libraries.isEmpty()) {
            throw ForbiddenException.notAllowed();
        }
        return libraries;
    }

    /** Returns the exception for a refusal to show in the form; one about the actor's rights is thrown on. */
    private static DomainException rethrowAuthorization(DomainException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        return refused;
    }

    private String refused(Model model, @Nullable LibraryDocument document, DocumentFormData form,
            List<Organization> libraries, Locale locale, HttpServletResponse response, DomainException refused) {
        response.setStatus(refused.status().value());
        model.addAttribute(FlashMessage.ERROR, new FlashMessage(refused.messageKey(), refused.messageArguments()));
        return render(model, document, form, Map.of(), libraries, locale);
    }

    private String versionRefused(Model model, LibraryDocument document, HttpServletResponse response,
            FlashMessage error) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute(FlashMessage.ERROR, error);
        model.addAttribute("document", document);
        model.addAttribute("uploadLimit", uploadLimit);
        return "document/version-form";
    }

    private String render(Model model, @Nullable LibraryDocument document, DocumentFormData form,
            Map<String, String> errors, List<Organization> libraries, Locale locale) {
        model.addAttribute("document", document);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("ownerOptions", libraries.stream()
                .map(library -> new Option(Long.toString(library.id().value()), library.name()))
                .toList());
        model.addAttribute("kindOptions", Arrays.stream(DocumentKind.values())
                .map(kind -> new Option(kind.name(), message("document.kind." + kind.name(), locale)))
                .toList());
        model.addAttribute("classificationOptions", classificationOptions(locale));
        model.addAttribute("maxTags", DocumentDetails.MAX_TAGS);
        model.addAttribute("uploadLimit", uploadLimit);
        return "document/form";
    }

    private List<Option> classificationOptions(Locale locale) {
        List<Option> options = new java.util.ArrayList<>();
        for (Classification classification : Classification.values()) {
            options.add(new Option(classification.name(),
                    message("document.classification." + classification.name(), locale)));
        }
        for (String level : DocumentFormData.SECRET_LEVELS) {
            options.add(new Option(level, message("document.classification." + level, locale)));
        }
        return options;
    }

    private Map<String, String> resolve(Map<String, String> problems, Locale locale) {
        Map<String, String> resolved = new LinkedHashMap<>();
        problems.forEach((field, key) -> resolved.put(field, message(key, locale)));
        return resolved;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static boolean isMissing(@Nullable MultipartFile file) {
        return file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank());
    }

    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null ? "" : name;
    }
}
