package vn.chibo.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import vn.chibo.bench.CommuneCells.CellMember;
import vn.chibo.bench.CommuneCells.CommuneCell;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.member.ActivityStatus;

/**
 * One meeting of the generated year: its cell, kind and planned start, what each member will do
 * (drawn once, so that the reply given ahead and the roll agree), and its id once scheduled.
 */
final class CommuneMeeting {

    /** A member's attendance at one meeting. */
    enum Presence {
        IN_PERSON, ONLINE, EXCUSED, ABSENT, AWAY
    }

    /** A member's presence, and whether the member replies ahead of the meeting. */
    record Plan(CellMember member, Presence presence, boolean answersAhead) {
    }

    private final CommuneCell cell;
    private final MeetingKind kind;
    private final Instant startsAt;
    private final String month;
    private final Random random;
    private final List<Plan> plans = new ArrayList<>();
    private @Nullable MeetingId id;

    CommuneMeeting(CommuneCell cell, MeetingKind kind, Instant startsAt, String month, long seed) {
        this.cell = cell;
        this.kind = kind;
        this.startsAt = startsAt;
        this.month = month;
        this.random = new Random(seed);
        for (CellMember member : cell.members()) {
            plans.add(new Plan(member, presence(member), random.nextInt(100) < 55));
        }
    }

    /**
     * Draws a member's presence. Members the cell expects come to about 90 % of meetings (a tenth of
     * them online at a village's hybrid meeting), give a reason in 5 % and stay away without one in
     * 3 %. Exempt members come to one meeting in five, and members sent out never come.
     */
    private Presence presence(CellMember member) {
        int draw = random.nextInt(100);
        if (member.expected()) {
            if (draw < 5) {
                return Presence.EXCUSED;
            }
            if (draw < 8) {
                return Presence.ABSENT;
            }
            return hybrid() && draw > 90 ? Presence.ONLINE : Presence.IN_PERSON;
        }
        if (member.activity() == ActivityStatus.EXEMPT && draw < 20) {
            return Presence.IN_PERSON;
        }
        return Presence.AWAY;
    }

    boolean hybrid() {
        return kind == MeetingKind.REGULAR && cell.plan().type() == CommunePlan.CellType.VILLAGE;
    }

    CommuneCell cell() {
        return cell;
    }

    MeetingKind kind() {
        return kind;
    }

    Instant startsAt() {
        return startsAt;
    }

    /** Returns the month of the meeting as members write it, such as 03/2026. */
    String month() {
        return month;
    }

    Random random() {
        return random;
    }

    List<Plan> plans() {
        return plans;
    }

    MeetingId id() {
        if (id == null) {
            throw new IllegalStateException("The meeting of cell " + cell.id() + " at " + startsAt
                    + " is not scheduled yet");
        }
        return id;
    }

    void scheduled(MeetingId scheduled) {
        this.id = scheduled;
    }

    /** Returns the members present, in the room or online. */
    List<CellMember> present() {
        return plans.stream()
                .filter(plan -> plan.presence() == Presence.IN_PERSON || plan.presence() == Presence.ONLINE)
                .map(Plan::member)
                .toList();
    }
}
