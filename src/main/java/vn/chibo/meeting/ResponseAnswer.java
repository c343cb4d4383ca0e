package vn.chibo.meeting;

/** What a member says ahead of a meeting about coming to it. */
public enum ResponseAnswer {
    /** Will come to the room. */
    IN_PERSON,
    /** Will join through the online link. */
    ONLINE,
    /** Will not come; a reason given with it waits for the secretary's decision. */
    ABSENT
}
