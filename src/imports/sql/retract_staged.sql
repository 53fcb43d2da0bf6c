-- Takes back the staged rows $1 (first occurrences of duplicates found after they were sent).
DELETE FROM import_staging WHERE row_no = ANY($1::int[])
