package vn.chibo.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The top navigation shows each role what it may use, computed from the actor's grants. */
@SqlTest
@AutoConfigureMockMvc
class NavigationTests {

    private static final Pattern NAV = Pattern.compile("<nav class=\"top-nav\">(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Navigation navigation;

    Fixtures.Commune commune;
    Organization cell;

    @BeforeEach
    void commune() {
        commune = fixtures.commune();
        cell = commune.cell();
    }

    @Test
    void memberSeesHomeAndMeetings() throws Exception {
        Actor member = fixtures.account(cell, official("Phạm Thị Ánh"), Role.MEMBER);

        assertThat(navigationLinks(member)).containsExactly("/", "/documents", "/cells/" + cell.id() + "/meetings",
                "/handbook", "/members/me");
    }

    @Test
    void secretarySeesRosterAccountsAndRoles() throws Exception {
        Actor secretary = fixtures.account(cell, official("Nguyễn Văn Thắng"), Role.MEMBER, Role.CELL_SECRETARY);

        assertThat(navigationLinks(secretary)).containsExactly("/", "/documents", "/cells/" + cell.id() + "/meetings",
                "/cells/" + cell.id() + "/members", "/cells/" + cell.id() + "/members/accounts",
                "/organizations/" + cell.id() + "/roles", "/handbook", "/members/me");
    }

    @Test
    void committeeOfficerSeesTreeAndCellsBelow() throws Exception {
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);

        assertThat(navigationLinks(officer)).containsExactly("/", "/documents", "/organizations", "/#cells-below",
                "/handbook");
    }

    @Test
    void administratorSeesTreeRolesAndAudit() throws Exception {
        Actor admin = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);

        assertThat(navigationLinks(admin)).containsExactly("/", "/organizations",
                "/organizations/" + commune.committee().id() + "/roles", "/admin/audit", "/handbook");
    }

    @Test
    void severalCellsAreNamedBesideTheirLinks() {
        Organization second = fixtures.cellUnder(commune.committee());
        Actor actor = fixtures.account(cell, official("Đoàn Thị Mến"), Role.MEMBER);
        actor = new Actor(actor.accountId(), actor.username(), actor.displayName(), actor.memberId(),
                Set.of(new Grant(cell.id(), Role.MEMBER), new Grant(second.id(), Role.MEMBER)), false);

        List<Navigation.Link> links = navigation.linksFor(actor);

        assertThat(links).extracting(Navigation.Link::organization)
                .containsExactlyInAnyOrder(null, null, cell.name(), second.name(), null, null);
        assertThat(navigation.linksFor(null)).isEmpty();
    }

    @Test
    void errorPageKeepsNavigation() throws Exception {
        Actor member = fixtures.account(cell, official("Trần Thị Hường"), Role.MEMBER);

        String html = mvc.perform(get("/meetings/999999999").session(SignIn.as(mvc, member)))
                .andReturn().getResponse().getContentAsString();

        assertThat(links(html)).containsExactly("/", "/documents", "/cells/" + cell.id() + "/meetings",
                "/handbook", "/members/me");
    }

    @Test
    void notificationLinkOnlyForPossibleRecipients() throws Exception {
        Actor member = fixtures.account(cell, official("Phan Văn Tú"), Role.MEMBER);
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor admin = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);

        for (Actor recipient : List.of(member, officer)) {
            assertThat(page(recipient)).as(recipient.username()).contains("href=\"/notifications\"");
        }
        assertThat(page(admin)).doesNotContain("href=\"/notifications\"");
    }

    private String page(Actor actor) throws Exception {
        return mvc.perform(get("/").session(SignIn.as(mvc, actor))).andReturn().getResponse().getContentAsString();
    }

    /**
     * Returns the links of the top navigation on the home page, without the personal entries: the
     * notifications, the password and sign-out.
     */
    private List<String> navigationLinks(Actor actor) throws Exception {
        String html = mvc.perform(get("/").session(SignIn.as(mvc, actor))).andReturn().getResponse()
                .getContentAsString();
        return links(html);
    }

    private static List<String> links(String html) {
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).as("the page has a top navigation").isTrue();
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(nav.group(1));
        while (href.find()) {
            links.add(href.group(1));
        }
        links.remove("/account/password");
        links.remove("/notifications");
        return links;
    }

    private MemberId official(String name) {
        return fixtures.member(cell, name, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
    }
}
