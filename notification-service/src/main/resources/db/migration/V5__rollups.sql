-- 红黄绿灯 of each task as the rollups last counted it, and the first day time alone may change it: the lights job
-- re-evaluates only the tasks whose day has come (rol.notification.progress.LightsJob).
create table task_light (
    task_id         uuid primary key,
    reason          text not null,     -- rol.notification.rollup.LightReason
    light           text,              -- GREEN, YELLOW, RED; null for drafts and finished tasks
    counted_on      date not null,     -- the day the light was evaluated for
    next_change_on  date               -- null: time alone never changes it
);
create index task_light_due on task_light (next_change_on) where next_change_on is not null;

-- The counters of rol.notification.rollup.ScopeTotals per scope and plan year, kept by adding each task change's
-- delta in the transaction that applied the change. plan_year 0 holds the tasks without a plan year.
create table rollup_scope (
    district        text not null,
    kind            text not null,     -- DISTRICT, DEPARTMENT, WORK_PLAN, ISSUER
    scope_id        text not null,
    plan_year       integer not null,
    tasks           bigint not null default 0,
    draft           bigint not null default 0,
    dispatched      bigint not null default 0,
    acknowledged    bigint not null default 0,
    in_progress     bigint not null default 0,
    submitted       bigint not null default 0,
    returned        bigint not null default 0,
    closed          bigint not null default 0,
    cancelled       bigint not null default 0,
    supervised      bigint not null default 0,
    closed_on_time  bigint not null default 0,
    overdue         bigint not null default 0,
    percent_sum     bigint not null default 0,
    green           bigint not null default 0,
    yellow          bigint not null default 0,
    red             bigint not null default 0,
    updated_at      timestamptz not null,
    primary key (district, kind, scope_id, plan_year)
);
