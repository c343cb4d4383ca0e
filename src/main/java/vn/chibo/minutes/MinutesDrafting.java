package vn.chibo.minutes;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingClosed;

/**
 * Drafts the minutes and the resolution when a meeting closes. The listener runs after the meeting's transaction
 * commits, in a transaction of its own. The event publication registry keeps the event until the
 * draft is stored, so an event whose listener failed can be published again.
 */
@Component
class MinutesDrafting {

    private static final Logger log = LoggerFactory.getLogger(MinutesDrafting.class);

    private final MinutesDrafter drafter;
    private final MinutesStore store;
    private final ResolutionStore resolutions;
    private final AuditLog audit;
    private final Clock clock;

    MinutesDrafting(MinutesDrafter drafter, MinutesStore store, ResolutionStore resolutions, AuditLog audit,
            Clock clock) {
        this.drafter = drafter;
        this.store = store;
        this.resolutions = resolutions;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MeetingClosed event) {
        log.info("Drafting the minutes of meeting {}", event.meetingId());
        if (store.find(event.meetingId()).isPresent()) {
            log.info("Meeting {} has minutes already; nothing to draft", event.meetingId());
            return;
        }

        MinutesDraft draft = drafter.draft(event.meetingId());
        Optional<Long> id = store.insertIfAbsent(event.meetingId(), draft, clock.instant());
        if (id.isEmpty()) {
            log.info("Meeting {} got its minutes from a concurrent draft", event.meetingId());
            return;
        }
        audit.record(new AuditEntry(null, event.cellId().value(), "minutes.drafted", "minutes", id.get(),
                "meeting=" + event.meetingId()));
        resolutions.insertIfAbsent(event.meetingId(), event.cellId(), draft, clock.instant())
                .ifPresent(resolution -> audit.record(new AuditEntry(null, event.cellId().value(),
                        "resolution.drafted", "resolution", resolution, "meeting=" + event.meetingId())));
        log.info("Minutes {} and the resolution of meeting {} drafted", id.get(), event.meetingId());
    }
}
