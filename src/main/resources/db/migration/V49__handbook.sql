-- The Electronic Party Member Handbook (sổ tay đảng viên điện tử): guidance pages in several
-- languages that system administrators edit as Markdown, and each account's private bookmarks and
-- notes on them.

-- The current text of one page in one language. The team's text is loaded from the classpath when a
-- page is missing and never replaces a row that exists, so an administrator's edit is kept. version
-- counts the edits, so that a rendered copy cached under (slug, language, version) goes stale by itself.
create table handbook_page (
    slug        varchar(60)  not null,
    language    varchar(5)   not null,
    title       varchar(200) not null,
    markdown    text         not null,
    version     integer      not null,
    updated_at  timestamp with time zone not null,
    updated_by  bigint references account (id),
    primary key (slug, language)
);

-- Every text a page has had, the first load included: an edit adds a row and never changes one.
-- updated_by is null for the team's text loaded at start.
create table handbook_page_version (
    slug        varchar(60)  not null,
    language    varchar(5)   not null,
    version     integer      not null,
    title       varchar(200) not null,
    markdown    text         not null,
    created_at  timestamp with time zone not null,
    created_by  bigint references account (id),
    primary key (slug, language, version)
);

-- A page that an account marked to find again. Only that account reads it.
create table handbook_bookmark (
    account_id  bigint      not null references account (id),
    slug        varchar(60) not null,
    created_at  timestamp with time zone not null,
    primary key (account_id, slug)
);

-- An account's own note on a page, one per page. Only that account reads it.
create table handbook_note (
    account_id  bigint        not null references account (id),
    slug        varchar(60)   not null,
    body        varchar(4000) not null,
    updated_at  timestamp with time zone not null,
    primary key (account_id, slug)
);
