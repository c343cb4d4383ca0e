-- The device that requested a bearer token, in the words of its User-Agent header ("Chrome",
-- "Android"), so that the owner can tell tokens apart on the sessions page. Never the header itself.
alter table api_token add column client_browser varchar(40);
alter table api_token add column client_system varchar(40);
