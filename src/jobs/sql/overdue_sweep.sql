-- Marks open action items due before $1 (date) OVERDUE; swept: how many became OVERDUE.
-- The row trigger marks items OVERDUE when they are written; this catches the items nobody
-- touched since their due date passed. The trigger's own rule is kept: an item with a
-- completed_date is never OVERDUE. Counted from RETURNING so an item the trigger turned
-- elsewhere is not counted.
WITH swept AS (
    UPDATE action_items SET status = 'OVERDUE'
     WHERE status IN ('PENDING', 'IN_PROGRESS')
       AND due_date < $1::date
       AND completed_date IS NULL
    RETURNING status
)
SELECT count(*) FILTER (WHERE status = 'OVERDUE') AS swept FROM swept
