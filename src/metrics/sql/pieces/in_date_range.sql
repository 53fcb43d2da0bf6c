-- Whether day {{1}} is within [{{2}}, {{3}}], a NULL bound being none: the optional date filters
-- of the list endpoints ("from", "to"). With the bounds known when the statement is planned,
-- the NULL tests fold away and an index on the day serves what is left.
(({{2}} IS NULL OR {{1}} >= {{2}}) AND ({{3}} IS NULL OR {{1}} <= {{3}}))
