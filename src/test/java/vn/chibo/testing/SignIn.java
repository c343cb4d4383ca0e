package vn.chibo.testing;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.account.Actor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs in through the real sign-in form, and the second-factor page where the account has one, so
 * that requests run with the application's own principal and {@code ActorFilter}. Pass the session
 * to later requests with {@code .session(...)}.
 */
public final class SignIn {

    private SignIn() {
    }

    /** Signs in a fixture account, whose password is {@link Fixtures#PASSWORD}. */
    public static MockHttpSession as(MockMvc mvc, Actor actor) throws Exception {
        return as(mvc, actor.username(), Fixtures.PASSWORD);
    }

    /**
     * Signs in with the password, and answers the second-factor page with a code from
     * {@link SecondFactorCodes} when the account has a second factor.
     */
    public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
        MockHttpSession session = withPasswordOnly(mvc, username, password);
        if (!SecondFactorCodes.isKnown(username)) {
            return session;
        }
        MvcResult answered = mvc.perform(post("/second-factor").session(session).with(csrf())
                .param("code", SecondFactorCodes.next(username))).andReturn();
        String target = answered.getResponse().getRedirectedUrl();
        if (target == null || target.contains("/second-factor")) {
            throw new IllegalStateException("The second factor failed for test account " + username + ": status "
                    + answered.getResponse().getStatus());
        }
        return session;
    }

    /**
     * Signs in with the password only. An account with a second factor then has a session that
     * reaches nothing but the second-factor page.
     */
    public static MockHttpSession withPasswordOnly(MockMvc mvc, String username, String password) throws Exception {
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
