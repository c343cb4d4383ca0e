package vn.chibo.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.chibo.member.CorrectionStatus;
import vn.chibo.member.ProfileCorrectionDecided;

/**
 * Tells a member that the secretary decided their profile correction request. The listener runs after
 * the decision commits, in a transaction of its own; a second delivery adds nothing.
 */
@Component
class CorrectionNotices {

    private final Notifications notifications;

    CorrectionNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(ProfileCorrectionDecided event) {
        NotificationKind kind = event.status() == CorrectionStatus.APPROVED ? NotificationKind.CORRECTION_APPROVED
                : NotificationKind.CORRECTION_REJECTED;
        notifications.notifyCorrection(event.memberId(), event.correctionId(), kind);
    }
}
