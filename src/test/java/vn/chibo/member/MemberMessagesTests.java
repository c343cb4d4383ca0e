package vn.chibo.member;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.chibo.member.importing.RosterColumn;
import vn.chibo.member.importing.RosterFormat;
import vn.chibo.member.importing.RosterImport;
import vn.chibo.member.importing.RowOutcome;
import vn.chibo.testing.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value of the roster's enums has a text in the member bundle. */
class MemberMessagesTests {

    @Test
    void valueKeysExist() {
        Set<String> keys = MessageBundles.keysOf("member");
        var used = new HashSet<String>();
        Stream.of(Sex.values()).map(Sex::messageKey).forEach(used::add);
        Stream.of(MembershipStatus.values()).map(MembershipStatus::messageKey).forEach(used::add);
        Stream.of(ActivityStatus.values()).map(ActivityStatus::messageKey).forEach(used::add);
        Stream.of(CellRole.values()).map(CellRole::messageKey).forEach(used::add);
        Stream.of(RosterColumn.values()).map(RosterColumn::messageKey).forEach(used::add);
        Stream.of(RowOutcome.values()).map(outcome -> "member.outcome." + outcome).forEach(used::add);
        Stream.of(RosterImport.Status.values()).map(status -> "member.import.status." + status).forEach(used::add);
        Stream.of(RosterFormat.Separator.values()).map(separator -> "member.preview.separator." + separator)
                .forEach(used::add);
        Stream.of(MemberAccounts.SkipReason.values()).map(reason -> "member.accounts.skip." + reason)
                .forEach(used::add);

        assertThat(keys).containsAll(used);
    }
}
