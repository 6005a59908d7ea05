-- the whole TaskV1 as last applied, so that a change can be handed on with what the task was before it
alter table task_view add column snapshot jsonb;
