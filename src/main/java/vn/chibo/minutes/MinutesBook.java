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

/** Reads the minutes of meetings, and who can still approve them. */
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

    /** Returns the minutes of the meeting, if they have been drafted, without checking the caller's permissions. */
    public Optional<Minutes> of(MeetingId meeting) {
        return store.find(meeting);
    }

    /**
     * Returns the minutes of the meeting if the actor may see the meeting. Fails with not-found when
     * the actor may not, and returns empty while the minutes are not drafted yet.
     */
    public Optional<Minutes> visibleTo(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return store.find(meetingId);
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
