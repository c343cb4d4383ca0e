package vn.chibo.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.offline.OfflineContent;
import vn.chibo.organization.OrganizationId;

/**
 * Keeps the actor's next meetings offline: the announced meetings of the cells where the actor holds a
 * cell role, from those that began today until {@link #AHEAD} ahead, at most {@link #MAX_MEETINGS}, each
 * page with its documents. {@link Meetings#announcedBetween} leaves out drafts and whatever the actor may
 * not see, so a member of another cell gets none of these paths.
 */
@Component
class MeetingOfflineContent implements OfflineContent {

    /** How far ahead a meeting is kept: far enough for the next monthly and thematic meetings. */
    static final Duration AHEAD = Duration.ofDays(45);

    /** A meeting that began up to this long ago is still kept, so that it can be read during the meeting. */
    static final Duration BEHIND = Duration.ofHours(12);

    static final int MAX_MEETINGS = 5;

    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final Clock clock;

    MeetingOfflineContent(Meetings meetings, MeetingDocuments documents, Clock clock) {
        this.meetings = meetings;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public List<String> pathsFor(Actor actor) {
        Set<OrganizationId> cells = actor.grants().stream()
                .filter(grant -> grant.role().isCellRole())
                .map(Grant::organizationId)
                .collect(Collectors.toSet());
        if (cells.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> paths = new ArrayList<>();
        meetings.announcedBetween(actor, cells, now.minus(BEHIND), now.plus(AHEAD)).stream()
                .filter(meeting -> !meeting.isCancelled())
                .limit(MAX_MEETINGS)
                .forEach(meeting -> {
                    paths.add("/meetings/" + meeting.id().value());
                    for (MeetingDocument document : documents.of(meeting.id())) {
                        if (document.served().sizeBytes() > MAX_FILE_BYTES) {
                            continue;
                        }
                        paths.add("/meetings/" + meeting.id().value() + "/documents/" + document.id().value());
                    }
                });
        return paths;
    }
}
