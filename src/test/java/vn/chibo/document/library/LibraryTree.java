package vn.chibo.document.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;

/**
 * Builds the organizations and accounts the library tests start from: a district committee with a
 * commune committee below it, two cells under the commune, a cell under another district, and the
 * accounts of each role. Every call makes new rows.
 */
@Component
class LibraryTree {

    private final Fixtures fixtures;
    private final Organizations organizations;
    private final DocumentUploads uploads;

    LibraryTree(Fixtures fixtures, Organizations organizations, DocumentUploads uploads) {
        this.fixtures = fixtures;
        this.organizations = organizations;
        this.uploads = uploads;
    }

    /**
     * The tree and its people.
     *
     * @param commune the commune committee, below the district
     * @param cell a cell of the commune, whose secretary and members read what the commune issues
     * @param siblingCell another cell of the same commune
     * @param foreignCell a cell under another district
     */
    record Tree(Organization district, Organization commune, Organization cell, Organization siblingCell,
            Organization foreignCell, Actor districtOfficer, Actor officer, Actor secretary, Actor member,
            Actor exemptMember, Actor siblingMember, Actor foreignMember, Actor admin) {
    }

    Tree build() {
        Organization district = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ huyện Thử "
                + System.nanoTime(), null);
        Organization commune = organizations.create(district.id(), OrganizationKind.COMMITTEE, "Đảng bộ xã Minh "
                + System.nanoTime(), null);
        Organization cell = organizations.create(commune.id(), OrganizationKind.CELL, "Chi bộ thôn Đông "
                + System.nanoTime(), null);
        Organization siblingCell = fixtures.cellUnder(commune);
        Organization foreignCell = fixtures.commune().cell();

        Actor secretary = fixtures.account(cell, fixtures.member(cell, "Nguyễn Văn Thắng", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
        Actor member = fixtures.account(cell, fixtures.member(cell, "Phạm Thị Ánh", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER);
        Actor exempt = fixtures.account(cell, fixtures.member(cell, "Đặng Văn Ơn", MembershipStatus.OFFICIAL,
                ActivityStatus.EXEMPT), Role.MEMBER);
        Actor sibling = fixtures.account(siblingCell, fixtures.member(siblingCell, "Lê Văn Ân",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        Actor foreign = fixtures.account(foreignCell, fixtures.member(foreignCell, "Trần Văn Bình",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        return new Tree(district, commune, cell, siblingCell, foreignCell,
                fixtures.accountWithoutMember(district, Role.COMMITTEE_OFFICER),
                fixtures.accountWithoutMember(commune, Role.COMMITTEE_OFFICER), secretary, member, exempt, sibling,
                foreign, fixtures.accountWithoutMember(commune, Role.SYSTEM_ADMIN));
    }

    /** Uploads one of the sample documents into the library of the owner, as the manager. */
    LibraryDocumentId upload(Actor manager, OrganizationId owner, String sample, Classification classification) {
        Path file = null;
        try {
            file = Files.createTempFile("library-test-", ".upload");
            Files.write(file, SampleFiles.document(sample));
            return uploads.create(manager, owner, details(classification), file, sample);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    static DocumentDetails details(Classification classification) {
        return new DocumentDetails("Nghị quyết về công tác xây dựng Đảng tháng 12", "15-NQ/ĐU", null,
                "Đảng ủy xã", DocumentKind.RESOLUTION, classification, "Trích yếu thử.", List.of("học tập", "Đảng ủy"));
    }
}
