package vn.chibo.testing;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.account.Actor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Signs in through the real sign-in form, so that requests run with the application's own
 * principal and {@code ActorFilter}. Pass the session to later requests with {@code .session(...)}.
 */
public final class SignIn {

    private SignIn() {
    }

    /** Signs in a fixture account, whose password is {@link Fixtures#PASSWORD}. */
    public static MockHttpSession as(MockMvc mvc, Actor actor) throws Exception {
        return as(mvc, actor.username(), Fixtures.PASSWORD);
    }

    public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        var session = (MockHttpSession) result.getRequest().getSession(false);
        if (session == null || result.getResponse().getRedirectedUrl() == null
                || result.getResponse().getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("Sign-in failed for a test account: " + result.getResponse()
                    .getRedirectedUrl());
        }
        return session;
    }
}
