-- User $1 as the subject of a row about to be written about them (a coaching session, a quick
-- note), with their status; share-locked until the transaction ends, so that nobody moves or
-- deletes them while the row is written.
SELECT s.*, u.status
  FROM users u
  JOIN user_subjects s ON s.subject_id = u.id
 WHERE u.id = $1::uuid
   FOR SHARE OF u
