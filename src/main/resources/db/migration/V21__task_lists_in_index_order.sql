-- A checked task list walks the open tasks in its order and stops when its page is full (ADR 23):
-- that order is the list's sort with ties broken by the task's id, so the indexes for the sorts the
-- lists use end with the id. The shared filters sort by due date (V14's index, now with the id);
-- Tasklist sorts by creation time, newest first, where a filter names no sort (read backwards).
DROP INDEX empact_idx_task_due;
CREATE INDEX empact_idx_task_due ON ACT_RU_TASK (DUE_DATE_, ID_);
CREATE INDEX empact_idx_task_created ON ACT_RU_TASK (CREATE_TIME_, ID_);
