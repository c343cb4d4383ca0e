package vn.chibo.meeting;

import org.springframework.data.relational.core.mapping.event.AbstractRelationalEventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

import vn.chibo.system.RequestMemo;

/**
 * Forgets the meeting that {@link Meetings#find} kept for the request once the request saves or
 * deletes it, so that the page it then renders shows the change.
 */
@Component
class MeetingMemoEviction extends AbstractRelationalEventListener<Meeting> {

    @Override
    protected void onAfterSave(AfterSaveEvent<Meeting> event) {
        RequestMemo.forget(Meetings.memoKey(event.getEntity().id().value()));
    }

    @Override
    protected void onAfterDelete(AfterDeleteEvent<Meeting> event) {
        if (event.getId().getValue() instanceof Long id) {
            RequestMemo.forget(Meetings.memoKey(id));
        }
    }
}
