alter table task_view add column dispatched_at timestamptz;
alter table task_view add column closed_at timestamptz;
