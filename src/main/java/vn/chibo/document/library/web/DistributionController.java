package vn.chibo.document.library.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.document.library.Distributions;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/** Issuing a committee's document to organizations below it, from the document's page. */
@Controller
class DistributionController {

    private final Distributions distributions;

    DistributionController(Distributions distributions) {
        this.distributions = distributions;
    }

    @PostMapping("/documents/{id}/distribution")
    String issue(Actor actor, @PathVariable long id,
            @RequestParam(name = "organization", required = false) @Nullable List<Long> chosen,
            @RequestParam(required = false) @Nullable Boolean all,
            @RequestParam(required = false) @Nullable Boolean includeBelow, RedirectAttributes redirect) {
        String back = "redirect:/documents/" + id + "#distribution";

        List<OrganizationId> recipients = chosen == null ? List.of() : chosen.stream().map(OrganizationId::of).toList();

        try {
            int count = distributions.issue(actor, LibraryDocumentId.of(id), recipients, Boolean.TRUE.equals(all),
                    Boolean.TRUE.equals(includeBelow));
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("document.flash.issued", count));
        }
        catch (InvalidInputException refused) {
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage(refused.messageKey(),
                    refused.messageArguments()));
        }
        return back;
    }
}
