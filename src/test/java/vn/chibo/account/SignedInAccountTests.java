package vn.chibo.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The one query that every signed-in request makes for its account, roles and second factor. */
@SqlTest
class SignedInAccountTests {

    @Autowired
    Accounts accounts;

    @Autowired
    SecondFactorStore secondFactors;

    @Autowired
    Organizations organizations;

    @Test
    void readsAccountWithoutGrants() {
        AccountId id = accounts.create("0916100001", "mat-khau-dai", "Không có vai trò", null, false, List.of());

        Accounts.SignedInAccount signedIn = accounts.signedIn(id).orElseThrow();

        assertThat(signedIn.account()).isEqualTo(accounts.find(id).orElseThrow());
        assertThat(signedIn.grants()).isEmpty();
        assertThat(signedIn.secondFactorConfirmed()).isFalse();
    }

    @Test
    void readsEveryGrantAndTheSecondFactor() {
        Organization cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ một", null);
        Organization other = organizations.create(null, OrganizationKind.CELL, "Chi bộ hai", null);
        List<Grant> grants = List.of(new Grant(cell.id(), Role.MEMBER), new Grant(cell.id(), Role.CELL_SECRETARY),
                new Grant(other.id(), Role.MEMBER));
        AccountId id = accounts.create("0916100002", "mat-khau-dai", "Bí thư", null, false, grants);
        secondFactors.saveConfirmed(id, new byte[20], false);

        Accounts.SignedInAccount signedIn = accounts.signedIn(id).orElseThrow();

        assertThat(signedIn.grants()).containsExactlyInAnyOrderElementsOf(grants);
        assertThat(signedIn.grants()).containsExactlyInAnyOrderElementsOf(accounts.grantsOf(id));
        assertThat(signedIn.secondFactorConfirmed()).isTrue();
    }

    @Test
    void findsNoUnknownAccount() {
        assertThat(accounts.signedIn(AccountId.of(987_654_321L))).isEmpty();
    }
}
