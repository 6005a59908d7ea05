-- 整改事项: one per problem (存在问题) of a published report, linked to the tasks that address it.
create table rectification (
    id            uuid primary key,
    district      text not null,
    work_plan_id  uuid not null references work_plan (id),
    report_id     uuid not null,
    problem_id    text not null,
    title         text not null,
    text          text not null,
    span_start    integer,
    span_end      integer,
    -- a revision of the report deleted the problem: kept for the trail, no longer listed
    removed       boolean not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    unique (report_id, problem_id)
);

create index rectification_plan on rectification (work_plan_id);

-- A task that addresses a problem: suggested by text similarity (score, shared words), then confirmed or rejected by
-- the office. A rejected link stays, so that recomputed suggestions do not bring it back.
create table rectification_link (
    rectification_id  uuid not null references rectification (id),
    task_id           uuid not null references task (id),
    score             double precision not null,
    words             text not null default '',
    status            text not null check (status in ('SUGGESTED', 'CONFIRMED', 'REJECTED')),
    suggested_at      timestamptz,
    decided_by        text,
    decided_at        timestamptz,
    primary key (rectification_id, task_id)
);

create index rectification_link_task on rectification_link (task_id);

-- The last revision of the report applied to the work plan (report.revised.v1): older ones are ignored.
alter table work_plan add column revision integer not null default 0;

-- A change a report revision made to a task already dispatched: never applied silently, the office accepts or
-- rejects it. kind CHANGE (before/after: title, text, theme, span) or REMOVAL (the item was deleted).
create table pending_revision (
    id          uuid primary key,
    task_id     uuid not null references task (id),
    report_id   uuid not null,
    revision    integer not null,
    kind        text not null check (kind in ('CHANGE', 'REMOVAL')),
    before      jsonb not null,
    after       jsonb,
    status      text not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
    created_at  timestamptz not null,
    decided_by  text,
    decided_at  timestamptz
);

create index pending_revision_task on pending_revision (task_id, created_at);
create unique index pending_revision_one_pending on pending_revision (task_id) where status = 'PENDING';
