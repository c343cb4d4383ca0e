package vn.chibo.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;
import vn.chibo.account.ApiTokens;

/**
 * Signs a fixture account in to the JSON API the way the app does: a token issued for its user name
 * and password (and second-factor code, where it has one), sent as a bearer token. A component of the test sources, so every test context has it.
 */
@Component
class BearerTokenSignIn implements ApiSignIn {

    private final ApiTokens tokens;

    BearerTokenSignIn(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public RequestPostProcessor as(Actor actor) {
        String code = SecondFactorCodes.isKnown(actor.username()) ? SecondFactorCodes.next(actor.username()) : null;
        String token = tokens.issue(actor.username(), Fixtures.PASSWORD, code, "127.0.0.1").token();
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }
}
