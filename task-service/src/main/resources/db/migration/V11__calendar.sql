-- The working-day calendar, kept by the office (docs/notifications.md "Keeping the calendar"): each year's holidays
-- and adjusted working days (调休上班), published whole as calendar.updated.v1 on every change.
create table calendar_year (
    year        int primary key,
    notice      text not null,
    -- grows with every change; consumers keep the highest
    version     bigint not null,
    updated_at  timestamptz not null,
    updated_by  text not null
);

create table calendar_day (
    day     date primary key,
    year    int not null references calendar_year (year),
    kind    text not null,
    name    text not null,
    constraint calendar_day_kind check (kind in ('HOLIDAY', 'WORKING_DAY')),
    constraint calendar_day_in_year check (extract(year from day) = year)
);
create index calendar_day_year on calendar_day (year);

-- A notice read but not yet confirmed: the office sees the reading first, and only its confirmation applies it.
create table calendar_draft (
    id            uuid primary key,
    year          int not null,
    notice        text not null,
    text          text not null,
    reading       jsonb not null,
    created_by    text not null,
    created_at    timestamptz not null,
    confirmed_at  timestamptz
);

-- Who changed the calendar, when, how and why.
create table calendar_change (
    id       bigserial primary key,
    year     int not null,
    day      date,
    action   text not null,
    kind     text,
    name     text,
    reason   text,
    actor    text not null,
    at       timestamptz not null,
    constraint calendar_change_action check (action in ('SEEDED', 'NOTICE_CONFIRMED', 'DAY_SET', 'DAY_REMOVED'))
);
create index calendar_change_year on calendar_change (year, at desc);
