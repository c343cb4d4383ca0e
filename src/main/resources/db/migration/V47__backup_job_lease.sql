-- The lease of the scheduled backup, so that with several nodes on one schedule only one of them
-- writes the archive of a run (see scheduled_job_lock in V37).
insert into scheduled_job_lock (name, locked_until) values ('operations.backup', timestamp with time zone '2000-01-01 00:00:00+00');
