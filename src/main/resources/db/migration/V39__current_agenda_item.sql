-- The agenda item under discussion in a meeting in progress, and since when. Members raise their
-- hands on this item only, and the live pages and the projector show it. agenda_item_id has no foreign
-- key, because the meeting aggregate deletes and inserts its agenda rows (under the same ids) on save.
alter table meeting add column current_agenda_item_id bigint;
alter table meeting add column current_item_since timestamp with time zone;
