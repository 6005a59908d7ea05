-- Every task event rewrites the task's read-model row and light, mostly without touching an indexed column: room on
-- the page lets PostgreSQL update them in place (HOT) without index upkeep. Applies to pages written from now on.
alter table task_view set (fillfactor = 70);
alter table task_light set (fillfactor = 70);
