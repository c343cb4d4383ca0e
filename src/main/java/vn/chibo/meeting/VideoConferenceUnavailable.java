package vn.chibo.meeting;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** The video conferencing service did not respond, or rejected the creation of the meeting's room. */
public class VideoConferenceUnavailable extends DomainException {

    public VideoConferenceUnavailable() {
        super("meeting.video.error.unavailable");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
