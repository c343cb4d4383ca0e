package vn.chibo.minutes;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.member.CellRole;
import vn.chibo.testing.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

class MinutesMessagesTests {

    @Test
    void everyEnumValueHasText() {
        List<String> needed = new ArrayList<>();
        for (MinutesStatus status : MinutesStatus.values()) {
            needed.add("minutes.status." + status);
        }
        for (ApprovalOutcome outcome : ApprovalOutcome.values()) {
            needed.add("minutes.flash." + outcome);
        }
        for (MeetingKind kind : MeetingKind.values()) {
            needed.add("minutes.draft.title." + kind);
        }
        for (MeetingMode mode : MeetingMode.values()) {
            needed.add("minutes.draft.mode." + mode);
        }
        for (CellRole role : CellRole.values()) {
            needed.add("minutes.draft.cellRole." + role);
        }
        for (DenominatorExclusion.Reason reason : DenominatorExclusion.Reason.values()) {
            needed.add("minutes.draft.exclusion." + reason);
        }
        for (NarrativePart.Kind kind : NarrativePart.Kind.values()) {
            needed.add("minutes.edit.open." + kind);
            needed.add("minutes.edit.text." + kind);
        }
        for (Signatory signatory : Signatory.values()) {
            needed.add("minutes.page.signatory." + signatory);
        }
        for (MinutesBook.BlockedSignatory.Cause cause : MinutesBook.BlockedSignatory.Cause.values()) {
            needed.add("minutes.page.blocked." + cause);
        }

        assertThat(MessageBundles.keysOf("minutes")).containsAll(needed);
    }
}
