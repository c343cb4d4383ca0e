-- The hash chain over audit_event. Entries are inserted freely by the transactions that make the
-- changes; the sealer later gives each one a sequence number and a SHA-256 hash over the entry and the
-- previous hash, in a row of its own here, so that neither table ever needs UPDATE or DELETE.
create table audit_seal (
    sequence_number bigint primary key,
    event_id        bigint not null,
    previous_hash   varchar(64) not null,
    hash            varchar(64) not null,
    sealed_at       timestamp with time zone not null,
    constraint audit_seal_event_uq unique (event_id)
);

-- One row that the sealer locks (select ... for update) so that only one node seals at a time.
create table audit_seal_lock (
    id integer primary key,
    constraint audit_seal_lock_single check (id = 1)
);

insert into audit_seal_lock (id) values (1);
