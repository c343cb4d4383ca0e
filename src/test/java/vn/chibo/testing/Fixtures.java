package vn.chibo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactors;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * Builds the organizations, members and accounts that tests start from. Every call makes new rows
 * with unique names and user names, so tests sharing a context never collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "mat-khau-thu-nghiem";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Organizations organizations;
    private final Members members;
    private final Accounts accounts;
    private final SecondFactors secondFactors;

    Fixtures(Organizations organizations, Members members, Accounts accounts, SecondFactors secondFactors) {
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    /** A commune committee with one cell below it. */
    public record Commune(Organization committee, Organization cell) {
    }

    public Commune commune() {
        int n = SEQUENCE.incrementAndGet();
        Organization committee = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ xã Thử " + n,
                "Thử " + n);
        Organization cell = organizations.create(committee.id(), OrganizationKind.CELL, "Chi bộ thôn Thử " + n,
                null);
        return new Commune(committee, cell);
    }

    public Organization cellUnder(Organization committee) {
        return organizations.create(committee.id(), OrganizationKind.CELL,
                "Chi bộ thôn Khác " + SEQUENCE.incrementAndGet(), null);
    }

    /** Adds the 36 members of the sample village roster to the cell. */
    public List<MemberId> villageRoster(Organization cell) {
        var ids = new ArrayList<MemberId>();
        for (RosterEntry entry : readRoster()) {
            ids.add(members.add(cell.id(), entry.toNewMember()));
        }
        return ids;
    }

    public MemberId member(Organization cell, String fullName, MembershipStatus membership, ActivityStatus activity) {
        int n = SEQUENCE.incrementAndGet();
        return members.add(cell.id(), new NewMember(fullName, Sex.MALE, LocalDate.of(1980, 1, 1),
                LocalDate.of(2005, 1, 1), membership == MembershipStatus.OFFICIAL ? LocalDate.of(2006, 1, 1) : null,
                membership == MembershipStatus.OFFICIAL ? "90" + String.format("%06d", n) : null, null, membership,
                activity, phone(), null, null, null, null));
    }

    /** An account with the given roles in the organization, linked to the member if one is given. */
    public Actor account(Organization organization, MemberId member, Role... roles) {
        return accountOf(organization, member == null ? null : member.value(), roles);
    }

    public Actor accountWithoutMember(Organization organization, Role... roles) {
        return accountOf(organization, null, roles);
    }

    /** Returns a phone number no other fixture has used. */
    public static String phone() {
        return "0970" + String.format("%06d", SEQUENCE.incrementAndGet());
    }

    private Actor accountOf(Organization organization, Long memberId, Role... roles) {
        String username = phone();
        var grants = new ArrayList<Grant>();
        for (Role role : roles) {
            grants.add(new Grant(organization.id(), role));
        }
        AccountId id = accounts.create(username, PASSWORD, "Người dùng " + username, memberId, false, grants);
        if (grants.stream().anyMatch(grant -> grant.role().requiresSecondFactor())) {
            enrolSecondFactor(id, username);
        }
        return new Actor(id, username, "Người dùng " + username, memberId, Set.copyOf(grants), false);
    }

    /**
     * Turns on the second factor of an account with {@link SecondFactorCodes#FIXTURE_SECRET}, so that
     * the sign-in helpers can answer it. Accounts created with a role that requires it get it at once.
     */
    public void enrolSecondFactor(AccountId account, String username) {
        List<String> recoveryCodes = secondFactors.enrolKnownSecret(account, SecondFactorCodes.FIXTURE_SECRET, false);
        SecondFactorCodes.register(username, SecondFactorCodes.FIXTURE_SECRET, recoveryCodes);
    }

    /** One entry of roster.json, the expected content of the sample rosters. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RosterEntry(String fullName, String sex, String birthDate, String admissionDate, String officialDate,
            String partyCardNumber, String cellRole, String membershipStatus, String activityStatus, String phone,
            String email, String occupation, String address, String note) {

        public NewMember toNewMember() {
            return new NewMember(fullName, Sex.valueOf(sex), date(birthDate), date(admissionDate), date(officialDate),
                    partyCardNumber, cellRole == null ? null : CellRole.valueOf(cellRole),
                    MembershipStatus.valueOf(membershipStatus), ActivityStatus.valueOf(activityStatus), phone, email,
                    occupation, address, note);
        }

        private static LocalDate date(String text) {
            return text == null ? null : LocalDate.parse(text, DATE);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RosterFile(String cell, String committee, List<RosterEntry> members) {
    }

    /** Reads the expected roster from the test resources. */
    public static List<RosterEntry> readRoster() {
        try (InputStream json = Fixtures.class.getResourceAsStream("/roster/roster.json")) {
            return JsonMapper.builder().build().readValue(json, RosterFile.class).members();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
