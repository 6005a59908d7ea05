-- Did last year's plan happen (rol.report.followup): each plan item of an earlier report with the verdict the later
-- report of the same issuer gives it, and the office's decision; the problems of a report that earlier reports named.

create table plan_follow_up (
    earlier_report_id uuid not null references report (id),
    plan_item_id      text not null,
    later_report_id   uuid not null references report (id),
    plan_item_title   text,
    verdict           text not null check (verdict in ('REPORTED_DONE', 'PARTLY_MENTIONED', 'NOT_MENTIONED')),
    -- the idf-weighted share (0..1) of the plan item's words that the evidence contains
    coverage          double precision not null,
    -- [{achievementId, title, text, span: {start, end}, score}] into the later report's text, best first
    evidence          jsonb not null,
    matched_at        timestamptz not null,
    -- null until the office decides; a new match of the same pair keeps the decision only if the verdict is unchanged
    decision          text check (decision in ('CONFIRMED', 'REJECTED')),
    decided_by        text,
    decided_at        timestamptz,
    primary key (earlier_report_id, plan_item_id)
);

create index plan_follow_up_later on plan_follow_up (later_report_id);

create table recurring_problem (
    report_id  uuid not null references report (id),
    problem_id text not null,
    title      text,
    -- every report year the problem appeared in, this report's included
    years      jsonb not null,
    -- [{reportId, reportYear, problemId, title, similarity}]
    earlier    jsonb not null,
    primary key (report_id, problem_id)
);
