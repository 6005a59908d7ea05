-- 台账导入 (rol.task.ledgerimport): an uploaded ledger waits here, as the rows read from it and the office's
-- corrections, until the office commits it. The preview is computed from these two whenever it is asked for.
create table ledger_import (
    id            uuid primary key,
    district      text not null,
    file_name     text not null,
    plan_year     integer not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null,
    rows          jsonb not null,
    corrections   jsonb not null default '{}',
    committed_at  timestamptz,
    committed_by  text,
    result        jsonb,
    version       bigint not null default 0
);

create index ledger_import_uploaded on ledger_import (district, uploaded_at);

-- Where an imported task came from, as of its latest import. task_version is the task's version right after that
-- import wrote it: a task whose version has moved on since was changed in the system (签收, 反馈 …), and a
-- re-import lists its differences as conflicts instead of overwriting them.
create table task_import_source (
    task_id       uuid primary key references task (id),
    district      text not null,
    import_id     uuid not null references ledger_import (id),
    file_name     text not null,
    sheet         text not null,
    row_number    integer not null,
    title_key     text not null,
    imported_at   timestamptz not null,
    task_version  bigint not null,
    progress      text,
    note          text
);

create index task_import_source_title on task_import_source (district, sheet, title_key);
create index task_import_source_row on task_import_source (district, file_name, sheet, row_number);
