package vn.chibo.document.search.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.account.Actor;
import vn.chibo.document.search.LibrarySearch;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.PageNumbers;

/**
 * The search box of the document library: a page of ranked results, and the suggestions shown under
 * the box while the reader types. Both show only documents the reader may open.
 */
@Controller
class DocumentSearchController {

    private final LibrarySearch search;

    DocumentSearchController(LibrarySearch search) {
        this.search = search;
    }

    /**
     * Shows the results page, or for htmx only the results, so that the page's address and history
     * still hold the query.
     */
    @GetMapping("/documents/search")
    String results(Actor actor, @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(defaultValue = "1") String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        model.addAttribute("query", query == null ? "" : query);
        try {
            model.addAttribute("results", search.search(actor, query, PageNumbers.parse(page)));
        }
        catch (InvalidInputException invalid) {
            response.setStatus(invalid.status().value());
            model.addAttribute("searchError", new FlashMessage(invalid.messageKey(), invalid.messageArguments()));
        }
        return htmx != null ? "document/search :: results" : "document/search";
    }

    /** Returns the list of suggestions for the box; a query too long for search suggests nothing. */
    @GetMapping("/documents/suggestions")
    String suggestions(Actor actor, @RequestParam(name = "q", required = false) @Nullable String query, Model model) {
        try {
            model.addAttribute("suggestions", search.suggest(actor, query));
        }
        catch (InvalidInputException invalid) {
            model.addAttribute("suggestions", java.util.List.of());
        }
        return "document/search :: suggestions";
    }

}
