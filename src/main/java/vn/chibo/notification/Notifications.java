package vn.chibo.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.NotFoundException;

/**
 * The notification centre: creates the notices of a cell's meeting for its recipients, each once per
 * channel, and lists them to their recipient alone. The layout calls it as {@code @notifications}
 * for the unread count in every page's header.
 */
@Component("notifications")
public class Notifications {

    /** The maximum number of notifications one list shows. Older ones stay stored. */
    static final int LIST_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationStore store;
    private final Recipients recipients;
    private final NotificationTexts texts;
    private final EmailOutbox outbox;
    private final ObjectProvider<EmailDispatcher> email;
    private final Clock clock;
    private final Meetings meetings;

    Notifications(NotificationStore store, Recipients recipients, NotificationTexts texts, EmailOutbox outbox,
            ObjectProvider<EmailDispatcher> email, Clock clock, Meetings meetings) {
        this.meetings = meetings;
        this.store = store;
        this.recipients = recipients;
        this.texts = texts;
        this.outbox = outbox;
        this.email = email;
        this.clock = clock;
    }

    /**
     * Notifies every recipient of the cell about the meeting, in the app and, when SMTP is configured
     * and the recipient has an address, by e-mail. A notice a recipient has already got adds nothing, so
     * a re-delivered event changes nothing. The e-mails go out once the caller's transaction commits.
     *
     * @param revision distinguishes notices of one kind about one meeting, such as two changes
     * @return how many recipients were notified now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int notifyCell(OrganizationId cell, MeetingId meeting, NotificationKind kind, int revision,
            Set<MeetingChange> changes) {
        return notifyAll(recipients.ofCell(cell), meeting, kind, revision, changes);
    }

    /** Notifies the member's own account, if any, once per kind and revision, like {@link #notifyCell}. */
    @Transactional(propagation = Propagation.MANDATORY)
    int notifyMember(MemberId member, MeetingId meeting, NotificationKind kind, int revision) {
        return notifyAll(recipients.ofMember(member).stream().toList(), meeting, kind, revision, Set.of());
    }

    private int notifyAll(List<Recipients.Recipient> recipientList, MeetingId meeting, NotificationKind kind,
            int revision, Set<MeetingChange> changes) {
        Instant now = clock.instant();
        EmailDispatcher dispatcher = email.getIfAvailable();
        int notified = 0;
        int emails = 0;
        for (Recipients.Recipient recipient : recipientList) {
            Optional<NotificationId> created = store.insertOnce(recipient.accountId(), meeting, kind, revision, changes,
                    now);
            if (created.isEmpty()) {
                continue;
            }
            notified++;
            if (dispatcher != null && recipients.emailOf(recipient.memberId()).isPresent()) {
                outbox.queue(created.get(), now);
                emails++;
            }
        }
        if (emails > 0 && dispatcher != null) {
            sendAfterCommit(dispatcher);
        }
        log.info("Meeting {}: {} notice (revision {}) to {} recipients, {} by e-mail", meeting, kind, revision,
                notified, emails);
        return notified;
    }

    private static void sendAfterCommit(EmailDispatcher dispatcher) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.sendDue();
            }
        });
    }

    /**
     * Notifies the member's own account, if any, that a profile correction request was decided, once
     * per request. The notice is in the app only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void notifyCorrection(MemberId member, long correctionId, NotificationKind kind) {
        Optional<Recipients.Recipient> recipient = recipients.ofMember(member);
        boolean created = recipient.isPresent()
                && store.insertCorrectionOnce(recipient.get().accountId(), correctionId, kind, clock.instant());
        log.info("Correction {}: {} notice to member {}: {}", correctionId, kind, member,
                created ? "sent" : "not sent, no account or sent before");
    }

    /** Returns the actor's notifications, the newest first, rendered in the given language. */
    public List<NotificationView> of(Actor actor, Locale locale) {
        Map<MeetingId, Meeting> loaded = new HashMap<>();
        return store.ofAccount(actor.accountId(), LIST_LIMIT).stream()
                .map(notification -> notification.meetingId() == null
                        ? texts.correctionView(notification, actor.memberId(), locale)
                        : texts.view(notification, loaded.computeIfAbsent(notification.meetingId(), meetings::get),
                                locale))
                .toList();
    }

    /**
     * Returns whether notices can reach the actor: a person with a member record, or a committee officer.
     * Others, such as a system administrator without a member record, get no notification link.
     */
    public boolean mayReceive(@Nullable Actor actor) {
        return actor != null && (actor.memberId() != null || !actor.organizationsWith(Role.COMMITTEE_OFFICER)
                .isEmpty());
    }

    /** Returns how many of the actor's notifications are unread; 0 when no one is signed in. */
    public int unreadCount(@Nullable Actor actor) {
        return actor == null ? 0 : store.unreadCount(actor.accountId());
    }

    /** Marks one of the actor's notifications read. Another account's notification fails with not-found. */
    @Transactional
    public void markRead(Actor actor, NotificationId id) {
        if (!store.markRead(actor.accountId(), id, clock.instant())) {
            throw NotFoundException.hidden();
        }
    }

    /** Marks all of the actor's notifications read. */
    @Transactional
    public int markAllRead(Actor actor) {
        int marked = store.markAllRead(actor.accountId(), clock.instant());
        log.debug("Account {} marked {} notifications read", actor.accountId(), marked);
        return marked;
    }
}
