-- ANALYZE samples 300 × (the largest statistics target of a table) rows and computes statistics for every column.
-- With the default target (100) autovacuum's ANALYZE, which at 200 progress reports/s comes about once a minute for
-- each busy table, took one of the two cores for 0.7 s (task) to 2.5 s (task_history), mostly on free text and JSON
-- that no query filters on; the requests waiting behind it were the tail of docs/benchmarks.md. Statistics are kept
-- for the columns queries filter, join or look up by, none for the others. A column added later gets the default
-- target again: give it one here if it is only ever read.
alter table task
    alter column title set statistics 0, alter column text set statistics 0, alter column theme set statistics 0,
    alter column search_text set statistics 0, alter column plan_item_id set statistics 0,
    alter column span_start set statistics 0, alter column span_end set statistics 0,
    alter column percent set statistics 0, alter column last_feedback_at set statistics 0,
    alter column created_at set statistics 0, alter column updated_at set statistics 0,
    alter column version set statistics 0,
    alter column suggested_lead_department set statistics 0, alter column suggested_lead_rule set statistics 0,
    alter column suggested_lead_words set statistics 0, alter column suggested_co_departments set statistics 0,
    alter column suggested_co_rules set statistics 0, alter column suggested_co_words set statistics 0,
    alter column suggested_deadline set statistics 0, alter column suggested_deadline_rule set statistics 0,
    alter column suggested_deadline_words set statistics 0,
    -- the filters of GET /api/tasks and the ledger
    alter column id set statistics 50, alter column district set statistics 50,
    alter column work_plan_id set statistics 50, alter column report_id set statistics 50,
    alter column state set statistics 50, alter column lead_department set statistics 50,
    alter column co_departments set statistics 50, alter column deadline set statistics 50,
    alter column key_supervision set statistics 50, alter column dispatched_at set statistics 50,
    alter column closed_at set statistics 50;

-- append-only trails, read by task
alter table task_history
    alter column id set statistics 10, alter column task_id set statistics 10, alter column at set statistics 10,
    alter column actor set statistics 0, alter column capacity set statistics 0, alter column action set statistics 0,
    alter column state_before set statistics 0, alter column state_after set statistics 0,
    alter column before set statistics 0, alter column after set statistics 0, alter column detail set statistics 0;

alter table progress_report
    alter column task_id set statistics 10, alter column reported_at set statistics 10,
    alter column id set statistics 0, alter column reported_by set statistics 0, alter column capacity set statistics 0,
    alter column percent set statistics 0, alter column note set statistics 0, alter column evidence set statistics 0,
    alter column metrics set statistics 0;
