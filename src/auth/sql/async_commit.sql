-- This transaction commits without waiting for its WAL flush (see where it is used).
SET LOCAL synchronous_commit = off
