-- pgbench script: the limit of the database for ballots. One transaction inserts one row shaped
-- like the product's ballot (motion, member, choice, time, unique per motion and member), as casting
-- a ballot does at the least. The product's transaction also writes the voters' roll, an audit entry
-- and a live event. bench/meeting-evening.sh creates the table bench_ballot beside the product's.
\set motion random(1, 1000000)
\set member random(1, 1000000000)
insert into bench_ballot (motion_id, member_id, choice, cast_at)
values (:motion, :member, 'FOR', now())
on conflict (motion_id, member_id) do nothing;
