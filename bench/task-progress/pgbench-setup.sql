-- What bench/task-progress/pgbench.sql needs beside the seeded tasks (docs/benchmarks.md, "side by side with
-- pgbench"). Idempotent. The outbox rows go to a copy of outbox_event with the same columns and indexes, so that
-- task-service's relay does not publish them; everything else is written to the real tables.
create table if not exists bench_outbox_event (like outbox_event including all);

-- The task snapshot as task-service writes it into task_history and its events (TaskV1, docs/events.md).
create or replace function bench_task_snapshot(t task) returns jsonb language sql stable as $$
  select jsonb_build_object('taskId', t.id, 'district', t.district, 'workPlanId', t.work_plan_id,
    'reportId', t.report_id, 'planItemId', t.plan_item_id, 'issuer', p.issuer, 'planYear', p.plan_year,
    'theme', t.theme, 'title', t.title, 'state', t.state, 'leadDepartment', t.lead_department,
    'coDepartments', to_jsonb(t.co_departments), 'deadline', t.deadline, 'keySupervision', t.key_supervision,
    'percent', t.percent, 'lastFeedbackAt', t.last_feedback_at, 'dispatchedAt', t.dispatched_at,
    'closedAt', t.closed_at, 'version', t.version, 'milestones', '[]'::jsonb)
  from work_plan p where p.id = t.work_plan_id
$$;
