-- The working-day calendar as task-service publishes it: one row per year holding its newest calendar.updated.v1
-- (data), the highest version wins. Years not here count by the bundled calendar file until their event arrives.
create table calendar_year (
    year        int primary key,
    version     bigint not null,
    data        jsonb not null,
    applied_at  timestamptz not null
);
