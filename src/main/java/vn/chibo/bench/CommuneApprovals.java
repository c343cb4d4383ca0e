package vn.chibo.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingId;
import vn.chibo.minutes.Minutes;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.MinutesManagement;
import vn.chibo.minutes.Resolution;
import vn.chibo.minutes.ResolutionManagement;
import vn.chibo.minutes.Resolutions;

/**
 * Finishes a closed meeting of the generated year as its cell would in the days after. The chair
 * (the secretary) and the minute taker (the deputy) approve the minutes that the minutes module
 * drafted. The secretary then issues the resolution, which takes the cell's next number of the year.
 */
@Component
@Profile("commune")
class CommuneApprovals {

    /** How long the minutes module may take to draft a closed meeting's minutes in the background. */
    private static final Duration DRAFT_TIMEOUT = Duration.ofSeconds(30);

    private final MinutesBook book;
    private final MinutesManagement minutes;
    private final Resolutions resolutions;
    private final ResolutionManagement resolutionManagement;

    CommuneApprovals(MinutesBook book, MinutesManagement minutes, Resolutions resolutions,
            ResolutionManagement resolutionManagement) {
        this.book = book;
        this.minutes = minutes;
        this.resolutions = resolutions;
        this.resolutionManagement = resolutionManagement;
    }

    void approve(CommuneMeeting meeting) {
        MeetingId id = meeting.id();
        Actor chair = meeting.cell().secretary();
        Actor minuteTaker = meeting.cell().deputy();
        Minutes drafted = awaitDraft(id, () -> book.of(id));
        minutes.approve(chair, id, drafted.version());
        minutes.approve(minuteTaker, id, book.of(id).orElseThrow().version());
        Resolution resolution = awaitDraft(id, () -> resolutions.of(id));
        resolutionManagement.issue(chair, id, resolution.version());
    }

    /**
     * Waits for what the minutes module drafts after the close (an {@code @ApplicationModuleListener},
     * so asynchronous), polling every 20 ms.
     */
    private static <T> T awaitDraft(MeetingId id, Supplier<Optional<T>> draft) {
        long deadline = System.nanoTime() + DRAFT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = draft.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the minutes of meeting " + id,
                        interrupted);
            }
        }
        throw new IllegalStateException("The minutes of meeting " + id + " were not drafted within "
                + DRAFT_TIMEOUT.toSeconds() + " s of its close");
    }
}
