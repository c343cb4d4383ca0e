package vn.chibo.bench;

import java.util.List;
import java.util.random.RandomGenerator;

import vn.chibo.member.Sex;

/**
 * Invented full names in the Vietnamese order: family name, middle name, given name. Family names
 * are drawn with weights near their shares in the population (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %,
 * and so on), so that a commune has the many namesakes that sorting and search must handle.
 */
final class VietnameseNames {

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Đoàn", "Lương");
    private static final int[] FAMILY_WEIGHTS = { 380, 110, 95, 70, 50, 20, 45, 30, 20, 20, 20, 14, 13, 13, 10, 5, 8,
            8, 6, 6 };

    private static final List<String> MALE_MIDDLE = List.of("Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang",
            "Xuân", "Công", "Thanh", "Ngọc", "Duy");
    private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh",
            "Kim", "Hồng", "Minh");
    private static final List<String> MALE_GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải",
            "Hùng", "Hưng", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Thành", "Toàn", "Trung",
            "Tuấn", "Việt", "Vinh", "Hòa", "Lợi", "Tài", "Thịnh", "Ơn", "Ẩn", "Hiếu");
    private static final List<String> FEMALE_GIVEN = List.of("Anh", "Ánh", "Cúc", "Dung", "Giang", "Hà", "Hạnh",
            "Hằng", "Hoa", "Hường", "Lan", "Liên", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên",
            "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Ỷ Lan", "Huệ");

    private VietnameseNames() {
    }

    static String fullName(Sex sex, RandomGenerator random) {
        boolean male = sex == Sex.MALE;
        return String.join(" ", family(random), pick(male ? MALE_MIDDLE : FEMALE_MIDDLE, random),
                pick(male ? MALE_GIVEN : FEMALE_GIVEN, random));
    }

    private static String family(RandomGenerator random) {
        int total = 0;
        for (int weight : FAMILY_WEIGHTS) {
            total += weight;
        }
        int drawn = random.nextInt(total);
        for (int index = 0; index < FAMILY_WEIGHTS.length; index++) {
            drawn -= FAMILY_WEIGHTS[index];
            if (drawn < 0) {
                return FAMILY.get(index);
            }
        }
        return FAMILY.getFirst();
    }

    static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
