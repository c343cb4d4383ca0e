package vn.chibo.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the generated commune and their sizes. The first ten are the cells every commune has
 * besides its villages (schools, the clinic, the police and militia, the agencies, the cooperative),
 * each of a fixed size. The villages share the remaining members, with sizes that vary around their
 * mean as village cells do (about 20 to 40 members).
 */
final class CommunePlan {

    /** What a cell gathers, which decides its members' ages, statuses and meeting times. */
    enum CellType {
        VILLAGE, AGENCY
    }

    /** A planned cell: its name, kind and number of members. */
    record PlannedCell(String name, CellType type, int size) {
    }

    private static final List<PlannedCell> AGENCIES = List.of(
            new PlannedCell("Chi bộ Cơ quan Đảng - Đoàn thể", CellType.AGENCY, 14),
            new PlannedCell("Chi bộ Cơ quan Ủy ban nhân dân xã", CellType.AGENCY, 16),
            new PlannedCell("Chi bộ Công an xã", CellType.AGENCY, 10),
            new PlannedCell("Chi bộ Quân sự xã", CellType.AGENCY, 9),
            new PlannedCell("Chi bộ Trạm Y tế xã", CellType.AGENCY, 8),
            new PlannedCell("Chi bộ Trường Mầm non", CellType.AGENCY, 12),
            new PlannedCell("Chi bộ Trường Tiểu học", CellType.AGENCY, 15),
            new PlannedCell("Chi bộ Trường Trung học cơ sở", CellType.AGENCY, 18),
            new PlannedCell("Chi bộ Hợp tác xã nông nghiệp", CellType.AGENCY, 7),
            new PlannedCell("Chi bộ Quỹ tín dụng nhân dân", CellType.AGENCY, 6));

    private static final List<String> VILLAGES = List.of("Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ",
            "Hòa Bình", "Tân Lập", "Phú Xuân", "An Phú", "Đồng Tâm", "Quyết Thắng", "Tiền Phong", "Cổ Loan",
            "Yên Thái", "Phú Mỹ", "Đại Đồng", "Kim Sơn", "Thống Nhất");

    private CommunePlan() {
    }

    /**
     * Plans the cells: the agencies first (fewer when there are fewer than eleven cells), then
     * villages, whose sizes add up to the rest of the members.
     *
     * @throws IllegalArgumentException when the villages would have fewer than 3 members each, the
     *     least a cell may have
     */
    static List<PlannedCell> cells(int cells, int members) {
        int agencies = Math.min(AGENCIES.size(), cells / 4);
        var planned = new ArrayList<>(AGENCIES.subList(0, agencies));
        int villages = cells - agencies;
        int left = members - planned.stream().mapToInt(PlannedCell::size).sum();
        if (villages <= 0 || left < 3 * villages) {
            throw new IllegalArgumentException("Cannot spread %d members over %d cells with at least 3 in each"
                    .formatted(members, cells));
        }
        int mean = left / villages;
        for (int index = 0; index < villages; index++) {
            // Alternate above and below the mean (by up to a quarter), so that the sizes still add up.
            int swing = index % 2 == 0 ? (index % 5) * mean / 16 : -((index - 1) % 5) * mean / 16;
            int size = index == villages - 1 ? left : Math.max(3, mean + swing);
            planned.add(new PlannedCell(villageName(index), CellType.VILLAGE, size));
            left -= size;
        }
        return planned;
    }

    private static String villageName(int index) {
        String village = VILLAGES.get(index % VILLAGES.size());
        int round = index / VILLAGES.size() + 1;
        return "Chi bộ thôn " + village + " " + round;
    }
}
