package vn.chibo.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactors;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.Meetings;
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
 * Generates one cell of the bench data set: {@value BenchData#CELL_SIZE} members, of whom the first
 * is the secretary and the last {@value #PROBATIONARY} are probationary (they attend but may not
 * vote), an account for each, and a draft hybrid meeting with three agenda items that the secretary
 * publishes during the benchmark.
 */
@Component
class BenchCells {

    /** Probationary members per cell, as in the demo village cell. */
    static final int PROBATIONARY = 3;

    private final Organizations organizations;
    private final Members members;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final MeetingManagement meetingManagement;
    private final Meetings meetings;
    private final BenchProperties properties;

    BenchCells(Organizations organizations, Members members, Accounts accounts, SecondFactors secondFactors,
            MeetingManagement meetingManagement, Meetings meetings, BenchProperties properties) {
        this.organizations = organizations;
        this.members = members;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.meetingManagement = meetingManagement;
        this.meetings = meetings;
        this.properties = properties;
    }

    /** Generates the cell with the given index in the caller's transaction. */
    BenchManifest.Cell generate(Organization commune, int index, String passwordHash, Instant startsAt) {
        String name = "Chi bộ thử tải %04d".formatted(index + 1);
        Organization cell = organizations.create(commune.id(), OrganizationKind.CELL, name, "Thử Tải");

        var manifestMembers = new ArrayList<BenchManifest.Member>();
        Actor secretary = null;
        MemberId secretaryMember = null;
        for (int position = 0; position < BenchData.CELL_SIZE; position++) {
            boolean isSecretary = position == 0;
            boolean official = position < BenchData.CELL_SIZE - PROBATIONARY;
            String phone = "09%08d".formatted(index * BenchData.CELL_SIZE + position);
            String fullName = "Đảng viên %04d-%02d".formatted(index + 1, position + 1);
            MemberId member = members.add(cell.id(), newMember(fullName, phone, isSecretary, official));

            List<Grant> grants = isSecretary
                    ? List.of(new Grant(cell.id(), Role.MEMBER), new Grant(cell.id(), Role.CELL_SECRETARY))
                    : List.of(new Grant(cell.id(), Role.MEMBER));
            AccountId account = accounts.createWithPasswordHash(phone, passwordHash, fullName, member.value(), false,
                    grants);
            if (isSecretary) {
                // Secretaries must sign in with a second factor; a known secret lets the load generator
                // compute the code, as the secretary's authenticator app would.
                secondFactors.enrolKnownSecret(account, properties.totpSecret(), false);
                secretary = new Actor(account, phone, fullName, member.value(), Set.copyOf(grants), false);
                secretaryMember = member;
            }
            manifestMembers.add(new BenchManifest.Member(phone, official));
        }

        MeetingId meeting = meetingManagement.schedule(secretary, cell.id(), details(startsAt, secretaryMember));
        List<Long> items = meetings.get(meeting).agenda().stream().map(AgendaItem::id).toList();
        return new BenchManifest.Cell(cell.id().value(), meeting.value(), items, secretary.username(),
                manifestMembers);
    }

    private static NewMember newMember(String fullName, String phone, boolean secretary, boolean official) {
        LocalDate admitted = LocalDate.of(2010, 5, 19);
        return new NewMember(fullName, Sex.MALE, LocalDate.of(1975, 1, 1), admitted,
                official ? admitted.plusYears(1) : null, null, secretary ? CellRole.CELL_SECRETARY : null,
                official ? MembershipStatus.OFFICIAL : MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, phone,
                null, null, null, null);
    }

    private static MeetingDetails details(Instant startsAt, MemberId chair) {
        return new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ (thử tải)",
                startsAt, startsAt.plus(Duration.ofHours(2)), "Nhà văn hóa", "https://meet.example.com/thu-tai", chair,
                chair, List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", null),
                        new AgendaItem("Thảo luận và biểu quyết Nghị quyết tháng", null)));
    }
}
