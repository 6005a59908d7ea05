-- The outbox and inbox of the shared event plumbing. Repeatable and idempotent: every service's Flyway applies it
-- beside the service's own migrations (locations db/migration,db/events), and reapplies it when it changes.

create table if not exists outbox_event (
    position    bigserial primary key,
    event_id    uuid not null unique,
    topic       text not null,
    event_key   text not null,
    event_type  text not null,
    payload     text not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer not null default 0,
    last_error  text
);

-- the relay only ever looks for what is still unsent, in order
create index if not exists outbox_event_unsent on outbox_event (position) where sent_at is null;

create table if not exists inbox_event (
    consumer     text not null,
    event_id     text not null,
    event_type   text not null,
    outcome      text not null check (outcome in ('APPLIED', 'REJECTED')),
    detail       text,
    received_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- ANALYZE samples 300 × (the largest statistics target) rows: both tables are only ever looked up by key or position,
-- so small targets on those and none on the payloads keep autovacuum's frequent ANALYZE of these busy tables short
-- (the notification outbox took 0.7 s of one core per ANALYZE with the defaults)
alter table outbox_event
    alter column position set statistics 10, alter column sent_at set statistics 10,
    alter column created_at set statistics 10, alter column topic set statistics 10,
    alter column event_type set statistics 10, alter column event_id set statistics 0,
    alter column event_key set statistics 0, alter column payload set statistics 0,
    alter column attempts set statistics 0, alter column last_error set statistics 0;
alter table inbox_event
    alter column consumer set statistics 10, alter column event_type set statistics 10,
    alter column outcome set statistics 10, alter column received_at set statistics 10,
    alter column event_id set statistics 0, alter column detail set statistics 0;
