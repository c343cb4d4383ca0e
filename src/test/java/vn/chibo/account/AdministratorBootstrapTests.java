package vn.chibo.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.audit.AuditLog;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A new installation's first start creates the first administrator once, from the settings. */
@SqlTest
@TestPropertySource(properties = { "chibo.bootstrap.admin-username=quantri-dau-tien",
    "chibo.bootstrap.admin-password=mat-khau-ban-dau-1", "chibo.bootstrap.organization-name=Đảng bộ xã Hòa Bình" })
class AdministratorBootstrapTests {

    @Autowired
    AdministratorBootstrap bootstrap;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAdministratorOnce() {
        AccountRecord admin = accounts.findByUsername("quantri-dau-tien").orElseThrow();

        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(admin.memberId()).isNull();
        assertThat(accounts.grantsOf(admin.id())).singleElement().satisfies(grant -> {
            assertThat(grant.role()).isEqualTo(Role.SYSTEM_ADMIN);
            assertThat(organizations.get(grant.organizationId()).name()).isEqualTo("Đảng bộ xã Hòa Bình");
            assertThat(organizations.get(grant.organizationId()).kind()).isEqualTo(OrganizationKind.COMMITTEE);
        });
        assertThat(audit.entriesFor("account", admin.id().value()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("account.bootstrapped"));

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
        assertThat(organizations.roots()).hasSize(1);
    }
}
