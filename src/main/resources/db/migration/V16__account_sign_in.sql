-- Sign-in by phone number, the language each account chose, the counter that "sign out everywhere"
-- raises, and the failed sign-ins that slow down and then stop guessing.

-- The keyed hash (HMAC-SHA256, hex) of the account's phone number in national form (0912104729).
-- The number itself is not stored here; the key comes from chibo.crypto.lookup-key. Two accounts may
-- share a phone (a couple with one phone): sign-in by phone then needs the user name instead.
alter table account add column phone_lookup varchar(64);
create index account_phone_lookup_idx on account (phone_lookup);

-- The language the account last chose with ?lang=; null until it chooses one.
alter table account add column language varchar(8);
alter table account add constraint account_language_check check (language in ('vi', 'en', 'de'));

-- Raised by "sign out everywhere": a session that signed in under a lower number is ended.
alter table account add column session_generation integer default 0 not null;

-- Failed sign-ins per subject: an account ('account:<id>'), a user name that matches no account
-- ('name:<keyed hash>') or a client address ('address:<keyed hash>'). Shared by all nodes.
create table sign_in_failure (
    subject         varchar(100) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone
);

create index sign_in_failure_last_idx on sign_in_failure (last_failure_at);
