-- Did last year's plan happen (report.plan-followed-up.v1, report.plan-match-decided.v1): per plan item of a report,
-- the verdict report-service gave it against the issuer's next report, the evidence and the office's decision.
-- Tasks find theirs by (report_id, plan_item_id).
create table plan_item_follow_up (
    report_id       uuid not null,
    plan_item_id    text not null,
    later_report_id uuid not null,
    verdict         text not null,
    coverage        double precision not null,
    -- [{achievementId, title, text, span, score}], best first
    evidence        jsonb not null,
    decision        text,
    decided_by      text,
    decided_at      text,
    updated_at      timestamptz not null,
    primary key (report_id, plan_item_id)
);
