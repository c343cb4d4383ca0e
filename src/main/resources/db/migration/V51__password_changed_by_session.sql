-- The keyed hash of the session that changed the account's own password. Requests of that session which
-- were already on their way when the change committed still carry the old password time; they must not
-- end the session that the change keeps signed in. A reset by an administrator leaves it null, so that
-- every session ends.
alter table account add column password_changed_by varchar(64);
