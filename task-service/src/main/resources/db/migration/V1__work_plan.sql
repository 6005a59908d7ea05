-- A work plan: the tasks that one published report's next-year plan turns into.
create table work_plan (
    id           uuid primary key,
    district     text not null,
    report_id    uuid not null unique,
    issuer       text,
    title        text,
    report_year  integer,
    plan_year    integer,
    created_at   timestamptz not null
);

create index work_plan_district_year on work_plan (district, plan_year);
