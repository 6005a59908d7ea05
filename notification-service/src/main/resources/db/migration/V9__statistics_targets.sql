-- ANALYZE samples 300 × (the largest statistics target of a table) rows and computes statistics for every column.
-- With the default target (100) autovacuum's ANALYZE of the read model, which at 200 task events/s comes about once
-- a minute, took one of the two cores for 0.5 to 0.8 s, mostly on the JSON snapshot and texts no query filters on.
-- Statistics are kept for the columns queries filter, join or look up by, none for the others. A column added later
-- gets the default target again: give it one here if it is only ever read.
alter table task_view
    alter column snapshot set statistics 0, alter column title set statistics 0, alter column theme set statistics 0,
    alter column percent set statistics 0, alter column last_feedback_at set statistics 0,
    alter column task_version set statistics 0, alter column updated_at set statistics 0,
    alter column dispatched_at set statistics 0, alter column closed_at set statistics 0,
    alter column task_id set statistics 50, alter column district set statistics 50,
    alter column work_plan_id set statistics 50, alter column report_id set statistics 50,
    alter column issuer set statistics 50, alter column plan_year set statistics 50,
    alter column state set statistics 50, alter column lead_department set statistics 50,
    alter column co_departments set statistics 50, alter column deadline set statistics 50,
    alter column key_supervision set statistics 50;

-- looked up by task (the plan of one task) and by what is due (status, send_after)
alter table reminder_schedule
    alter column task_id set statistics 10, alter column status set statistics 10,
    alter column send_after set statistics 10,
    alter column id set statistics 0, alter column district set statistics 0, alter column rule set statistics 0,
    alter column occurrence_key set statistics 0, alter column due_on set statistics 0,
    alter column expires_on set statistics 0, alter column deadline set statistics 0,
    alter column recipients set statistics 0, alter column context set statistics 0,
    alter column planned_at set statistics 0, alter column done_at set statistics 0;
