-- 100,000 supervised tasks for the progress benchmark, as task-service itself would have written them: 100 work
-- plans of 1,000 tasks each, dispatched to the directory's top-level departments (lead and one co-department),
-- acknowledged, two thirds already in progress, each with its history (交办, 签收, first 反馈), its deadline entry
-- and, for those in progress, its first progress report. No outbox rows: these events are long relayed.
-- Idempotent: ids derive from the task number, and a second run adds nothing.
-- psql -v tasks=100000 -f seed.sql (temporary tables and the snapshot function go with the session)
\set ON_ERROR_STOP on
\if :{?tasks}
\else
\set tasks 100000
\endif

begin;

create temporary table bench_department as
select row_number() over (order by department_id) - 1 as n, department_id
from department where district = 'licheng' and parent is null;

select count(*) as departments from bench_department \gset
do $$ begin
    if not exists (select from bench_department) then
        raise exception 'no department directory yet: start task-service once (it seeds the directory), then seed';
    end if;
end $$;

insert into work_plan (id, district, report_id, issuer, title, report_year, plan_year, created_at, revision)
select md5('bench-plan-' || p)::uuid, 'licheng', md5('bench-report-' || p)::uuid,
       '压测单位' || p, '压测单位' || p || '2024年法治政府建设情况报告', 2024, 2025, now() - interval '60 days', 0
from generate_series(0, (:tasks - 1) / 1000) p
on conflict do nothing;

create temporary table bench_task as
select i,
       md5('bench-task-' || i)::uuid as id,
       md5('bench-plan-' || (i / 1000))::uuid as work_plan_id,
       md5('bench-report-' || (i / 1000))::uuid as report_id,
       '压测单位' || (i / 1000) as issuer,
       (select department_id from bench_department where n = i % :departments) as lead,
       (select department_id from bench_department where n = (i + 1 + i % 7) % :departments) as co,
       case when i % 3 = 0 then 'ACKNOWLEDGED' else 'IN_PROGRESS' end as state,
       case when i % 3 = 0 then 0 else 10 + (i % 8) * 10 end as percent,
       current_date + 30 + i % 300 as deadline,
       now() - interval '50 days' - (i % 1000) * interval '1 minute' as dispatched_at
from generate_series(0, :tasks - 1) i;

insert into task (id, district, work_plan_id, report_id, plan_item_id, theme, title, text, state, lead_department,
                  co_departments, deadline, key_supervision, percent, last_feedback_at, dispatched_at, created_at,
                  updated_at, version, search_text)
select id, 'licheng', work_plan_id, report_id, 'plan-' || (i % 1000), '（一）深入推进依法行政',
       '压测任务' || i || '：开展行政执法案卷评查',
       '压测任务' || i || '：开展行政执法案卷评查，规范行政执法行为，年底前完成全部案卷的抽查和通报。',
       state, lead, array[co]::varchar(64)[], deadline, i % 50 = 0, percent,
       case when state = 'IN_PROGRESS' then dispatched_at + interval '10 days' end,
       dispatched_at, dispatched_at - interval '1 day',
       dispatched_at + case when state = 'IN_PROGRESS' then interval '10 days' else interval '1 day' end,
       case when state = 'IN_PROGRESS' then 3 else 2 end,
       -- what Task.searchText makes of title and text (they are simplified already)
       '压测任务' || i || '：开展行政执法案卷评查' || E'\n' || '压测任务' || i || '：开展行政执法案卷评查，规范行政执法行为，年底前完成全部案卷的抽查和通报。'
from bench_task
on conflict do nothing;

-- the snapshot TaskV1 that history rows carry, at a given state, percent and version
create function pg_temp.snapshot(t bench_task, st text, pct int, fed timestamptz, v bigint) returns jsonb
language sql as $$
select jsonb_build_object('taskId', t.id, 'district', 'licheng', 'workPlanId', t.work_plan_id,
       'reportId', t.report_id, 'planItemId', 'plan-' || (t.i % 1000), 'issuer', t.issuer, 'planYear', 2025,
       'theme', '（一）深入推进依法行政', 'title', '压测任务' || t.i || '：开展行政执法案卷评查', 'state', st,
       'leadDepartment', case when st = 'DRAFT' then null else t.lead end,
       'coDepartments', case when st = 'DRAFT' then '[]'::jsonb else jsonb_build_array(t.co) end,
       'deadline', case when st = 'DRAFT' then null else t.deadline end, 'keySupervision', t.i % 50 = 0,
       'percent', pct, 'lastFeedbackAt', fed, 'dispatchedAt', case when st = 'DRAFT' then null else t.dispatched_at end,
       'closedAt', null, 'version', v)
$$;

-- only for tasks this run inserted (a rerun adds no second history)
delete from bench_task b where exists (select from task_history h where h.task_id = b.id);

insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before, after, detail)
select id, dispatched_at, 'office1', 'OFFICE', 'DISPATCH', 'DRAFT', 'DISPATCHED',
       pg_temp.snapshot(b, 'DRAFT', 0, null, 0), pg_temp.snapshot(b, 'DISPATCHED', 0, null, 1),
       jsonb_build_object('leadDepartment', lead, 'coDepartments', jsonb_build_array(co), 'deadline', deadline)
from bench_task b;

insert into deadline_change (task_id, changed_at, changed_by, cause, old_deadline, new_deadline)
select id, dispatched_at, 'office1', 'DISPATCH', null, deadline from bench_task;

insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before, after, detail)
select id, dispatched_at + interval '1 day', lead || '-staff', 'LEAD_DEPARTMENT', 'ACKNOWLEDGE', 'DISPATCHED',
       'ACKNOWLEDGED', pg_temp.snapshot(b, 'DISPATCHED', 0, null, 1), pg_temp.snapshot(b, 'ACKNOWLEDGED', 0, null, 2),
       '{}'::jsonb
from bench_task b;

insert into progress_report (id, task_id, reported_at, reported_by, capacity, percent, note, evidence, metrics)
select md5('bench-progress-' || i)::uuid, id, dispatched_at + interval '10 days', lead || '-staff',
       'LEAD_DEPARTMENT', percent, '已完成第一批案卷抽查', '[]', '[]'
from bench_task where state = 'IN_PROGRESS';

insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before, after, detail)
select id, dispatched_at + interval '10 days', lead || '-staff', 'LEAD_DEPARTMENT', 'REPORT_PROGRESS',
       'ACKNOWLEDGED', 'IN_PROGRESS', pg_temp.snapshot(b, 'ACKNOWLEDGED', 0, null, 2),
       pg_temp.snapshot(b, 'IN_PROGRESS', percent, dispatched_at + interval '10 days', 3),
       jsonb_build_object('progress', jsonb_build_object('id', md5('bench-progress-' || i)::uuid,
           'reportedAt', dispatched_at + interval '10 days', 'percent', percent, 'note', '已完成第一批案卷抽查',
           'evidence', '[]'::jsonb, 'metrics', '[]'::jsonb))
from bench_task b where state = 'IN_PROGRESS';

commit;
analyze work_plan, task, task_history, deadline_change, progress_report;
