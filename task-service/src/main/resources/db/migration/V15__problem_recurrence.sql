-- 再次出现 (report.problems-recurred.v1): a problem of a later published report that names again a problem of an
-- earlier report of the same issuer. Keyed by ids only, with no foreign key to rectification: either report's
-- rectification items may not exist here yet (the events of two reports are not ordered), and the join resolves
-- once they do. Each event replaces every row of its report_id.
create table problem_recurrence (
    report_id           uuid not null,
    problem_id          text not null,
    earlier_report_id   uuid not null,
    earlier_problem_id  text not null,
    report_year         integer,
    earlier_report_year integer not null,
    -- every report year the later problem appeared in, its own included: [2023, 2024]
    years               jsonb not null,
    title               text,
    earlier_title       text,
    similarity          double precision not null,
    primary key (report_id, problem_id, earlier_report_id, earlier_problem_id)
);

create index problem_recurrence_earlier on problem_recurrence (earlier_report_id, earlier_problem_id);
