-- Secret ballots. The roll of who voted and the ballots are two tables with nothing that joins them:
-- no shared key, no identity column, no timestamp. A ballot's key is the SHA-256 hash of the receipt
-- code shown once to its voter, which is random, so key order says nothing about the order of voting.
-- Closing the vote rewrites both tables' rows of the motion in key order (see docs/security.md).
alter table motion drop constraint motion_method_check;
alter table motion add constraint motion_method_check check (method in ('ELECTRONIC', 'SHOW_OF_HANDS', 'SECRET'));

create table secret_ballot_roll (
    motion_id bigint not null references motion (id),
    member_id bigint not null references member (id),
    constraint secret_ballot_roll_pk primary key (motion_id, member_id)
);

create table secret_ballot (
    receipt_hash char(64)    not null,
    motion_id    bigint      not null references motion (id),
    choice       varchar(10) not null,
    constraint secret_ballot_pk primary key (receipt_hash),
    constraint secret_ballot_choice_check check (choice in ('FOR', 'AGAINST', 'ABSTAIN'))
);

create index secret_ballot_motion_idx on secret_ballot (motion_id, choice);
