package vn.chibo.member.importing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.Sex;

/**
 * The words cells write for sex, membership, activity status and cell office, full or short, as
 * {@link RosterText#key keys}. Wording that could mean two things is left out on purpose: a bare
 * "sinh hoạt tạm thời" may be a member sent out or one attached in, so it is rejected as unclear.
 */
final class RosterCodes {

    private static final Map<String, Sex> SEXES = keys(Map.of(
            Sex.MALE, new String[] { "nam", "m", "male" },
            Sex.FEMALE, new String[] { "nu", "f", "female" }));

    private static final Map<String, MembershipStatus> MEMBERSHIPS = keys(Map.of(
            MembershipStatus.OFFICIAL, new String[] { "chinh thuc", "ct", "dang vien chinh thuc", "dvct" },
            MembershipStatus.PROBATIONARY, new String[] { "du bi", "db", "dang vien du bi", "dvdb" }));

    private static final Map<String, ActivityStatus> ACTIVITIES = keys(Map.of(
            ActivityStatus.ACTIVE, new String[] { "dang sinh hoat", "dang sh", "sinh hoat", "binh thuong" },
            ActivityStatus.EXEMPT, new String[] { "mien cong tac va sinh hoat dang", "mien cong tac va sinh hoat",
                "mien ct va sh", "mien ct sh", "mien sinh hoat dang", "mien sinh hoat", "mien sh" },
            ActivityStatus.SENT_OUT, new String[] { "sinh hoat tam thoi noi khac", "sh tam thoi noi khac",
                "sinh hoat tam thoi o noi khac", "sh tam thoi o noi khac", "sinh hoat noi khac", "sh noi khac",
                "tam thoi noi khac" },
            ActivityStatus.ATTACHED_IN, new String[] { "sinh hoat tam thoi tai chi bo",
                "sinh hoat tam thoi tai chi bo nay", "sh tam thoi tai chi bo", "sh tam thoi tai chi bo nay",
                "tam thoi tai chi bo" },
            ActivityStatus.SUSPENDED, new String[] { "dinh chi", "dinh chi sinh hoat", "dinh chi sinh hoat dang",
                "dinh chi sh", "bi dinh chi sinh hoat" }));

    private static final Map<String, CellRole> ROLES = keys(Map.of(
            CellRole.CELL_SECRETARY, new String[] { "bi thu", "bi thu chi bo", "bt" },
            CellRole.CELL_DEPUTY_SECRETARY, new String[] { "pho bi thu", "pho bi thu chi bo", "pbt" },
            CellRole.CELL_COMMITTEE_MEMBER, new String[] { "chi uy vien", "chi uy", "cuv", "uy vien",
                "uy vien chi uy" }));

    /** Keys written in the office column of members who hold no office. */
    private static final Set<String> NO_ROLE = Set.of("dang vien", "khong", "");

    private RosterCodes() {
    }

    static Optional<Sex> sex(String text) {
        return Optional.ofNullable(SEXES.get(RosterText.key(text)));
    }

    static Optional<MembershipStatus> membership(String text) {
        return Optional.ofNullable(MEMBERSHIPS.get(RosterText.key(text)));
    }

    static Optional<ActivityStatus> activity(String text) {
        return Optional.ofNullable(ACTIVITIES.get(RosterText.key(text)));
    }

    static Optional<CellRole> role(String text) {
        return Optional.ofNullable(ROLES.get(RosterText.key(text)));
    }

    /** Returns whether the office column marks a member without office, as "Đảng viên" or "-" do. */
    static boolean noRole(String text) {
        return NO_ROLE.contains(RosterText.key(text));
    }

    private static <E> Map<String, E> keys(Map<E, String[]> wordings) {
        var byKey = new HashMap<String, E>();
        wordings.forEach((value, keys) -> {
            for (String key : keys) {
                byKey.put(key, value);
            }
        });
        return Map.copyOf(byKey);
    }
}
