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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every request of the pages that changes something needs the CSRF token: each POST, PUT, PATCH
 * and DELETE mapping outside the JSON API returns 403 without it, for a plain form post and for an
 * htmx request alike, even from a signed-in session. The API keeps no session, so it needs none, and
 * neither do the video provider's callbacks under {@code /video/bbb/}, which prove themselves with the
 * provider's shared secret and are tested in BigBlueButtonTests.
 */
@SqlTest
@AutoConfigureMockMvc
class CsrfTests {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyChangingPageRequestNeedsToken() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        List<String> endpoints = changingPageEndpoints();
        var accepted = new ArrayList<String>();

        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String uri = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            int plain = mvc.perform(request(HttpMethod.valueOf(method), uri).session(session))
                    .andReturn().getResponse().getStatus();
            int htmx = mvc.perform(request(HttpMethod.valueOf(method), uri).session(session)
                            .header("HX-Request", "true"))
                    .andReturn().getResponse().getStatus();
            if (plain != 403 || htmx != 403) {
                accepted.add(endpoint + " answered " + plain + " and " + htmx + " to htmx");
            }
        }

        assertThat(endpoints).hasSizeGreaterThan(40).contains("POST /account/password", "POST /account/sessions/revoke");
        assertThat(accepted).isEmpty();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void signInAndOutNeedToken() throws Exception {
        var commune = fixtures.commune();
        Actor member = fixtures.accountWithoutMember(commune.cell(), Role.MEMBER);
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(post("/login").param("username", member.username()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private List<String> changingPageEndpoints() {
        var endpoints = new ArrayList<String>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/video/bbb/") || pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    if (CHANGING.contains(method.name())) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return endpoints.stream().sorted().toList();
    }
}
