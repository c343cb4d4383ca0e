-- Votes on the admission and the recognition of one person, and votes by show of hands, whose
-- result the chair records as counts instead of ballots.
alter table motion drop constraint motion_kind_check;
alter table motion add constraint motion_kind_check check (kind in ('RESOLUTION', 'ADMISSION', 'RECOGNITION'));

alter table motion add column method varchar(20) default 'ELECTRONIC' not null;
alter table motion add constraint motion_method_check check (method in ('ELECTRONIC', 'SHOW_OF_HANDS'));

-- The person a vote decides about: an applicant by name only, a member to recognize also by record.
-- The name is kept as it stood when the vote opened, because the minutes record it.
alter table motion add column subject_member_id bigint;
alter table motion add column subject_name varchar(200);
alter table motion add constraint motion_subject_member_fk foreign key (subject_member_id) references member (id);
alter table motion add constraint motion_subject_check check (
    (kind = 'RESOLUTION' and subject_name is null and subject_member_id is null)
    or (kind = 'ADMISSION' and subject_name is not null and subject_member_id is null)
    or (kind = 'RECOGNITION' and subject_name is not null and subject_member_id is not null));

-- The eligible voters present when the vote closed: the base of its participation. Votes closed
-- before this column existed have none.
alter table motion add column eligible_present integer;
