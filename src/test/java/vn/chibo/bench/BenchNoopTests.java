package vn.chibo.bench;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The no-op endpoint of the benchmarks must not exist in a deployment, which runs without the bench profile. */
@SqlTest
@AutoConfigureMockMvc
class BenchNoopTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    @Test
    void noopNotFoundWithoutBenchProfile() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Nguyễn Văn Thử",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);

        mvc.perform(get("/bench/noop").session(SignIn.as(mvc, member))).andExpect(status().isNotFound());
    }

    @Test
    void apiNoopNotFoundWithoutBenchProfile() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Nguyễn Văn Thử",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);

        mvc.perform(get("/api/v1/bench/noop").with(api.as(member))).andExpect(status().isNotFound());
    }

    @Test
    void noopSendsAnonymousVisitorToSignIn() throws Exception {
        mvc.perform(get("/bench/noop")).andExpect(redirectedUrl("/login"));
    }
}
