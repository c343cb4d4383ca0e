package vn.chibo.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.system.NotFoundException;

/**
 * Reads the minutes of meetings, in all their versions, and who can still approve them. The current
 * minutes of a meeting are its latest approved version; a later draft is a correction in progress.
 */
@Component
public class MinutesBook {

    private final MinutesStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;
    private final Accounts accounts;

    MinutesBook(MinutesStore store, Meetings meetings, MinutesPermissions permissions, Accounts accounts) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.accounts = accounts;
    }

    /**
     * Returns the latest version of the meeting's minutes, approved or not, if they have been drafted,
     * without checking the caller's permissions.
     */
    public Optional<Minutes> of(MeetingId meeting) {
        return store.find(meeting);
    }

    /** Returns the current minutes of the meeting, its latest approved version, without checking permissions. */
    public Optional<Minutes> approved(MeetingId meeting) {
        return store.findApproved(meeting);
    }

    /**
     * Returns the version of the meeting's minutes the actor reads by default: the latest version for
     * those who may read drafts, the latest approved one for everyone else. Fails with not-found when
     * the actor may not see the meeting, and returns empty while there is nothing the actor may read.
     */
    public Optional<Minutes> visibleTo(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return permissions.canReadDrafts(actor, meeting) ? store.find(meetingId) : store.findApproved(meetingId);
    }

    /**
     * Returns the current minutes of the meeting, its latest approved version, if the actor may see the
     * meeting. Fails with not-found when the actor may not, and returns empty while none is approved.
     */
    public Optional<Minutes> approvedVisibleTo(Actor actor, MeetingId meetingId) {
        permissions.requireView(actor, meetings.get(meetingId));
        return store.findApproved(meetingId);
    }

    /**
     * Returns one version of the meeting's minutes if the actor may read it. Fails with not-found when
     * the version does not exist, or when the actor may not see the meeting or read the draft.
     */
    public Minutes version(Actor actor, MeetingId meetingId, int versionNo) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return store.findVersion(meetingId, versionNo)
                .filter(minutes -> permissions.canRead(actor, meeting, minutes))
                .orElseThrow(NotFoundException::hidden);
    }

    /**
     * Returns the versions of the meeting's minutes that the actor may read, the first first, without
     * their agenda items. Fails with not-found when the actor may not see the meeting.
     */
    public List<Minutes> versions(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return store.versions(meetingId).stream()
                .filter(minutes -> permissions.canRead(actor, meeting, minutes))
                .toList();
    }

    /** Returns the display name of an account, such as the one that started a correction. */
    public Optional<String> accountName(long accountId) {
        return accounts.find(AccountId.of(accountId)).map(AccountRecord::displayName);
    }

    /**
     * Returns the signatories whose approval is still missing and who cannot sign in to give it,
     * because they have no account or theirs is disabled. Until they can, the minutes stay a draft.
     */
    public List<BlockedSignatory> blockedSignatories(Meeting meeting, Minutes minutes) {
        var blocked = new ArrayList<BlockedSignatory>();
        if (minutes.isApproved()) {
            return blocked;
        }
        if (minutes.chairApprovedAt() == null) {
            blockedSignatory(Signatory.CHAIR, meeting.chair(), minutes.chairName()).ifPresent(blocked::add);
        }
        if (minutes.takerApprovedAt() == null) {
            blockedSignatory(Signatory.MINUTE_TAKER, meeting.minuteTaker(), minutes.minuteTakerName())
                    .ifPresent(blocked::add);
        }
        return blocked;
    }

    /** Returns the display name of the account that last edited the narrative, if anyone has. */
    public Optional<String> lastEditorName(Minutes minutes) {
        Long editor = minutes.updatedBy();
        return editor == null ? Optional.empty() : accounts.find(AccountId.of(editor)).map(AccountRecord::displayName);
    }

    private Optional<BlockedSignatory> blockedSignatory(Signatory role, @Nullable MemberId member,
            @Nullable String name) {
        String shownName = name == null ? "" : name;
        if (member == null) {
            return Optional.of(new BlockedSignatory(role, shownName, BlockedSignatory.Cause.NO_ACCOUNT));
        }
        Optional<AccountRecord> account = accounts.findByMember(member.value());
        if (account.isEmpty()) {
            return Optional.of(new BlockedSignatory(role, shownName, BlockedSignatory.Cause.NO_ACCOUNT));
        }
        if (!account.get().enabled()) {
            return Optional.of(new BlockedSignatory(role, shownName, BlockedSignatory.Cause.ACCOUNT_DISABLED));
        }
        return Optional.empty();
    }

    /**
     * A chair or minute taker who cannot give their approval, and why.
     *
     * @param name the signatory's name as the minutes print it
     */
    public record BlockedSignatory(Signatory role, String name, Cause cause) {

        public enum Cause {
            NO_ACCOUNT, ACCOUNT_DISABLED
        }

        public String messageKey() {
            return "minutes.page.blocked." + cause;
        }

        public String roleKey() {
            return "minutes.page.signatory." + role;
        }
    }
}
