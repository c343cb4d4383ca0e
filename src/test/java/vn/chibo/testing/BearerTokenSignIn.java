package vn.chibo.testing;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;
import vn.chibo.account.ApiTokens;
import vn.chibo.account.SecondFactors;

/**
 * Signs a fixture account in to the JSON API the way the app does: a token issued for its user name
 * and password (and second-factor code, where it has one), sent as a bearer token. A component of the test sources, so every test context has it.
 */
@Component
class BearerTokenSignIn implements ApiSignIn {

    private final ApiTokens tokens;
    private final SecondFactors secondFactors;

    BearerTokenSignIn(ApiTokens tokens, SecondFactors secondFactors) {
        this.tokens = tokens;
        this.secondFactors = secondFactors;
    }

    /**
     * Returns a code for the account's next token. The cross-cell test asks for a token per endpoint,
     * more than the time steps of a minute allow, so new recovery codes are made when the old ones run out.
     */
    private String freshCode(Actor actor) {
        return SecondFactorCodes.nextWithoutWaiting(actor.username()).orElseGet(() -> {
            List<String> recoveryCodes = secondFactors.regenerateRecoveryCodes(actor);
            SecondFactorCodes.register(actor.username(), SecondFactorCodes.secretOf(actor.username()), recoveryCodes);
            return SecondFactorCodes.next(actor.username());
        });
    }

    @Override
    public RequestPostProcessor as(Actor actor) {
        String code = SecondFactorCodes.isKnown(actor.username()) ? freshCode(actor) : null;
        String token = tokens.issue(actor.username(), Fixtures.PASSWORD, code, "127.0.0.1", null).token();
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }
}
