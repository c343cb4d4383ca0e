package vn.chibo.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An account with an initial password reaches nothing but the password page: every other page
 * mapping, of any method, redirects there (htmx requests get HX-Redirect), and no API token is
 * issued to it (see ApiTokenTests).
 */
@SqlTest
@AutoConfigureMockMvc
class InitialPasswordTests {

    /** The paths ActorFilter lets through, so that the member can change the password or leave. */
    private static final Set<String> ALLOWED = Set.of("/account/password", "/account/sign-out-everywhere",
            "/logout", "/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageRedirectsToPasswordChange() throws Exception {
        MockHttpSession session = initialPasswordSession();
        List<String> endpoints = pageEndpoints();
        var reached = new ArrayList<String>();

        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String uri = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            MockHttpServletResponse plain = mvc.perform(request(HttpMethod.valueOf(method), uri).session(session)
                    .with(csrf())).andReturn().getResponse();
            MockHttpServletResponse htmx = mvc.perform(request(HttpMethod.valueOf(method), uri).session(session)
                    .with(csrf()).header("HX-Request", "true")).andReturn().getResponse();
            if (!"/account/password".equals(plain.getRedirectedUrl())) {
                reached.add(endpoint + " returned " + plain.getStatus() + " " + plain.getRedirectedUrl());
            }
            if (htmx.getStatus() != 204 || !"/account/password".equals(htmx.getHeader("HX-Redirect"))) {
                reached.add(endpoint + " returned to htmx " + htmx.getStatus());
            }
        }

        assertThat(endpoints).hasSizeGreaterThan(80).contains("GET /", "GET /account/sessions", "GET /login");
        assertThat(reached).isEmpty();
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
    }

    private MockHttpSession initialPasswordSession() throws Exception {
        Organization cell = fixtures.commune().cell();
        Actor secretary = fixtures.accountWithoutMember(cell, Role.CELL_SECRETARY);
        accounts.updatePassword(secretary.accountId(), Fixtures.PASSWORD, true, null);
        return SignIn.as(mvc, secretary);
    }

    private List<String> pageEndpoints() {
        var endpoints = new ArrayList<String>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                // The video provider's callbacks are no pages: they keep no session and prove themselves with
                // the provider's shared secret.
                if (pattern.startsWith("/api/") || pattern.startsWith("/v3/") || pattern.startsWith("/video/bbb/")
                        || ALLOWED.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints.stream().sorted().toList();
    }
}
