-- Notices about a member's profile correction request: approved or rejected. Such a notice is about a
-- correction, not a meeting, so exactly one of meeting_id and correction_id is set. The unique index
-- makes a re-delivered decision event add nothing (null correction ids of meeting notices never clash).
alter table notification alter column meeting_id drop not null;
alter table notification add column correction_id bigint references profile_correction (id);
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('PUBLISHED', 'CHANGED', 'CANCELLED', 'REASON_APPROVED', 'REASON_REJECTED', 'CORRECTION_APPROVED',
                    'CORRECTION_REJECTED'));
alter table notification add constraint notification_subject_check
    check ((meeting_id is null and correction_id is not null) or (meeting_id is not null and correction_id is null));
create unique index notification_correction_once on notification (correction_id, account_id);
