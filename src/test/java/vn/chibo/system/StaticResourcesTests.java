package vn.chibo.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stylesheets, scripts and webjars keep their hashed or versioned URLs and their year-long caching. */
@SqlTest
@AutoConfigureMockMvc
class StaticResourcesTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/js/app-[0-9a-f]{32}\\.js)\"");
    private static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void pageLinksHashedFiles() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        for (Pattern link : new Pattern[] { STYLESHEET, SCRIPT, HTMX }) {
            Matcher found = link.matcher(page);
            assertThat(found.find()).as(link.pattern()).isTrue();
            mvc.perform(get(found.group(1)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000"));
        }
    }

    @Test
    void missingStylesheetNotFound() throws Exception {
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }
}
