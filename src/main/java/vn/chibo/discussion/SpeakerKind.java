package vn.chibo.discussion;

/** What a member raises a hand for: to speak in favour, to speak against, or to ask a question. */
public enum SpeakerKind {
    FOR, AGAINST, QUESTION
}
