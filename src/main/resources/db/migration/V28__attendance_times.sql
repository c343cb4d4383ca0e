-- When a present member arrived (checked in, joined online or was marked by the secretary) and when
-- the member left before the end, if so. Rows written before this migration have no times.
alter table attendance add column arrived_at timestamp with time zone;
alter table attendance add column left_at timestamp with time zone;

-- The attendance history of a member reads the member's rows by meeting.
create index attendance_member_idx on attendance (member_id, meeting_id);
