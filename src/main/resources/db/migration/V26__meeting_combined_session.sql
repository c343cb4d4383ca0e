-- A regular and a thematic meeting held in one session; its minimum length is longer.
alter table meeting add column combined_session boolean not null default false;
