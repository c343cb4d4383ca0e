package vn.chibo.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * Creates the first system administrator of a new installation. Such an installation has no account,
 * so no one could sign in and create one. It acts only while the database contains no account at all and
 * {@code chibo.bootstrap.admin-username} is set: it creates the top organization and the
 * administrator with an initial password, which the first sign-in must change before anything else,
 * followed by setting up the second factor. On every later start it does nothing, and it warns while
 * the initial password is still configured.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final int MINIMUM_INITIAL_PASSWORD = 12;

    private final BootstrapProperties properties;
    private final Accounts accounts;
    private final Organizations organizations;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AdministratorBootstrap(BootstrapProperties properties, Accounts accounts, Organizations organizations,
            AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.organizations = organizations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!properties.requested()) {
            return;
        }
        if (hasAccounts()) {
            if (properties.adminPassword() != null) {
                log.warn("CHIBO_BOOTSTRAP_ADMIN_PASSWORD is still set although accounts exist; remove it");
            }
            return;
        }
        requireSettings();
        try {
            transactions.executeWithoutResult(status -> create());
        }
        catch (DuplicateKeyException another) {
            // Nodes of a new installation that start together race here; the user name is unique.
            log.info("Another node created the first administrator meanwhile");
        }
    }

    private boolean hasAccounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single() > 0;
    }

    private void requireSettings() {
        String password = properties.adminPassword();
        if (password == null || password.length() < MINIMUM_INITIAL_PASSWORD) {
            throw new IllegalStateException("chibo.bootstrap.admin-password (CHIBO_BOOTSTRAP_ADMIN_PASSWORD) must "
                    + "have at least " + MINIMUM_INITIAL_PASSWORD + " characters to create the first administrator");
        }
        String organization = properties.organizationName();
        if (organization == null || organization.isBlank()) {
            throw new IllegalStateException("chibo.bootstrap.organization-name (CHIBO_BOOTSTRAP_ORGANIZATION_NAME) "
                    + "must name the top organization, such as \"Đảng bộ xã Hòa Bình\"");
        }
    }

    private void create() {
        Organization top = organizations.create(null, OrganizationKind.COMMITTEE, properties.organizationName().strip(),
                null);
        AccountId admin = accounts.create(properties.adminUsername().strip(), properties.adminPassword(),
                properties.adminName().strip(), null, true, List.of(new Grant(top.id(), Role.SYSTEM_ADMIN)));
        audit.record(new AuditEntry(null, top.id().value(), "account.bootstrapped", "account", admin.value(),
                "role=SYSTEM_ADMIN"));
        log.info("Created the first system administrator, account {}, on organization {}; change the initial "
                + "password at the first sign-in and remove CHIBO_BOOTSTRAP_ADMIN_PASSWORD", admin, top.id());
    }
}
