-- The working-day calendar as task-service publishes it: one row per year holding its newest calendar.updated.v1
-- (data), the highest version wins. Years not here count by the bundled calendar file until their event arrives.
create table calendar_year (
    year        int primary key,
    version     bigint not null,
    data        jsonb not null,
    applied_at  timestamptz not null
);

-- The office's weekly notice that next year's holidays are missing: one row per year and ISO week it went out.
create table calendar_missing_notice (
    year        int not null,
    week        text not null,
    notice_at   timestamptz not null,
    primary key (year, week)
);
