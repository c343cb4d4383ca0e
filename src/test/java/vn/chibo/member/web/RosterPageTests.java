package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class RosterPageTests {

    /** A member's name on the roster: a link to the profile, or plain text for those who may not open it. */
    static final Pattern NAME_CELL = Pattern.compile("<td class=\"name\">\\s*<(?:a [^>]*|span)>([^<]+)</(?:a|span)>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    static Stream<Arguments> namesInVietnameseOrder() {
        return Stream.of(
                Arguments.of(List.of("Lê Văn Ân", "Phạm Thị Ánh", "Hoàng Văn An"),
                        List.of("Hoàng Văn An", "Phạm Thị Ánh", "Lê Văn Ân")),
                Arguments.of(List.of("Đỗ Văn Đạt", "Hoàng Thị Giang", "Vũ Văn Dũng"),
                        List.of("Vũ Văn Dũng", "Đỗ Văn Đạt", "Hoàng Thị Giang")),
                Arguments.of(List.of("Lê Thị Lan", "Đinh Thị Ỷ Lan", "Bùi Thị Lan"),
                        List.of("Bùi Thị Lan", "Lê Thị Lan", "Đinh Thị Ỷ Lan")),
                Arguments.of(List.of("Trần Văn Vinh", "Nguyễn Thị Thảo", "Nguyễn Văn Thắng", "Nguyễn Thị Ngọc Hà"),
                        List.of("Nguyễn Thị Ngọc Hà", "Nguyễn Thị Thảo", "Nguyễn Văn Thắng", "Trần Văn Vinh")),
                Arguments.of(List.of("Đặng Văn Ơn", "Ngô Văn Quân", "Đặng Văn Nam", "Võ Văn Hùng"),
                        List.of("Võ Văn Hùng", "Đặng Văn Nam", "Đặng Văn Ơn", "Ngô Văn Quân")));
    }

    @ParameterizedTest
    @MethodSource("namesInVietnameseOrder")
    void rosterListsGivenNameFirst(List<String> added, List<String> expected) throws Exception {
        var commune = fixtures.commune();
        for (String name : added) {
            fixtures.member(commune.cell(), name, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        }
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String page = page(SignIn.as(mvc, secretary), commune.cell(), "");

        assertThat(names(page)).containsExactlyElementsOf(expected);
    }

    @Test
    void searchIgnoresDiacritics() throws Exception {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        assertThat(names(page(session, commune.cell(), "nguyen"))).containsExactly("Nguyễn Thị Ngọc Hà",
                "Nguyễn Hữu Hải", "Nguyễn Thị Thảo", "Nguyễn Văn Thắng");
        assertThat(names(page(session, commune.cell(), "dat"))).containsExactly("Đỗ Văn Đạt");
        assertThat(names(page(session, commune.cell(), "DANG VAN"))).containsExactly("Đặng Văn Nam", "Đặng Văn Ơn");
        assertThat(names(page(session, commune.cell(), "d"))).contains("Đỗ Văn Đạt", "Vũ Văn Dũng",
                "Phạm Văn Đức", "Đinh Thị Ỷ Lan");
        assertThat(names(page(session, commune.cell(), "ánh"))).containsExactly("Phạm Thị Ánh", "Trần Thị Hạnh",
                "Lý Văn Khánh");
        assertThat(names(page(session, commune.cell(), "50%"))).isEmpty();
    }

    @Test
    void searchAnswersFragmentToHtmx() throws Exception {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String fragment = mvc.perform(post("/cells/{cell}/members", commune.cell().id().value()).param("q", "ngo thi").with(csrf())
                        .header("HX-Request", "true").session(SignIn.as(mvc, secretary)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(fragment).startsWith("<div id=\"roster-list\"").doesNotContain("<html");
        assertThat(names(fragment)).containsExactly("Ngô Thị Yến");
    }

    @Test
    void bracesInFilterStayText() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String pushed = mvc.perform(post("/cells/{cell}/members", commune.cell().id().value())
                        .param("transfer", "#{7*7}").param("membership", "{cell}").with(csrf())
                        .header("HX-Request", "true").session(SignIn.as(mvc, secretary)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader("HX-Push-Url");

        assertThat(pushed).isEqualTo("/cells/" + commune.cell().id().value()
                + "/members?membership=%7Bcell%7D&transfer=%23%7B7*7%7D");
    }

    @Test
    void summaryCountsWholeRoster() throws Exception {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String page = page(SignIn.as(mvc, secretary), commune.cell(), "thang");

        assertThat(page).contains("<b>36</b><span>Tổng số</span>", "<b>33</b><span>Chính thức</span>",
                "<b>3</b><span>Dự bị</span>", "<b>5</b><span>Miễn sinh hoạt</span>",
                "<b>2</b><span>Sinh hoạt tạm thời nơi khác</span>");
    }

    @Test
    void contactsShownOnlyToThoseWhoRunCell() throws Exception {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        MemberId plain = fixtures.member(commune.cell(), "Lê Văn Thường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), plain, Role.MEMBER);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String memberPage = page(SignIn.as(mvc, member), commune.cell(), "");
        String secretaryPage = page(SignIn.as(mvc, secretary), commune.cell(), "");

        assertThat(memberPage).contains("Phạm Thị Ánh", "Miễn công tác và sinh hoạt đảng", "Bí thư")
                .doesNotContain("0912418916", "dv04@example.com", "Nhập danh sách từ tệp", "Cấp tài khoản");
        assertThat(secretaryPage).contains("0912418916", "dv04@example.com", "Nhập danh sách từ tệp",
                "Cấp tài khoản");
        assertThat(audit.entriesOf(commune.cell().id().value(), "member.rosterViewed"))
                .extracting(entry -> entry.detail()).containsExactly("contacts=false", "contacts=true");
    }

    @Test
    void rosterVisibleToCommitteeAboveOnly() throws Exception {
        var commune = fixtures.commune();
        var otherCommune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor otherOfficer = fixtures.accountWithoutMember(otherCommune.committee(), Role.COMMITTEE_OFFICER);
        Actor otherCellMember = fixtures.accountWithoutMember(fixtures.cellUnder(commune.committee()), Role.MEMBER);

        mvc.perform(get("/cells/{cell}/members", commune.cell().id().value()).session(SignIn.as(mvc, officer)))
                .andExpect(status().isOk());
        mvc.perform(get("/cells/{cell}/members", commune.cell().id().value()).session(SignIn.as(mvc, otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cells/{cell}/members", commune.cell().id().value())
                .session(SignIn.as(mvc, otherCellMember))).andExpect(status().isNotFound());
        mvc.perform(get("/cells/{cell}/members", commune.committee().id().value()).session(SignIn.as(mvc, officer)))
                .andExpect(status().isNotFound());
    }

    private String page(MockHttpSession session, Organization cell, String search) throws Exception {
        return mvc.perform(post("/cells/{cell}/members", cell.id().value()).param("q", search).with(csrf())
                        .session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static List<String> names(String page) {
        var names = new ArrayList<String>();
        Matcher matcher = NAME_CELL.matcher(page);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
