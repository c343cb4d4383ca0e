package vn.chibo.testing;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Carries the id of a session in the database inside MockMvc's own session, so that tests can
 * keep passing {@code .session(session)} while every request still goes through the session store.
 * Requests of a real browser (the journey tests) keep the session cookie.
 */
@Configuration(proxyBeanMethods = false)
class MockMvcSessionIds {

    static final String ATTRIBUTE = MockMvcSessionIds.class.getName() + ".id";

    /**
     * Replaces Boot's cookie resolver. Requests that are not MockMvc's still get the product's own
     * session cookie, written by its {@link CookieSerializer} bean.
     */
    @Bean
    HttpSessionIdResolver httpSessionIdResolver(CookieSerializer cookieSerializer) {
        var cookieResolver = new CookieHttpSessionIdResolver();
        cookieResolver.setCookieSerializer(cookieSerializer);
        return new HttpSessionIdResolver() {

            @Override
            public List<String> resolveSessionIds(HttpServletRequest request) {
                MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
                if (mock == null) {
                    return cookieResolver.resolveSessionIds(request);
                }
                HttpSession session = mock.getSession(false);
                Object id = session == null ? null : session.getAttribute(ATTRIBUTE);
                return id == null ? List.of() : List.of((String) id);
            }

            @Override
            public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
                MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
                if (mock == null) {
                    cookieResolver.setSessionId(request, response, sessionId);
                    return;
                }
                mock.getSession(true).setAttribute(ATTRIBUTE, sessionId);
            }

            @Override
            public void expireSession(HttpServletRequest request, HttpServletResponse response) {
                MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
                if (mock == null) {
                    cookieResolver.expireSession(request, response);
                    return;
                }
                HttpSession session = mock.getSession(false);
                if (session != null) {
                    session.removeAttribute(ATTRIBUTE);
                }
            }
        };
    }
}
