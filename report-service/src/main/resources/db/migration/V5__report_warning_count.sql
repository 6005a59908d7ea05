-- The report list shows how many extraction warnings each report has without reading every structure.
alter table report add column warning_count integer not null default 0;

update report set warning_count = coalesce(jsonb_array_length(structure -> 'warnings'), 0) where structure is not null;
