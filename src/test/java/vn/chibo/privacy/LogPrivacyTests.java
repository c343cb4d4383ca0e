package vn.chibo.privacy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.Formats;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs the flows that handle personal data with the platform's own logging at DEBUG. Then no member's
 * name, phone number, card number or e-mail address may be in the log. The flows: sign-in with a phone
 * number and a wrong password, roster search by name, profile views and edits (valid and invalid),
 * roster and personal data exports, the API and an opinion.
 */
@SqlTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.vn.chibo=DEBUG")
class LogPrivacyTests {

    private static final String NEW_PHONE = "0987654321";
    private static final String NEW_EMAIL = "thu.duong@example.com";

    @Autowired
    MockMvc mvc;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Members members;

    @Autowired
    Meetings meetings;

    @Autowired
    ApiSignIn apiSignIn;

    @Test
    void personalDataStaysOutOfLogs(CapturedOutput output) throws Exception {
        Village village = villages.publishedMeeting();
        long cell = village.commune().cell().id().value();
        MemberId absentId = village.member(VillageMeetings.ABSENT);
        Actor member = villages.accountOf(village, VillageMeetings.ABSENT);
        List<String> personal = personalValues(village);
        int before = output.getAll().length();

        mvc.perform(formLogin("/login").user(member.username()).password("mat-khau-sai"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + member.username() + "\",\"password\":\"sai\"}"));
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        mvc.perform(post("/cells/{cell}/members", cell).param("q", "duong thi").with(csrf()).session(secretary))
                .andExpect(status().isOk());
        mvc.perform(get("/cells/{cell}/members/{id}", cell, absentId.value()).session(secretary))
                .andExpect(status().isOk());
        mvc.perform(editProfile(cell, absentId, "09xx-khong-hop-le").session(secretary))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(editProfile(cell, absentId, NEW_PHONE).session(secretary))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/cells/{cell}/members/export.csv", cell).param("q", "duong").with(csrf()).session(secretary))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cells/{cell}/members", cell).with(apiSignIn.as(village.secretary())))
                .andExpect(status().isOk());

        MockHttpSession own = SignIn.as(mvc, member);
        long item = meetings.get(village.meeting()).agenda().getFirst().id();
        mvc.perform(post("/meetings/{meeting}/agenda/{item}/opinions", village.meeting().value(), item)
                .param("text", "Ý kiến của " + VillageMeetings.ABSENT).with(csrf()).session(own));
        mvc.perform(post("/me/data/export").with(csrf()).session(own)).andExpect(status().isOk());
        mvc.perform(get("/members/{id}/access", absentId.value()).session(own)).andExpect(status().isOk());

        String logged = output.getAll().substring(before);
        assertThat(logged).contains("Member " + absentId.value() + " exported their own data");
        for (String value : personal) {
            assertThat(logged).as("log output").doesNotContain(value);
        }
        assertThat(logged).doesNotContain(NEW_PHONE).doesNotContain(NEW_EMAIL).doesNotContain("duong thi");
    }

    /** Returns the names, phone and card numbers and e-mail addresses of the village's members. */
    private List<String> personalValues(Village village) {
        List<String> values = new ArrayList<>();
        for (MemberId id : village.members().values()) {
            Member member = members.get(id);
            values.add(member.fullName());
            if (member.phone() != null) {
                values.add(member.phone());
            }
            if (member.partyCardNumber() != null) {
                values.add(member.partyCardNumber());
            }
            if (member.email() != null) {
                values.add(member.email());
            }
        }
        values.add(village.secretary().displayName());
        return values;
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder editProfile(long cell,
            MemberId id, String phone) {
        Member member = members.get(id);
        return post("/cells/{cell}/members/{id}/edit", cell, id.value())
                .param("fullName", member.fullName())
                .param("sex", member.sex() == null ? "" : member.sex().name())
                .param("birthDate", member.birthDate().format(Formats.DATE))
                .param("admissionDate", member.admissionDate() == null ? ""
                        : member.admissionDate().format(Formats.DATE))
                .param("officialDate", member.officialDate() == null ? "" : member.officialDate().format(Formats.DATE))
                .param("partyCardNumber", member.partyCardNumber() == null ? "" : member.partyCardNumber())
                .param("phone", phone)
                .param("email", NEW_EMAIL)
                .with(csrf());
    }
}
