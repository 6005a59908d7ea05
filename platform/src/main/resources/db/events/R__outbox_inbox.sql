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
