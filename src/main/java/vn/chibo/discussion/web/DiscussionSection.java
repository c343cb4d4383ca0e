package vn.chibo.discussion.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.discussion.DiscussionPermissions;
import vn.chibo.discussion.OpinionView;
import vn.chibo.discussion.Opinions;
import vn.chibo.meeting.AgendaItemSection;
import vn.chibo.meeting.Meeting;

/** The opinions under each agenda item of the meeting page, with the form to post one. */
@Component
@Order(2)
class DiscussionSection implements AgendaItemSection {

    private final Opinions opinions;
    private final DiscussionPermissions permissions;

    DiscussionSection(Opinions opinions, DiscussionPermissions permissions) {
        this.opinions = opinions;
        this.permissions = permissions;
    }

    @Override
    public String template() {
        return "discussion/agenda";
    }

    @Override
    public AgendaDiscussion view(Actor actor, Meeting meeting) {
        Map<Long, List<OpinionView>> byItem = new HashMap<>();
        for (OpinionView row : opinions.viewsOf(actor, meeting)) {
            byItem.computeIfAbsent(row.opinion().agendaItemId(), item -> new ArrayList<>()).add(row);
        }
        return new AgendaDiscussion(meeting.id().value(), DiscussionPermissions.isOpenForOpinions(meeting),
                permissions.canPost(actor, meeting), permissions.canMarkSpoken(actor, meeting), byItem, null, null);
    }
}
