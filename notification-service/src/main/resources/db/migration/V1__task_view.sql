-- notification-service's own picture of every task, kept from task-events; it never asks task-service.
create table task_view (
    task_id           uuid primary key,
    district          text not null,
    work_plan_id      uuid not null,
    report_id         uuid not null,
    issuer            text,
    plan_year         integer,
    theme             text,
    title             text not null,
    state             text not null,
    lead_department   varchar(64),
    co_departments    varchar(64)[] not null default '{}',
    deadline          date,
    key_supervision   boolean not null default false,
    percent           integer not null default 0,
    last_feedback_at  timestamptz,
    -- the task's version in task-service: an older snapshot never overwrites a newer one
    task_version      bigint not null,
    updated_at        timestamptz not null
);

create index task_view_open_deadline on task_view (deadline) where state not in ('CLOSED', 'CANCELLED');
create index task_view_lead on task_view (district, lead_department);
