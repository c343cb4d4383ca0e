package vn.chibo.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;
import vn.chibo.account.ApiTokens;

/**
 * Signs a fixture account in to the JSON API the way the app does: a token issued for its user name
 * and password, sent as a bearer token. A component of the test sources, so every test context has it.
 */
@Component
class BearerTokenSignIn implements ApiSignIn {

    private final ApiTokens tokens;

    BearerTokenSignIn(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public RequestPostProcessor as(Actor actor) {
        String token = tokens.issue(actor.username(), Fixtures.PASSWORD, "127.0.0.1", null).token();
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }
}
