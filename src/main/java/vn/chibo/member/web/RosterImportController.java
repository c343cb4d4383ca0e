package vn.chibo.member.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.importing.NotARoster;
import vn.chibo.member.importing.RosterChangedSincePreview;
import vn.chibo.member.importing.RosterImport;
import vn.chibo.member.importing.RosterImportId;
import vn.chibo.member.importing.RosterImportProperties;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.UploadLimit;

/**
 * The import of a roster file: the upload form, the preview of every row, and the confirmation or
 * discarding of the preview.
 */
@Controller
class RosterImportController {

    private final MemberPermissions permissions;
    private final RosterImports imports;
    private final RosterImportProperties limits;

    RosterImportController(MemberPermissions permissions, RosterImports imports, RosterImportProperties limits) {
        this.permissions = permissions;
        this.imports = imports;
        this.limits = limits;
    }

    @GetMapping("/cells/{cellId}/members/import")
    String uploadForm(Actor actor, @PathVariable long cellId, Model model) {
        var cell = OrganizationId.of(cellId);
        Organization organization = permissions.requireManageRoster(actor, cell);

        return uploadPage(actor, organization, model, null);
    }

    @PostMapping("/cells/{cellId}/members/import")
    String upload(Actor actor, @PathVariable long cellId, @RequestParam(name = "file", required = false)
            @Nullable MultipartFile file, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        var cell = OrganizationId.of(cellId);
        Organization organization = permissions.requireManageRoster(actor, cell);

        String fileName = file == null ? null : file.getOriginalFilename();
        if (file == null || fileName == null || fileName.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return uploadPage(actor, organization, model, new FlashMessage("member.import.error.noFile"));
        }
        // Uploads may be as large as meeting documents; a file too large for a roster is not read into memory.
        if (file.getSize() > limits.maxFileSize().toBytes()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return uploadPage(actor, organization, model,
                    new FlashMessage("member.import.error.tooLarge", limits.maxFileSize().toMegabytes()));
        }

        RosterImportId id;
        try {
            id = imports.upload(actor, cell, fileName, file.getBytes());
        }
        catch (NotARoster rejected) {
            response.setStatus(rejected.status().value());
            return uploadPage(actor, organization, model,
                    new FlashMessage(rejected.messageKey(), rejected.messageArguments()));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.import.uploaded"));
        return "redirect:/cells/" + cellId + "/members/import/" + id;
    }

    @GetMapping("/cells/{cellId}/members/import/{importId}")
    String preview(Actor actor, @PathVariable long cellId, @PathVariable long importId, Model model) {
        var cell = OrganizationId.of(cellId);
        Organization organization = permissions.requireManageRoster(actor, cell);

        model.addAttribute("cell", organization);
        model.addAttribute("preview", imports.preview(actor, cell, RosterImportId.of(importId)));
        return "member/preview";
    }

    @PostMapping("/cells/{cellId}/members/import/{importId}/confirm")
    String confirm(Actor actor, @PathVariable long cellId, @PathVariable long importId,
            @RequestParam(defaultValue = "") String digest, RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        RosterImport.Result result;
        try {
            result = imports.confirm(actor, cell, RosterImportId.of(importId), digest);
        }
        catch (RosterChangedSincePreview changed) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage(changed.messageKey()));
            return "redirect:/cells/" + cellId + "/members/import/" + importId;
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.import.applied", result.added(),
                result.updated(), result.unchanged(), result.rejected()));
        return "redirect:/cells/" + cellId + "/members";
    }

    @PostMapping("/cells/{cellId}/members/import/{importId}/discard")
    String discard(Actor actor, @PathVariable long cellId, @PathVariable long importId, RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        imports.discard(actor, cell, RosterImportId.of(importId));

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.import.discarded"));
        return "redirect:/cells/" + cellId + "/members/import";
    }

    private String uploadPage(Actor actor, Organization cell, Model model, @Nullable FlashMessage error) {
        model.addAttribute("cell", cell);
        model.addAttribute("recent", imports.recent(actor, cell.id()));
        model.addAttribute("uploadLimit", UploadLimit.of(limits.maxFileSize()));
        model.addAttribute("maxRows", limits.maxRows());
        model.addAttribute("uploadError", error);
        return "member/import";
    }
}
