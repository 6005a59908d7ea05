-- The task list's reads over 100,000 tasks (docs/benchmarks.md, "The reads every screen waits on").
-- Its default order is deadline then id: with this index a page is read in order and stops after 20 rows, whatever
-- state, department or overdue filter is added, instead of sorting every match (180 ms for the office's first page).
create index task_deadline on task (deadline, id);

-- A department's tasks are those it leads or supports: counting them combines this index with task_co (the
-- co-departments) instead of scanning the table; task_lead starts with district, which that query does not name.
create index task_lead_department on task (lead_department);

-- Text search: whether to walk that index and test each row (fast when most rows match: a two-character search
-- such as 普法 often does, and the trigram index cannot serve a pattern under three characters) or to collect the
-- matches through the trigram index and sort them (fast when few match) depends on how many match. Without
-- statistics on search_text (V10 dropped them) PostgreSQL guessed 0.03 % for every pattern and sorted 100,000 rows
-- for 400 ms; 100 is the least target for which it estimates a LIKE from the sampled values (histogram_selectivity
-- wants 100 of them). ANALYZE of task costs about 10 % more.
alter table task alter column search_text set statistics 100;
