-- Progress reports, acknowledgements and most actions rewrite a task row without touching an indexed column. With
-- room left on the row's page PostgreSQL updates it in place (HOT) and leaves the indexes alone, above all the
-- trigram index of search_text, whose upkeep would otherwise fall on every report. Applies to pages written from now
-- on; an existing large table gets it with VACUUM FULL task in a maintenance window.
alter table task set (fillfactor = 70);
