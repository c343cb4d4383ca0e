package vn.chibo.privacy.web;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberId;
import vn.chibo.privacy.PersonalDataExport;
import vn.chibo.privacy.PrivacyProperties;
import vn.chibo.privacy.ProfileAccessList;

/** The own data page, the download of one's data, and the list of who read a profile. */
@Controller
class PersonalDataController {

    private final PersonalDataExport export;
    private final ProfileAccessList accessList;
    private final PrivacyProperties properties;

    PersonalDataController(PersonalDataExport export, ProfileAccessList accessList, PrivacyProperties properties) {
        this.export = export;
        this.accessList = accessList;
        this.properties = properties;
    }

    /** The own data page; for an account of no member it offers the export only. */
    @GetMapping("/me/data")
    String page(Actor actor, Model model) {
        model.addAttribute("memberId", actor.memberId());
        model.addAttribute("exportsLeft", export.exportsLeft(actor));
        model.addAttribute("exportLimit", properties.exportLimit());
        model.addAttribute("exportWindowHours", properties.exportWindow().toHours());
        return "privacy/data";
    }

    @PostMapping("/me/data/export")
    ResponseEntity<byte[]> download(Actor actor, Locale locale) {
        PersonalDataExport.ExportedData data = export.export(actor, locale);

        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(data.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data.zip());
    }

    @GetMapping("/members/{memberId}/access")
    String access(Actor actor, @PathVariable long memberId, Model model) {
        model.addAttribute("access", accessList.of(actor, MemberId.of(memberId)));
        return "privacy/access";
    }
}
