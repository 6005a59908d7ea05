-- The task list's closing-day filters (closedFrom, closedBefore: the tasks closed in a month of the completion
-- curve) read a range of closed_at. Only closed tasks have one, so the index holds only them.
create index task_closed_at on task (closed_at) where closed_at is not null;
