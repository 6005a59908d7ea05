-- Seeds notification-service's database for the rollup read benchmark (docs/benchmarks.md): :tasks open tasks of
-- district licheng in task_view, their lights in task_light, and the rollup_scope rows counted from them.
-- Lights are simplified (red when past the deadline, else green; no yellow rules): the benchmark measures reads.
\set ON_ERROR_STOP on
begin;
delete from rollup_scope where district = 'licheng';
delete from task_light where task_id in (select task_id from task_view where district = 'licheng');
delete from task_view where district = 'licheng';

insert into task_view (task_id, district, work_plan_id, report_id, issuer, plan_year, theme, title, state,
                       lead_department, co_departments, deadline, key_supervision, percent, last_feedback_at,
                       task_version, updated_at, dispatched_at, closed_at, snapshot)
select id, 'licheng', plan, plan, issuer, year, '主题', '督办事项 ' || i, state, lead, '{}', deadline, false,
       percent, now() - interval '3 days', 5, now(), now() - interval '90 days', null,
       jsonb_build_object('taskId', id, 'district', 'licheng', 'workPlanId', plan, 'reportId', plan,
                          'planItemId', 'plan-' || i, 'issuer', issuer, 'planYear', year, 'title', '督办事项 ' || i,
                          'state', state, 'leadDepartment', lead, 'coDepartments', '[]'::jsonb,
                          'deadline', deadline, 'keySupervision', false, 'percent', percent, 'version', 5)
from (select i,
             md5('task' || i)::uuid as id,
             md5('plan' || (i % 20))::uuid as plan,
             (array['某区司法局', '某区人民政府', '某区市场监管局'])[1 + i % 3] as issuer,
             2025 + i % 2 as year,
             (array['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'])[1 + i % 5] as state,
             case i % 40 when 0 then 'judicial-bureau' when 1 then 'market-regulation'
                         when 2 then 'kaiyuan-subdistrict' else 'dept-' || lpad((i % 40)::text, 2, '0') end as lead,
             current_date - 60 + (i % 300) as deadline,
             i % 101 as percent
      from generate_series(1, :tasks) as i) s;

insert into task_light (task_id, reason, light, counted_on, next_change_on)
select task_id,
       case when deadline < current_date then 'OVERDUE' else 'ON_TRACK' end,
       case when deadline < current_date then 'RED' else 'GREEN' end,
       current_date,
       case when deadline < current_date then null else deadline + 1 end
from task_view where district = 'licheng';

insert into rollup_scope (district, kind, scope_id, plan_year, tasks, draft, dispatched, acknowledged, in_progress,
                          submitted, returned, closed, cancelled, supervised, closed_on_time, overdue, percent_sum,
                          green, yellow, red, updated_at)
select v.district, k.kind, k.scope_id, coalesce(v.plan_year, 0), count(*),
       count(*) filter (where v.state = 'DRAFT'), count(*) filter (where v.state = 'DISPATCHED'),
       count(*) filter (where v.state = 'ACKNOWLEDGED'), count(*) filter (where v.state = 'IN_PROGRESS'),
       count(*) filter (where v.state = 'SUBMITTED'), count(*) filter (where v.state = 'RETURNED'),
       count(*) filter (where v.state = 'CLOSED'), count(*) filter (where v.state = 'CANCELLED'),
       count(*) filter (where v.state not in ('DRAFT', 'CANCELLED')), 0,
       count(*) filter (where l.light = 'RED'),
       sum(case when v.state in ('DRAFT', 'CANCELLED') then 0 when v.state = 'CLOSED' then 100 else v.percent end),
       count(*) filter (where l.light = 'GREEN'), count(*) filter (where l.light = 'YELLOW'),
       count(*) filter (where l.light = 'RED'), now()
from task_view v join task_light l using (task_id)
cross join lateral (values ('DISTRICT', v.district), ('DEPARTMENT', v.lead_department),
                           ('WORK_PLAN', v.work_plan_id::text), ('ISSUER', v.issuer)) as k(kind, scope_id)
where v.district = 'licheng' and k.scope_id is not null
group by 1, 2, 3, 4;
commit;
analyze task_view;
analyze task_light;
analyze rollup_scope;
select count(*) as open_tasks from task_view where district = 'licheng' and state not in ('DRAFT', 'CLOSED', 'CANCELLED');
select count(*) as rollup_rows from rollup_scope where district = 'licheng';
