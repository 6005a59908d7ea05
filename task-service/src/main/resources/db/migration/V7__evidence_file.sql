-- 佐证材料: files uploaded for a task's progress reports, in the task's database so that a file and its history
-- entry are stored in one transaction and backed up with the task.
-- bytea, not large objects: a file is at most evidence.max-size (default 20 MB, far below bytea's 1 GB), it goes
-- with its row (no orphaned large objects to lo_unlink or vacuumlo), and the driver needs no open transaction to
-- read it. STORAGE EXTERNAL keeps it out of line and uncompressed (evidence is mostly JPEG, PNG, PDF, DOCX or ZIP,
-- already compressed), so that substring() reads only the TOAST chunks it needs: downloads stream in slices.
create table evidence_file (
    id            uuid primary key,
    task_id       uuid not null references task (id),
    district      text not null,
    file_name     text not null,
    description   text,
    content_type  text not null,
    size          bigint not null check (size > 0),
    sha256        char(64) not null,
    uploaded_at   timestamptz not null,
    uploaded_by   text not null,
    capacity      text not null,
    department    text,
    content       bytea not null
);

alter table evidence_file alter column content set storage external;

create index evidence_file_task on evidence_file (task_id, uploaded_at);

-- Evidence is part of the trail (全程留痕): kept as uploaded, never changed or removed.
create function evidence_file_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'evidence_file is append-only';
end $$;

create trigger evidence_file_no_update before update or delete on evidence_file
    for each row execute function evidence_file_append_only();
