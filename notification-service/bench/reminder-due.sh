#!/usr/bin/env bash
# "Finding what is due now" with 1,000,000 open tasks: seeds the read model and the reminder schedule of a
# PostgreSQL started by ./stack (see docs/benchmarks.md for the command), then measures the due scan's claim query.
# Usage: PGPORT=26000 notification-service/bench/reminder-due.sh   (database, user and password: notification)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-26000} PGUSER=notification PGPASSWORD=notification PGDATABASE=notification
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
TASKS=${TASKS:-1000000}
NOW=${NOW:-2026-06-15 09:00:00+08}

echo "== schema (notification-service's migrations V1..V4) on a wiped database"
psql -q -v ON_ERROR_STOP=1 -c "drop schema public cascade; create schema public;"
for f in "$HERE"/../src/main/resources/db/migration/V*.sql; do psql -q -v ON_ERROR_STOP=1 -f "$f"; done

echo "== seeding $TASKS open tasks and their reminders"
time psql -q -v ON_ERROR_STOP=1 <<SQL
insert into task_view (task_id, district, work_plan_id, report_id, title, state, lead_department, co_departments,
    deadline, percent, task_version, updated_at, dispatched_at)
select md5('task' || i)::uuid, 'licheng', md5('plan' || (i % 500))::uuid, md5('report' || (i % 500))::uuid,
    '任务' || i, (array['DISPATCHED','ACKNOWLEDGED','IN_PROGRESS','RETURNED'])[1 + i % 4],
    'dept-' || (i % 60), array['dept-' || ((i + 7) % 60)], date '2026-01-01' + (i % 365), i % 100, 3, now(),
    timestamptz '2025-12-01 09:00+08'
from generate_series(1, $TASKS) i;

-- per task the deadline series and escalation: earlier ones sent, today's and later ones pending, and a few
-- earlier ones still pending (missed while the service was down: the catch-up the scan must also find)
insert into reminder_schedule (task_id, district, rule, occurrence_key, due_on, expires_on, deadline, recipients,
    send_after, status, planned_at, done_at)
select t.task_id, 'licheng', r.rule, r.key || '@' || t.deadline, d.due_on, null, t.deadline, array['LEAD','CO'],
    (d.due_on + time '08:00') at time zone 'Asia/Shanghai',
    case when d.due_on < date '$NOW' and hashtext(t.task_id::text || r.key) % 1000 <> 0 then 'SENT' else 'PENDING' end,
    now(), null
from task_view t
cross join (values ('BEFORE_DEADLINE', 'before:14', -20), ('BEFORE_DEADLINE', 'before:7', -9),
                   ('BEFORE_DEADLINE', 'before:1', -1), ('ON_DEADLINE', 'on-day', 0),
                   ('AFTER_DEADLINE', 'after:1', 4), ('ESCALATION', 'escalation', 7)) r(rule, key, offset_days)
cross join lateral (select t.deadline + r.offset_days as due_on) d;
vacuum analyze task_view;
vacuum analyze reminder_schedule;
SQL
psql -c "select status, count(*) from reminder_schedule group by status order by 1"
psql -c "select count(*) as due_now from reminder_schedule where status = 'PENDING' and send_after <= timestamptz '$NOW'"
psql -c "select pg_size_pretty(pg_total_relation_size('reminder_schedule')) as schedule,
                pg_size_pretty(pg_relation_size('reminder_schedule_due')) as due_index"

CLAIM="select id, task_id, district, rule, occurrence_key, due_on, expires_on, deadline, recipients,
    cast(context as text), send_after from reminder_schedule
    where status = 'PENDING' and send_after <= timestamptz '$NOW' order by send_after limit 500 for update skip locked"

echo "== the claim query (DueScan's batch of 500), plan"
psql -c "begin" -c "explain (analyze, buffers) $CLAIM" -c "rollback"

echo "== the claim query, 200 runs, each in its own transaction rolled back (pgbench)"
printf 'begin;\n%s;\nrollback;\n' "$(echo "$CLAIM" | tr '\n' ' ')" > /tmp/reminder-claim.$$.sql
"$PGBENCH" -n -f /tmp/reminder-claim.$$.sql -t 200 -c 1 | grep -E "latency|tps"
echo "== the same with two clients at once (two replicas claiming different rows)"
"$PGBENCH" -n -f /tmp/reminder-claim.$$.sql -t 100 -c 2 | grep -E "latency|tps"
rm -f /tmp/reminder-claim.$$.sql

echo "== draining everything due now in batches of 500 (claim + mark sent, no notice rendering)"
psql -v ON_ERROR_STOP=1 <<SQL
\timing on
do \$\$
declare n int; total int := 0; batches int := 0;
begin
  loop
    with due as (select id from reminder_schedule where status = 'PENDING' and send_after <= timestamptz '$NOW'
                 order by send_after limit 500 for update skip locked)
    update reminder_schedule s set status = 'SENT', done_at = now() from due where s.id = due.id;
    get diagnostics n = row_count;
    exit when n = 0;
    total := total + n; batches := batches + 1;
  end loop;
  raise notice 'drained % rows in % batches', total, batches;
end \$\$;
SQL
