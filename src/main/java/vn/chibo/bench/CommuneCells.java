package vn.chibo.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactors;
import vn.chibo.bench.CommunePlan.CellType;
import vn.chibo.bench.CommunePlan.PlannedCell;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * Adds one cell of the generated commune with its members and an account for each, through the
 * organization, member and account modules. The first member is the secretary, the second the deputy
 * secretary (the usual minute taker) and the third a committee member; the secretary and the deputy
 * sign in with the second factor of {@link CommuneProperties#totpSecret()}.
 *
 * <p>Village cells have elderly members exempt from activity (about 12 %), members working far away
 * (6 %), probationary members (6 %) and, from 30 members, one member attached from elsewhere. The
 * agencies' cells have younger members and about 10 % probationary.
 */
@Component
@Profile("commune")
class CommuneCells {

    /** A generated cell with the accounts that run its meetings. */
    record CommuneCell(OrganizationId id, PlannedCell plan, Actor secretary, Actor deputy, List<CellMember> members) {
    }

    /** A generated member with the account through which the generator acts as that member. */
    record CellMember(MemberId id, Actor actor, boolean official, ActivityStatus activity) {

        /** Returns whether the cell expects the member at its meetings: not exempt and not sent out. */
        boolean expected() {
            return activity == ActivityStatus.ACTIVE || activity == ActivityStatus.ATTACHED_IN;
        }
    }

    private final Organizations organizations;
    private final Members members;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final CommuneProperties properties;

    CommuneCells(Organizations organizations, Members members, Accounts accounts, SecondFactors secondFactors,
            CommuneProperties properties) {
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.properties = properties;
    }

    /**
     * Adds the cell in the caller's transaction.
     *
     * @param firstPhone the number of the first member's phone, which is also the account's user name;
     *     the others follow it
     */
    CommuneCell add(Organization commune, PlannedCell plan, long firstPhone, String passwordHash, LocalDate today,
            RandomGenerator random) {
        Organization cell = organizations.create(commune.id(), OrganizationKind.CELL, plan.name(),
                commune.locality());
        var added = new ArrayList<CellMember>();
        for (int position = 0; position < plan.size(); position++) {
            String phone = "0%09d".formatted(firstPhone + position);
            NewMember values = member(plan, position, phone, today, random);
            MemberId id = members.add(cell.id(), values);
            List<Grant> grants = grants(cell.id(), values.cellRole());
            AccountId account = accounts.createWithPasswordHash(phone, passwordHash, values.fullName(), id.value(),
                    false, grants);
            if (values.cellRole() == CellRole.CELL_SECRETARY || values.cellRole() == CellRole.CELL_DEPUTY_SECRETARY) {
                secondFactors.enrolKnownSecret(account, properties.totpSecret(), false);
            }
            Actor actor = new Actor(account, phone, values.fullName(), id.value(), Set.copyOf(grants), false);
            added.add(new CellMember(id, actor, values.membershipStatus() == MembershipStatus.OFFICIAL,
                    values.activityStatus()));
        }
        return new CommuneCell(cell.id(), plan, added.get(0).actor(), added.get(1).actor(), List.copyOf(added));
    }

    /** Makes the member an officer of the commune committee as well, and enrols the second factor. */
    Actor makeCommitteeOfficer(Organization commune, CommuneCell cell, int position) {
        Actor member = cell.members().get(position).actor();
        var grants = new ArrayList<>(member.grants());
        grants.add(new Grant(commune.id(), Role.COMMITTEE_OFFICER));
        accounts.grant(member.accountId(), new Grant(commune.id(), Role.COMMITTEE_OFFICER));
        secondFactors.enrolKnownSecret(member.accountId(), properties.totpSecret(), false);
        return new Actor(member.accountId(), member.username(), member.displayName(), member.memberId(),
                Set.copyOf(grants), false);
    }

    private static List<Grant> grants(OrganizationId cell, CellRole role) {
        if (role == CellRole.CELL_SECRETARY) {
            return List.of(new Grant(cell, Role.MEMBER), new Grant(cell, Role.CELL_SECRETARY));
        }
        if (role == CellRole.CELL_DEPUTY_SECRETARY) {
            return List.of(new Grant(cell, Role.MEMBER), new Grant(cell, Role.CELL_DEPUTY_SECRETARY));
        }
        if (role == CellRole.CELL_COMMITTEE_MEMBER) {
            return List.of(new Grant(cell, Role.MEMBER), new Grant(cell, Role.CELL_COMMITTEE_MEMBER));
        }
        return List.of(new Grant(cell, Role.MEMBER));
    }

    private static NewMember member(PlannedCell plan, int position, String phone, LocalDate today,
            RandomGenerator random) {
        boolean village = plan.type() == CellType.VILLAGE;
        int size = plan.size();
        int probationary = village ? Math.max(1, Math.round(size * 0.06f)) : Math.round(size * 0.1f);
        int exempt = village ? Math.round(size * 0.12f) : 0;
        int sentOut = village ? Math.round(size * 0.06f) : 0;
        int attachedIn = village && size >= 30 ? 1 : 0;

        // From the end of the roster: probationary, then exempt, sent out and attached-in members.
        int fromEnd = size - 1 - position;
        boolean isProbationary = fromEnd < probationary;
        ActivityStatus activity = ActivityStatus.ACTIVE;
        if (!isProbationary && fromEnd < probationary + exempt) {
            activity = ActivityStatus.EXEMPT;
        }
        else if (!isProbationary && fromEnd < probationary + exempt + sentOut) {
            activity = ActivityStatus.SENT_OUT;
        }
        else if (!isProbationary && fromEnd < probationary + exempt + sentOut + attachedIn) {
            activity = ActivityStatus.ATTACHED_IN;
        }

        Sex sex = random.nextInt(100) < (village ? 35 : 55) ? Sex.FEMALE : Sex.MALE;
        LocalDate born = birthDate(village, isProbationary, activity, today, random);
        LocalDate admitted = isProbationary ? today.minusDays(30 + random.nextInt(300))
                : born.plusYears(20 + random.nextInt(12)).plusDays(random.nextInt(365));
        if (!isProbationary && admitted.isAfter(today.minusYears(2))) {
            admitted = today.minusYears(2).minusDays(random.nextInt(365));
        }
        CellRole role = switch (position) {
            case 0 -> CellRole.CELL_SECRETARY;
            case 1 -> CellRole.CELL_DEPUTY_SECRETARY;
            case 2 -> size >= 9 ? CellRole.CELL_COMMITTEE_MEMBER : null;
            default -> null;
        };
        String occupation = activity == ActivityStatus.EXEMPT ? "Hưu trí"
                : VietnameseNames.pick(village ? List.of("Nông dân", "Buôn bán", "Công nhân", "Thợ xây", "Cán bộ thôn")
                        : List.of("Công chức", "Viên chức", "Giáo viên", "Y sĩ", "Cán bộ"), random);
        return new NewMember(VietnameseNames.fullName(sex, random), sex, born, admitted,
                isProbationary ? null : admitted.plusYears(1), null, role,
                isProbationary ? MembershipStatus.PROBATIONARY : MembershipStatus.OFFICIAL, activity, phone, null,
                occupation, plan.name().replace("Chi bộ ", ""), null);
    }

    private static LocalDate birthDate(boolean village, boolean probationary, ActivityStatus activity,
            LocalDate today, RandomGenerator random) {
        int age;
        if (activity == ActivityStatus.EXEMPT) {
            age = 72 + random.nextInt(16);
        }
        else if (probationary) {
            age = 20 + random.nextInt(12);
        }
        else {
            age = village ? 30 + random.nextInt(38) : 26 + random.nextInt(33);
        }
        return today.minusYears(age).minusDays(random.nextInt(365));
    }
}
