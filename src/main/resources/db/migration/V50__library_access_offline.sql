-- A copy that the offline app saves on a member's device is an access of its own: logged, watermarked,
-- but not a read, because the member has not opened anything yet.
alter table library_access drop constraint library_access_action_check;
alter table library_access add constraint library_access_action_check
    check (action in ('VIEW', 'DOWNLOAD', 'SAVED_OFFLINE'));
