package vn.chibo.notification;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.chibo.meeting.MeetingChange;
import vn.chibo.testing.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of notification and every kind of change has a text in the notification bundle. */
class NotificationMessagesTests {

    @Test
    void everyEnumValueHasText() {
        List<String> needed = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            needed.add("notification.headline." + kind);
        }
        for (MeetingChange change : MeetingChange.values()) {
            needed.add("notification.change." + change);
        }

        assertThat(MessageBundles.keysOf("notification")).containsAll(needed);
    }
}
