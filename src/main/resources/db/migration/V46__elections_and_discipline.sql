-- Elections and discipline votes (rules 8 and 10). Both are secret ballots whose ballot lists
-- options: the candidates of an election round, or the penalties of a discipline vote.
alter table motion drop constraint motion_kind_check;
alter table motion add constraint motion_kind_check
    check (kind in ('RESOLUTION', 'ADMISSION', 'RECOGNITION', 'ELECTION', 'DISCIPLINE'));

-- A discipline vote concerns one member of the cell; an election concerns its candidates instead.
alter table motion drop constraint motion_subject_check;
alter table motion add constraint motion_subject_check check (
    (kind in ('RESOLUTION', 'ELECTION') and subject_name is null and subject_member_id is null)
    or (kind = 'ADMISSION' and subject_name is not null and subject_member_id is null)
    or (kind in ('RECOGNITION', 'DISCIPLINE') and subject_name is not null and subject_member_id is not null));
alter table motion add constraint motion_list_secret_check
    check (kind not in ('ELECTION', 'DISCIPLINE') or method = 'SECRET');

-- An election round: how many seats it fills, which round it is, and the first round of its election.
alter table motion add column seats integer;
alter table motion add column election_round varchar(10);
alter table motion add column election_of bigint;
alter table motion add constraint motion_election_of_fk foreign key (election_of) references motion (id);
alter table motion add constraint motion_election_check check (
    (kind = 'ELECTION' and seats >= 1 and election_round in ('FIRST', 'RUNOFF', 'FURTHER')
        and (election_round = 'FIRST') = (election_of is null))
    or (kind <> 'ELECTION' and seats is null and election_round is null and election_of is null));
create index motion_election_of_idx on motion (election_of);

-- The lines of the ballot, numbered from 1. A candidate keeps the name as it stood when the round
-- opened, because the minutes record it. Votes, the votes added up from the heaviest penalty down,
-- the votes needed and the outcome are written when the vote closes.
create table motion_option (
    motion_id    bigint       not null references motion (id),
    position     integer      not null,
    label        varchar(200) not null,
    member_id    bigint references member (id),
    penalty      varchar(20),
    votes        integer,
    added_up     integer,
    votes_needed integer,
    threshold    varchar(20),
    outcome      varchar(20),
    constraint motion_option_pk primary key (motion_id, position),
    constraint motion_option_position_check check (position >= 1),
    constraint motion_option_kind_check check ((member_id is null) <> (penalty is null)),
    constraint motion_option_penalty_check check (penalty in ('REPRIMAND', 'WARNING', 'REMOVAL', 'EXPULSION')),
    constraint motion_option_outcome_check
        check (outcome in ('ELECTED', 'RUNOFF', 'NOT_ELECTED', 'DECIDED', 'NOT_DECIDED'))
);

-- A secret ballot that marks lines of a list, stored like secret_ballot: keyed by the hash of its
-- receipt code, with no time, no identity column and nothing of its voter. A ballot that marks no line
-- is blank (in a discipline vote: for no penalty). The marks hang off the ballot by its key.
create table secret_list_ballot (
    receipt_hash char(64) not null,
    motion_id    bigint   not null references motion (id),
    constraint secret_list_ballot_pk primary key (receipt_hash)
);
create index secret_list_ballot_motion_idx on secret_list_ballot (motion_id);

create table secret_list_mark (
    receipt_hash char(64) not null references secret_list_ballot (receipt_hash) on delete cascade,
    position     integer  not null,
    constraint secret_list_mark_pk primary key (receipt_hash, position)
);
