package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;

/**
 * The sample village cell with accounts for its secretary, a plain member and a probationary member,
 * a member of a sibling cell, and an officer of the commune committee; and meetings to test with.
 */
@Component
public class MeetingFixtures {

    private final Fixtures fixtures;
    private final Members members;
    private final MeetingManagement management;

    MeetingFixtures(Fixtures fixtures, Members members, MeetingManagement management) {
        this.fixtures = fixtures;
        this.members = members;
        this.management = management;
    }

    /**
     * The village cell and the people around it.
     *
     * @param member an official, active member with a plain member account
     * @param outsider a member of another cell under the same committee, with an account there
     */
    public record Village(Organization committee, Organization cell, Organization otherCell, List<Member> roster,
            Actor secretary, Actor member, Actor probationary, Actor outsider, Actor officer) {

        public Member find(Predicate<Member> which) {
            return roster.stream().filter(which).findFirst().orElseThrow();
        }

        public List<Member> all(Predicate<Member> which) {
            return roster.stream().filter(which).toList();
        }

        public Member secretaryMember() {
            return find(m -> m.cellRole() == CellRole.CELL_SECRETARY);
        }

        public Member memberOf(Actor actor) {
            return find(m -> actor.memberId() != null && m.id().value() == actor.memberId());
        }
    }

    public Village village() {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        List<Member> roster = members.ofCell(commune.cell().id());
        Member secretary = roster.stream().filter(m -> m.cellRole() == CellRole.CELL_SECRETARY).findFirst()
                .orElseThrow();
        Member plain = roster.stream()
                .filter(m -> m.cellRole() == null && m.isOfficial() && m.activityStatus() == ActivityStatus.ACTIVE)
                .findFirst().orElseThrow();
        Member probationary = roster.stream().filter(Member::isProbationary).findFirst().orElseThrow();

        Organization otherCell = fixtures.cellUnder(commune.committee());
        MemberId outsiderMember = fixtures.member(otherCell, "Đặng Văn Ngoài", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);

        return new Village(commune.committee(), commune.cell(), otherCell, roster,
                fixtures.account(commune.cell(), secretary.id(), Role.MEMBER, Role.CELL_SECRETARY),
                fixtures.account(commune.cell(), plain.id(), Role.MEMBER),
                fixtures.account(commune.cell(), probationary.id(), Role.MEMBER),
                fixtures.account(otherCell, outsiderMember, Role.MEMBER),
                fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER));
    }

    /** Returns valid details of a two-hour hybrid meeting chaired by the secretary. */
    public MeetingDetails details(Village village, Instant start) {
        MemberId chair = village.secretaryMember().id();
        MemberId minuteTaker = village.find(m -> m.cellRole() == CellRole.CELL_COMMITTEE_MEMBER).id();
        return new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ tháng 12/2026",
                start, start.plus(Duration.ofHours(2)), "Nhà văn hóa thôn Hòa Bình 3", "https://meet.example.com/hb3",
                chair, minuteTaker, List.of(new AgendaItem("Khai mạc", null), new AgendaItem("Bế mạc", null)));
    }

    public MeetingId draft(Village village, Instant start) {
        return management.schedule(village.secretary(), village.cell().id(), details(village, start));
    }

    public MeetingId published(Village village, Instant start) {
        MeetingId id = draft(village, start);
        management.publish(village.secretary(), id);
        return id;
    }

    /** A meeting planned to begin ten minutes ago, which the secretary has started. */
    public MeetingId underway(Village village) {
        MeetingId id = published(village, Instant.now().minus(Duration.ofMinutes(10)));
        management.start(village.secretary(), id);
        return id;
    }
}
