package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first system administrator of a new installation, created at start while the database contains
 * no account at all ({@link AdministratorBootstrap}).
 *
 * @param adminUsername the administrator's user name (CHIBO_BOOTSTRAP_ADMIN_USERNAME); nothing is
 *        created without it
 * @param adminPassword an initial password, to be changed at the first sign-in
 *        (CHIBO_BOOTSTRAP_ADMIN_PASSWORD)
 * @param adminName the name shown for the account
 * @param organizationName the top organization of the installation, which the administrator's role
 *        is granted on; more organizations are added below it on the organization pages
 */
@ConfigurationProperties("chibo.bootstrap")
record BootstrapProperties(@Nullable String adminUsername, @Nullable String adminPassword,
        @DefaultValue("Quản trị hệ thống") String adminName, @Nullable String organizationName) {

    boolean requested() {
        return adminUsername != null && !adminUsername.isBlank();
    }
}
