package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.RosterExport;
import vn.chibo.organization.OrganizationId;

/** Downloads of a cell's roster as filtered on its page, for those who run the cell. */
@Controller
class RosterExportController {

    private final MemberPermissions permissions;
    private final RosterExport export;

    RosterExportController(MemberPermissions permissions, RosterExport export) {
        this.permissions = permissions;
        this.export = export;
    }

    @PostMapping("/cells/{cellId}/members/export.xlsx")
    ResponseEntity<byte[]> xlsx(Actor actor, @PathVariable long cellId, @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(defaultValue = "") String membership, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String transfer, Locale locale) {
        return download(actor, cellId, search, membership, activity, transfer, RosterExport.Format.XLSX, locale);
    }

    @PostMapping("/cells/{cellId}/members/export.csv")
    ResponseEntity<byte[]> csv(Actor actor, @PathVariable long cellId, @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(defaultValue = "") String membership, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String transfer, Locale locale) {
        return download(actor, cellId, search, membership, activity, transfer, RosterExport.Format.CSV, locale);
    }

    private ResponseEntity<byte[]> download(Actor actor, long cellId, String search, String membership, String activity,
            String transfer, RosterExport.Format format, Locale locale) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        RosterExport.ExportedFile file = export.export(actor, cell,
                RosterController.filter(search, membership, activity, transfer), format, locale);

        // The file contains personal data, so no cache may keep it.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
