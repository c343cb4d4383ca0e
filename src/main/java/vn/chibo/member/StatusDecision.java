package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.system.VietnameseText;

/**
 * The facts of a decision behind a status change or transfer, as the history keeps them.
 *
 * @param effectiveDate the day from which the decision applies
 * @param decidedBy who decided, as the decision writes it ("Chi bộ thôn Hòa Bình 3", "Đảng ủy xã Minh An")
 * @param resolution the number and date of the resolution or decision, as text; null when not given
 */
public record StatusDecision(LocalDate effectiveDate, String decidedBy, @Nullable String resolution) {

    /** The maximum length of who decided and of the resolution text. */
    public static final int TEXT_LENGTH = 200;

    public StatusDecision {
        decidedBy = VietnameseText.clean(decidedBy);
        resolution = VietnameseText.cleanOrNull(resolution);
        if (resolution != null && resolution.isEmpty()) {
            resolution = null;
        }
        if (decidedBy.isEmpty()) {
            throw new InvalidStatusChange("member.status.error.decidedByMissing");
        }
        if (decidedBy.length() > TEXT_LENGTH || resolution != null && resolution.length() > TEXT_LENGTH) {
            throw new InvalidStatusChange("member.status.error.tooLong", TEXT_LENGTH);
        }
    }
}
