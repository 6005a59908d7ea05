-- The structured report (what the parser found, as corrected since) and every correction with who, when, before, after.

-- the report model of docs/report-model.md without the text (source_text holds it); null only for rows of V1
alter table report add column structure   jsonb;
-- metadata that lists filter and sort on, kept equal to the structure's members
alter table report add column doc_number  text;
alter table report add column issued_on   date;
alter table report add column genre       text;
alter table report add column source_format text;
-- corrections made after publishing: each emits report.revised.v1 with this number
alter table report add column revision    integer not null default 0;
-- the last number used for a hand-made item id (plan-x1, problem-x2 ...): never reused
alter table report add column item_seq    integer not null default 0;

create index report_issuer_year on report (issuer, report_year);
create index report_status on report (status);

create table report_correction (
    id          bigserial primary key,
    report_id   uuid not null references report (id),
    -- the report's version after this correction (its ETag)
    version     integer not null,
    action      text not null check (action in ('metadata', 'edit', 'add', 'delete', 'split', 'merge')),
    -- the part (plan, problems, achievements) or 'metadata'
    part        text not null,
    -- the item ids the correction touched, before and after, comma-separated
    item_ids    text not null default '',
    actor       text not null,
    at          timestamptz not null,
    before      jsonb,
    after       jsonb,
    -- whether the report was already published (then the correction emitted report.revised.v1 with this revision)
    revision    integer
);

create index report_correction_report on report_correction (report_id, id);
