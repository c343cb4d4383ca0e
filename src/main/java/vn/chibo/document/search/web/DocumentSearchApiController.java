package vn.chibo.document.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.document.search.LibrarySearch;
import vn.chibo.document.search.SearchResults;

/**
 * Search in the document libraries the caller may read, for the handbook app. It lives beside the page
 * rather than in the api module, as the library's own API does, so that the api module need not reach
 * into the document module's internals.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = "application/problem+json"))
@RestController
@SecurityRequirement(name = "bearerToken")
class DocumentSearchApiController {

    private final LibrarySearch search;

    DocumentSearchApiController(LibrarySearch search) {
        this.search = search;
    }

    @Operation(summary = "Search documents", description = "Finds the documents the caller may open that hold "
            + "every word of the query in their title, number, issuing body, summary, tags or text, with or "
            + "without Vietnamese diacritics. Results come best first, ten a page; title and snippet come in "
            + "parts, the matching ones marked, so that the app can highlight them.")
    @ApiResponse(responseCode = "200", description = "One page of results; a blank query finds nothing")
    @ApiResponse(responseCode = "422", description = "The query is longer than 200 characters or has more than 8 words",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/documents/search")
    SearchResults search(Actor actor,
            @Parameter(description = "The words to find") @RequestParam(name = "q", required = false) @Nullable String query,
            @Parameter(description = "The page, from 1") @RequestParam(defaultValue = "1") int page) {
        return search.search(actor, query, page);
    }
}
