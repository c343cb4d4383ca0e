package vn.chibo.demo;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;

/**
 * The rosters of the two smaller demo cells, Tân Lập and Phú Xuân. The village cell's roster comes
 * from {@code demo/roster.json} instead. All names, numbers and addresses are invented.
 */
final class DemoSmallCells {

    private DemoSmallCells() {
    }

    /** Returns the invented members of Tân Lập. */
    static List<NewMember> tanLap() {
        String address = "Thôn Tân Lập, xã Minh An";
        return List.of(
                official("Trương Văn Hòa", Sex.MALE, date(14, 2, 1966), date(3, 2, 1992), "52001408",
                        CellRole.CELL_SECRETARY, ActivityStatus.ACTIVE, "0916201408", "hoa.tl@example.com",
                        "Cán bộ thôn", address, null),
                official("Đoàn Thị Mến", Sex.FEMALE, date(9, 9, 1979), date(19, 5, 2003), "52003317", null,
                        ActivityStatus.ACTIVE, "0916203317", "men.dt@example.com", "Văn phòng Đảng ủy xã", address,
                        null),
                official("Lò Văn Khoa", Sex.MALE, date(25, 12, 1985), date(2, 9, 2012), "52005226",
                        CellRole.CELL_COMMITTEE_MEMBER, ActivityStatus.ACTIVE, "0916205226", null, "Nông dân", address,
                        null),
                official("Mẫn Thị Thoa", Sex.FEMALE, date(30, 6, 1958), date(7, 11, 1984), "52007135", null,
                        ActivityStatus.EXEMPT, "0916207135", null, "Hưu trí", address, "Miễn sinh hoạt (tuổi cao)"),
                official("Kha Văn Lộc", Sex.MALE, date(12, 8, 1990), date(22, 12, 2016), "52009044", null,
                        ActivityStatus.SENT_OUT, "0916209044", "loc.kv@example.com", "Công nhân (Đồng Nai)", address,
                        "Sinh hoạt tạm thời tại chi bộ nơi làm việc"),
                new NewMember("Từ Thị Duyên", Sex.FEMALE, date(3, 3, 2001), date(26, 3, 2026), null, null, null,
                        MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, "0916210953", null, "Giáo viên",
                        address, null));
    }

    /** Returns the invented members of Phú Xuân, a cell of nine with a deputy secretary. */
    static List<NewMember> phuXuan() {
        String address = "Thôn Phú Xuân, xã Minh An";
        return List.of(
                official("Lương Văn Tám", Sex.MALE, date(8, 3, 1964), date(19, 5, 1990), "53001127",
                        CellRole.CELL_SECRETARY, ActivityStatus.ACTIVE, "0917301127", "tam.lv@example.com",
                        "Trưởng thôn", address, null),
                official("Triệu Văn Minh", Sex.MALE, date(21, 11, 1976), date(3, 2, 2004), "53002236",
                        CellRole.CELL_DEPUTY_SECRETARY, ActivityStatus.ACTIVE, "0917302236", null,
                        "Giáo viên trường tiểu học", address, null),
                official("Đinh Thị Hoa", Sex.FEMALE, date(2, 6, 1981), date(8, 3, 2008), "53003345",
                        CellRole.CELL_COMMITTEE_MEMBER, ActivityStatus.ACTIVE, "0917303345", null,
                        "Chi hội trưởng phụ nữ", address, null),
                official("Mai Thị Lụa", Sex.FEMALE, date(17, 9, 1972), date(26, 3, 1998), "53004454", null,
                        ActivityStatus.ACTIVE, "0917304454", null, "Buôn bán nhỏ", address, null),
                official("Tạ Quang Huy", Sex.MALE, date(30, 1, 1988), date(22, 12, 2014), "53005563", null,
                        ActivityStatus.ACTIVE, "0917305563", "huy.tq@example.com", "Kỹ sư nông nghiệp", address,
                        null),
                official("Quách Văn Thành", Sex.MALE, date(11, 7, 1969), date(2, 9, 1995), "53006672", null,
                        ActivityStatus.ACTIVE, "0917306672", null, "Nông dân", address, null),
                official("Chu Thị Nguyệt", Sex.FEMALE, date(5, 5, 1950), date(19, 5, 1975), "53007781", null,
                        ActivityStatus.EXEMPT, "0917307781", null, "Hưu trí", address,
                        "Miễn sinh hoạt (tuổi cao, sức yếu)"),
                official("La Văn Bảo", Sex.MALE, date(14, 4, 1993), date(3, 2, 2019), "53008890", null,
                        ActivityStatus.SENT_OUT, "0917308890", null, "Công nhân (Bình Dương)", address,
                        "Sinh hoạt tạm thời tại chi bộ nơi làm việc"),
                new NewMember("Nông Thị Hằng", Sex.FEMALE, date(27, 8, 1999), date(2, 9, 2026), null, null, null,
                        MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, "0917309909", null,
                        "Y sĩ trạm y tế xã", address, null));
    }

    /** Returns an official member who became official 12 months after admission, as is usual. */
    private static NewMember official(String fullName, Sex sex, LocalDate birthDate, LocalDate admissionDate,
            String card, @Nullable CellRole role, ActivityStatus activity, String phone, @Nullable String email,
            String occupation, String address, @Nullable String note) {
        return new NewMember(fullName, sex, birthDate, admissionDate, admissionDate.plusYears(1), card, role,
                MembershipStatus.OFFICIAL, activity, phone, email, occupation, address, note);
    }

    private static LocalDate date(int day, int month, int year) {
        return LocalDate.of(year, month, day);
    }
}
