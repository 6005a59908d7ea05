-- Reminders planned from each task's newest snapshot, persisted so that restarts and replicas share one schedule.
-- (task_id, rule, occurrence_key) is the exactly-once identity of a reminder (PlannedReminder.identity()).
create table reminder_schedule (
    id              bigserial primary key,
    task_id         uuid not null,
    district        text not null,
    rule            text not null,
    occurrence_key  text not null,
    due_on          date not null,
    -- stale from this day on (exclusive end of validity); null = never stale
    expires_on      date,
    deadline        date,
    recipients      text[] not null,
    -- what an event notice must remember of its event (an extension's previous deadline …)
    context         jsonb not null default '{}',
    -- not before this instant: the start of due_on, moved to the end of quiet hours when the scan meets them
    send_after      timestamptz not null,
    -- PENDING → SENT | WITHDRAWN (no longer planned; may come back) | EXPIRED (stale before it could go out)
    status          text not null default 'PENDING',
    planned_at      timestamptz not null,
    done_at         timestamptz,
    constraint reminder_schedule_identity unique (task_id, rule, occurrence_key),
    constraint reminder_schedule_status check (status in ('PENDING', 'SENT', 'WITHDRAWN', 'EXPIRED'))
);
-- "what is due now": only pending rows, oldest first
create index reminder_schedule_due on reminder_schedule (send_after) where status = 'PENDING';

-- One message to one recipient: a department, the district's office, or a user (docs/notifications.md, inbox).
create table notice (
    id              bigserial primary key,
    district        text not null,
    kind            text not null,
    task_id         uuid,
    schedule_id     bigint references reminder_schedule (id),
    recipient_type  text not null,
    recipient_id    text not null,
    title           text not null,
    body            text not null,
    data            jsonb not null,
    created_at      timestamptz not null,
    -- a reminder reaches each recipient once, however often the scan runs
    constraint notice_once unique (schedule_id, recipient_type, recipient_id),
    constraint notice_recipient_type check (recipient_type in ('DEPARTMENT', 'OFFICE', 'USER'))
);
create index notice_recipient on notice (recipient_type, recipient_id, created_at desc, id desc);

-- read state per user: one clerk reading a department's notice does not mark it read for colleagues
create table notice_read (
    user_name  text not null,
    notice_id  bigint not null references notice (id),
    read_at    timestamptz not null,
    primary key (user_name, notice_id)
);
