-- Idempotency-Key (rol.task.idempotency): the first answer to a state-changing request, per caller and key, stored in
-- the transaction of the change it reports; a retry with the same key gets it back instead of a second effect.
-- status/body/headers are filled in before commit; rows older than the retention (24 h) are deleted by a job.
create table idempotency_key (
    caller      text        not null,
    key         text        not null,
    fingerprint text        not null,
    created_at  timestamptz not null,
    status      integer,
    body        text,
    headers     jsonb,
    primary key (caller, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
