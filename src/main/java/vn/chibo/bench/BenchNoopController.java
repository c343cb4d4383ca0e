package vn.chibo.bench;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns 204 and does nothing else, so that the meeting-evening benchmark can compare a ballot with
 * a request that passes the same container, session and security filters but does no work of the
 * product. The path under {@code /api} passes the API's filters instead, with a bearer token and no
 * session, for the mobile app's ballots. It exists only with the {@code bench} profile.
 */
@RestController
@Profile("bench")
class BenchNoopController {

    @GetMapping({"/bench/noop", "/api/v1/bench/noop"})
    ResponseEntity<Void> noop() {
        return ResponseEntity.noContent().build();
    }
}
