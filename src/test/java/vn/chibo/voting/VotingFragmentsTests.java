package vn.chibo.voting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import vn.chibo.meeting.MeetingId;
import vn.chibo.organization.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders the fragments that other modules' pages include, as they would include them. */
@SpringBootTest
class VotingFragmentsTests {

    @Autowired
    ITemplateEngine templates;

    @Test
    void openVotesLinksEachVote() {
        var motion = new Motion(MotionId.of(41), MeetingId.of(7), OrganizationId.of(3), MotionKind.RESOLUTION,
                VotingMethod.ELECTRONIC, null, "Biểu quyết thông qua Nghị quyết chi bộ tháng 12/2026", MotionStatus.OPEN, Instant.now(), null, null);

        String html = render("openVotes", Map.of("motions", List.of(motion)));

        assertThat(html).contains("Biểu quyết đang chờ đồng chí")
                .contains("href=\"/motions/41\"")
                .contains("Biểu quyết: Biểu quyết thông qua Nghị quyết chi bộ tháng 12/2026");
    }

    @Test
    void openVotesEmptyDrawsNothing() {
        assertThat(render("openVotes", Map.of("motions", List.of())).strip()).isEmpty();
    }

    @Test
    void meetingVotesShowsOutcome() {
        var result = new MotionResult(22, 1, 1, 1, 25, VoteThreshold.MORE_THAN_HALF, 13, true, 24, List.of());
        var motion = new Motion(MotionId.of(42), MeetingId.of(7), OrganizationId.of(3), MotionKind.RESOLUTION,
                VotingMethod.ELECTRONIC, null, "Biểu quyết thông qua Nghị quyết", MotionStatus.CLOSED, Instant.now(), Instant.now(), result);

        String html = render("meetingVotes", Map.of("meetingId", MeetingId.of(7), "motions", List.of(motion)));

        assertThat(html).contains("href=\"/motions/42\"")
                .contains("Được thông qua")
                .contains("href=\"/meetings/7/motions\"");
    }

    private String render(String fragment, Map<String, Object> variables) {
        var servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        var context = new WebContext(exchange, Locale.of("vi"), variables);
        return templates.process(new TemplateSpec("voting/fragments", Set.of(fragment), TemplateMode.HTML, null), context);
    }
}
