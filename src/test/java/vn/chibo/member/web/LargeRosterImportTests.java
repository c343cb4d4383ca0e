package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Members;
import vn.chibo.member.importing.ImportPlan;
import vn.chibo.member.importing.RosterImport;
import vn.chibo.member.importing.RosterImportId;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.member.importing.RosterImportErrorsTests;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A roster file of 50,000 rows goes through upload, preview and confirmation. */
@SqlTest
@AutoConfigureMockMvc
class LargeRosterImportTests {

    private static final Logger log = LoggerFactory.getLogger(LargeRosterImportTests.class);
    private static final int ROWS = 50_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterImports imports;

    @Autowired
    Members members;

    @Autowired
    AuditLog audit;

    @Test
    void fiftyThousandRowsImported() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        byte[] csv = RosterImportErrorsTests.generatedCsv(ROWS);

        long started = System.nanoTime();
        String location = mvc.perform(multipart("/cells/{cell}/members/import", commune.cell().id().value())
                        .file(new MockMultipartFile("file", "huyen.csv", "text/csv", csv))
                        .session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long uploaded = System.nanoTime();
        String preview = mvc.perform(get(location).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long previewed = System.nanoTime();

        var id = RosterImportId.of(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        ImportPlan plan = imports.preview(secretary, commune.cell().id(), id).plan();
        String digest = plan.digest();
        plan = null;
        RosterImport.Result result = imports.confirm(secretary, commune.cell().id(), id, digest);
        long confirmed = System.nanoTime();
        log.info("50,000 rows: upload {} ms, preview {} ms (page {} KB), confirm {} ms",
                (uploaded - started) / 1_000_000, (previewed - uploaded) / 1_000_000, preview.length() / 1024,
                (confirmed - previewed) / 1_000_000);

        assertThat(preview).contains("Đang hiện 500 dòng đầu");
        assertThat(preview.length()).isLessThan(2 * 1024 * 1024);
        assertThat(result.added()).isEqualTo(ROWS);
        assertThat(members.ownMembers(commune.cell().id())).hasSize(ROWS);
        assertThat(audit.entriesOf(commune.cell().id().value(), "roster.applied")).extracting(AuditEntry::detail)
                .containsExactly("added=50000 updated=0 unchanged=0 rejected=0");
    }
}
