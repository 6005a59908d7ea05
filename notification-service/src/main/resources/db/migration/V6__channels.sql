-- Channels: who receives which notices by email or webhook, and every delivery with its retries.

create table subscription (
    id              uuid primary key,
    district        text not null,
    -- DEPARTMENT (recipient_id = a department id) or OFFICE (the district's rule-of-law office, recipient_id null)
    recipient_type  text not null check (recipient_type in ('DEPARTMENT', 'OFFICE')),
    recipient_id    varchar(64),
    channel         text not null check (channel in ('EMAIL', 'WEBHOOK')),
    -- an email address or an http(s) URL
    target          text not null,
    -- the webhook's HMAC key; never leaves the service through the API
    secret          text,
    enabled         boolean not null default true,
    -- notice kinds to deliver; empty = all
    kinds           text[] not null default '{}',
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check ((recipient_type = 'DEPARTMENT') = (recipient_id is not null)),
    check (channel <> 'WEBHOOK' or secret is not null)
);

create index subscription_recipient on subscription (district, recipient_type, recipient_id);

create table delivery (
    id               uuid primary key,
    subscription_id  uuid not null references subscription (id) on delete cascade,
    -- what is delivered: 'notice:<notice id>' or 'digest:<district>:<ISO week>'; each goes once to each subscription
    source           text not null,
    notice_id        bigint,
    kind             text not null,
    district         text not null,
    task_id          text,
    title            text not null,
    body             text not null,
    -- the webhook JSON, fixed when the delivery is created so that every retry sends the same bytes' content
    payload          text not null,
    state            text not null check (state in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_error       text,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    created_at       timestamptz not null,
    unique (source, subscription_id)
);

create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_dead on delivery (dead_at desc) where state = 'DEAD';

-- one weekly digest (周报) per district and ISO week, whichever replica gets there first
create table digest_run (
    district    text not null,
    iso_week    text not null,
    created_at  timestamptz not null,
    primary key (district, iso_week)
);
