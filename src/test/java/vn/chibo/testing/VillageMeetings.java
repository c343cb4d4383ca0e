package vn.chibo.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.member.MemberId;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * The sample village cell of 36 members at a regular meeting in progress, and its usual roll. The
 * roll marks 22 present in the room and 5 online, the 3 probationary members among them. One
 * official member is excused and one absent without reason, while the 5 exempt and 2 sent-out
 * members stay unmarked. That leaves a denominator of 25 and 24 members present who may vote.
 */
@Component
public class VillageMeetings {

    public static final String SECRETARY = "Nguyễn Văn Thắng";
    public static final String MINUTE_TAKER = "Trần Thị Hường";
    public static final String EXCUSED = "Võ Văn Hùng";
    public static final String EXCUSE = "Đi viện khám bệnh, có giấy báo";
    public static final String ABSENT = "Dương Thị Thu";
    public static final List<String> PROBATIONARY = List.of("Nguyễn Thị Ngọc Hà", "Hoàng Văn Ẩn", "Đinh Thị Ỷ Lan");
    public static final List<String> ONLINE_OFFICIALS = List.of("Lý Văn Khánh", "Trần Văn Bình");
    public static final List<String> EXEMPT = List.of("Đặng Văn Ơn", "Bùi Thị Lan", "Đỗ Văn Đạt", "Ngô Thị Yến",
            "Vũ Văn Dũng");
    public static final List<String> SENT_OUT = List.of("Phan Văn Sơn", "Huỳnh Thị Mai");

    private final Fixtures fixtures;
    private final Organizations organizations;
    private final MeetingManagement management;
    private final Map<MemberId, Actor> accounts = new ConcurrentHashMap<>();

    VillageMeetings(Fixtures fixtures, Organizations organizations, MeetingManagement management) {
        this.fixtures = fixtures;
        this.organizations = organizations;
        this.management = management;
    }

    /**
     * A meeting of the village cell in progress, with its members by name.
     *
     * @param secretary the secretary's account, who chairs the meeting
     * @param minuteTaker the deputy secretary's account, who takes the minutes
     */
    public record Village(Fixtures.Commune commune, Map<String, MemberId> members, Actor secretary, Actor minuteTaker,
            MeetingId meeting, Instant startsAt) {

        public MemberId member(String fullName) {
            MemberId id = members.get(fullName);
            if (id == null) {
                throw new IllegalArgumentException("The sample roster has no member named " + fullName);
            }
            return id;
        }

        /** Returns the names of the members whom the usual roll marks present in the room. */
        public List<String> inTheRoom() {
            Set<String> notInRoom = new HashSet<>();
            notInRoom.addAll(PROBATIONARY);
            notInRoom.addAll(ONLINE_OFFICIALS);
            notInRoom.addAll(EXEMPT);
            notInRoom.addAll(SENT_OUT);
            notInRoom.add(EXCUSED);
            notInRoom.add(ABSENT);
            return members.keySet().stream().filter(name -> !notInRoom.contains(name)).toList();
        }

        /** Returns the 24 members present who may vote: in the room or online, and official. */
        public List<String> eligibleVoters() {
            var voters = new ArrayList<>(inTheRoom());
            voters.addAll(ONLINE_OFFICIALS);
            return voters;
        }
    }

    /**
     * Adds the commune committee of Minh An with the village cell Hòa Bình 3, and schedules and
     * publishes a hybrid meeting planned to begin an hour ago, which the secretary has started.
     * Organization names need not be unique, so every call makes a new commune of the same names.
     */
    public Village meetingInProgress() {
        Village village = publishedMeeting();
        management.start(village.secretary(), village.meeting());
        return village;
    }

    /** The same as {@link #meetingInProgress()}, but the meeting is only published, not started. */
    public Village publishedMeeting() {
        Organization committee = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ xã Minh An",
                "Minh An");
        Organization cell = organizations.create(committee.id(), OrganizationKind.CELL, "Chi bộ thôn Hòa Bình 3",
                null);
        var commune = new Fixtures.Commune(committee, cell);
        List<MemberId> ids = fixtures.villageRoster(commune.cell());
        var members = new LinkedHashMap<String, MemberId>();
        List<Fixtures.RosterEntry> roster = Fixtures.readRoster();
        for (int i = 0; i < roster.size(); i++) {
            members.put(roster.get(i).fullName(), ids.get(i));
        }
        Actor secretary = fixtures.account(commune.cell(), members.get(SECRETARY), Role.MEMBER, Role.CELL_SECRETARY);
        Actor minuteTaker = fixtures.account(commune.cell(), members.get(MINUTE_TAKER), Role.MEMBER,
                Role.CELL_DEPUTY_SECRETARY);

        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId meeting = management.schedule(secretary, commune.cell().id(), details(members, start));
        management.publish(secretary, meeting);
        return new Village(commune, members, secretary, minuteTaker, meeting, start);
    }

    /**
     * Schedules, publishes and starts another meeting of the village's cell, with the same details,
     * and returns the village at that meeting.
     */
    public Village anotherMeetingInProgress(Village village) {
        MeetingId meeting = management.schedule(village.secretary(), village.commune().cell().id(),
                details(village.members(), village.startsAt()));
        management.publish(village.secretary(), meeting);
        management.start(village.secretary(), meeting);
        return new Village(village.commune(), village.members(), village.secretary(), village.minuteTaker(), meeting,
                village.startsAt());
    }

    private static MeetingDetails details(Map<String, MemberId> members, Instant start) {
        return new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ định kỳ", start,
                start.plus(Duration.ofHours(2)), "Nhà văn hóa thôn Hòa Bình 3", "https://meet.example.com/hoa-binh-3",
                members.get(SECRETARY), members.get(MINUTE_TAKER),
                List.of(new AgendaItem("Khai mạc, điểm danh", null),
                        new AgendaItem("Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy"),
                        new AgendaItem("Biểu quyết Nghị quyết tháng", null)));
    }

    /** A village meeting in progress with the usual roll, ready for votes of every kind. */
    public Village startedMeetingWithRoll() {
        Village village = meetingInProgress();
        takeRoll(village);
        return village;
    }

    /** Records the usual roll of the village meeting. */
    public void takeRoll(Village village) {
        for (String name : village.inTheRoom()) {
            mark(village, name, AttendanceStatus.PRESENT_IN_PERSON, null);
        }
        for (String name : PROBATIONARY) {
            mark(village, name, AttendanceStatus.PRESENT_ONLINE, null);
        }
        for (String name : ONLINE_OFFICIALS) {
            mark(village, name, AttendanceStatus.PRESENT_ONLINE, null);
        }
        mark(village, EXCUSED, AttendanceStatus.ABSENT_EXCUSED, EXCUSE);
        mark(village, ABSENT, AttendanceStatus.ABSENT_UNEXCUSED, null);
    }

    /**
     * Returns the member's account: the secretary's and the minute taker's own, or for anyone else an
     * account with the member role in the village cell, made on first use.
     */
    public Actor accountOf(Village village, String fullName) {
        if (fullName.equals(SECRETARY)) {
            return village.secretary();
        }
        if (fullName.equals(MINUTE_TAKER)) {
            return village.minuteTaker();
        }
        return accounts.computeIfAbsent(village.member(fullName),
                member -> fixtures.account(village.commune().cell(), member, Role.MEMBER));
    }

    private void mark(Village village, String name, AttendanceStatus status, String reason) {
        management.recordAttendance(village.secretary(), village.meeting(), village.member(name), status, reason);
    }
}
