-- The roster of a meeting as it stood when the meeting closed: who belonged and with which status.
-- The attendance figures of a closed meeting are counted against it, so that a later status change,
-- transfer or new member does not change the official record of that meeting.
create table meeting_roster (
    meeting_id        bigint      not null references meeting (id),
    member_id         bigint      not null references member (id),
    -- The member's place in the roster's Vietnamese name order at closing.
    position          int         not null,
    membership_status varchar(20) not null,
    activity_status   varchar(20) not null,
    primary key (meeting_id, member_id)
);
