-- One task per actionable plan item of a published report (立项 as DRAFT), then the 督办 lifecycle.
create table task (
    id                uuid primary key,
    district          text not null,
    work_plan_id      uuid not null references work_plan (id),
    report_id         uuid not null,
    plan_item_id      text not null,
    theme             text,
    title             text not null,
    text              text not null,
    span_start        integer,
    span_end          integer,
    state             text not null,
    lead_department   text,
    co_departments    varchar(64)[] not null default '{}',
    deadline          date,
    key_supervision   boolean not null default false,
    percent           integer not null default 0 check (percent between 0 and 100),
    last_feedback_at  timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint not null default 0,
    unique (report_id, plan_item_id)
);

create index task_plan on task (work_plan_id);
create index task_lead on task (district, lead_department);
create index task_co on task using gin (co_departments);
create index task_state on task (district, state);
