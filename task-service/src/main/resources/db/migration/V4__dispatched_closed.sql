-- When a task was dispatched and closed: the rollups' time-elapsed and on-time rules need both.
alter table task add column dispatched_at timestamptz;
alter table task add column closed_at timestamptz;
