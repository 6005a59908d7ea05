-- Suggested owners and deadline of a draft task, each with the rule that made it and the words it matched
-- (the office sees why before it dispatches).
alter table task
    add column suggested_lead_department  text,
    add column suggested_lead_rule        text,
    add column suggested_lead_words       text,
    add column suggested_co_departments   varchar(64)[] not null default '{}',
    add column suggested_co_rules         text[] not null default '{}',
    add column suggested_co_words         text[] not null default '{}',
    add column suggested_deadline         date,
    add column suggested_deadline_rule    text,
    add column suggested_deadline_words   text;

-- The department directory, per district: seeded from directory/<district>.yaml when a district has none,
-- then kept by the office through /api/departments.
create table district (
    id        text primary key,
    name      text not null,
    prefixes  text[] not null default '{}',
    places    text[] not null default '{}'
);

create table department (
    pk             bigint generated always as identity primary key,
    district       text not null references district (id),
    department_id  varchar(64) not null,
    name           text not null,
    kind           text not null,
    parent         varchar(64),
    short_names    text[] not null default '{}',
    aliases        text[] not null default '{}',
    keywords       text[] not null default '{}',
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0,
    unique (district, department_id)
);

-- 全程留痕: every action on a task, who did it, when, and the task before and after. Append-only.
create table task_history (
    id            bigint generated always as identity primary key,
    task_id       uuid not null references task (id),
    at            timestamptz not null,
    actor         text not null,
    capacity      text not null,
    action        text not null,
    state_before  text not null,
    state_after   text not null,
    before        jsonb not null,
    after         jsonb not null,
    detail        jsonb not null default '{}'
);

create index task_history_task on task_history (task_id, id);

create function task_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'task_history is append-only';
end $$;

create trigger task_history_no_update before update or delete on task_history
    for each row execute function task_history_append_only();

-- 进度反馈 with evidence and figures.
create table progress_report (
    id           uuid primary key,
    task_id      uuid not null references task (id),
    reported_at  timestamptz not null,
    reported_by  text not null,
    capacity     text not null,
    percent      integer not null check (percent between 0 and 100),
    note         text,
    evidence     jsonb not null default '[]',
    metrics      jsonb not null default '[]'
);

create index progress_report_task on progress_report (task_id, reported_at);

-- 延期申请: at most one pending per task.
create table extension_request (
    id                uuid primary key,
    task_id           uuid not null references task (id),
    requested_at      timestamptz not null,
    requested_by      text not null,
    current_deadline  date,
    new_deadline      date not null,
    reason            text not null,
    status            text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_at        timestamptz,
    decided_by        text,
    comment           text
);

create unique index extension_request_one_pending on extension_request (task_id) where status = 'PENDING';

-- Every deadline a task has had: set at dispatch, moved by an approved extension or a definition change.
create table deadline_change (
    id                    bigint generated always as identity primary key,
    task_id               uuid not null references task (id),
    changed_at            timestamptz not null,
    changed_by            text not null,
    cause                 text not null,
    old_deadline          date,
    new_deadline          date,
    extension_request_id  uuid references extension_request (id)
);

create index deadline_change_task on deadline_change (task_id, id);
