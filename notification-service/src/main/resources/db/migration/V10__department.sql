-- The units of the districts' directories as task-service announces them (department-events), so that texts people
-- read name a department by its name; notification-service never asks task-service. One row per unit, the newest
-- version wins.
create table department (
    district       text        not null,
    department_id  text        not null,
    name           text        not null,
    short_names    text[]      not null default '{}',
    kind           text,
    parent         text,
    version        bigint      not null,
    updated_at     timestamptz not null,
    primary key (district, department_id)
);
