package vn.chibo.testing;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;

/**
 * Signs an actor in to the JSON API under {@code /api/**} for tests, such as with a bearer token.
 * The cross-cell access test calls it for every API endpoint. The module that adds the API provides
 * a bean of this type in the test sources.
 */
public interface ApiSignIn {

    /** Returns a post-processor that authenticates a request as the actor. */
    RequestPostProcessor as(Actor actor) throws Exception;
}
