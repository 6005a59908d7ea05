create table report (
    id            uuid primary key,
    district      text not null,
    content_hash  text not null,
    source_text   text not null,
    title         text,
    issuer        text,
    report_year   integer,
    plan_year     integer,
    status        text not null check (status in ('DRAFT', 'PUBLISHED')),
    created_at    timestamptz not null,
    published_at  timestamptz,
    version       integer not null default 0,
    -- the same content uploaded again is the same report
    unique (district, content_hash)
);

create index report_created on report (created_at desc);
