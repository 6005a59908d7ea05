-- report-service's verdict on each plan item of an earlier report and the office's decision on it, kept from
-- report.plan-followed-up.v1 and report.plan-match-decided.v1 (issue 17). A confirmed REPORTED_DONE counts as
-- "plan item reported done" in the rollups (rol.notification.followup.ReportedDone), through the task of that item.
create table plan_follow_up (
    earlier_report_id  uuid not null,
    plan_item_id       text not null,
    later_report_id    uuid not null,
    district           text not null,
    verdict            text not null,     -- REPORTED_DONE, PARTLY_MENTIONED, NOT_MENTIONED
    decision           text,              -- CONFIRMED, REJECTED; null until the office decides
    decided_by         text,
    decided_at         timestamptz,
    updated_at         timestamptz not null,
    primary key (earlier_report_id, plan_item_id)
);
create index plan_follow_up_done on plan_follow_up (earlier_report_id)
    where verdict = 'REPORTED_DONE' and decision = 'CONFIRMED';

-- the rollups find a plan item's task by its report and plan item id
create index task_view_report_item on task_view (report_id, (snapshot ->> 'planItemId'));
