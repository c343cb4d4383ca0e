-- A meeting now also starts, has its minutes approved, or is cancelled with a reason before it
-- starts.
alter table meeting drop constraint meeting_status_check;
alter table meeting add constraint meeting_status_check
    check (status in ('DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'CLOSED', 'MINUTES_APPROVED', 'CANCELLED'));

alter table meeting add column started_at timestamp with time zone;
alter table meeting add column cancelled_at timestamp with time zone;
alter table meeting add column cancel_reason varchar(500);
alter table meeting add column minutes_approved_at timestamp with time zone;
