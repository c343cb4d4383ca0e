-- Members' dates of birth are encrypted at rest like their card and phone numbers: birth_date_sealed
-- holds the ISO date (1980-01-31) under AES-GCM with chibo.crypto.data-key and its key id. The plain
-- column stays for rows written before; the application moves each into birth_date_sealed at
-- start-up and sets birth_date to null, because a migration cannot know the key.
alter table member alter column birth_date drop not null;
alter table member add column birth_date_sealed varchar(200);
