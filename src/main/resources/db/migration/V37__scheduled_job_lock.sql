-- Leases of scheduled jobs that must run on one node at a time. A node runs a job only after it
-- moved locked_until from the past to the end of its lease in one update. The lease outlives the
-- run, so the job runs at most once per lease across all nodes. A node that dies in the middle of a
-- run blocks the job only until the lease ends.
create table scheduled_job_lock (
    name         varchar(60)  primary key,
    locked_until timestamp with time zone not null,
    locked_by    varchar(100)
);

insert into scheduled_job_lock (name, locked_until) values ('privacy.retention', timestamp with time zone '2000-01-01 00:00:00+00');
