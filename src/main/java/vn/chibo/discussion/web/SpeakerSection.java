package vn.chibo.discussion.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.discussion.SpeakerPanel;
import vn.chibo.discussion.Speakers;
import vn.chibo.meeting.AgendaItemSection;
import vn.chibo.meeting.Meeting;

/** The speaker list under the agenda item under discussion on the meeting page, above its opinions. */
@Component
@Order(1)
class SpeakerSection implements AgendaItemSection {

    private final Speakers speakers;

    SpeakerSection(Speakers speakers) {
        this.speakers = speakers;
    }

    @Override
    public String template() {
        return "discussion/speakers";
    }

    @Override
    public SpeakerPanel view(Actor actor, Meeting meeting) {
        return speakers.panelFor(actor, meeting);
    }
}
