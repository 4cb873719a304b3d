-- Indexes the engine's own schema lacks (Camunda 7.24 creates none of these), for what every task
-- completion and every task list asks of its tables. The engine creates its tables before Flyway
-- runs (system.EngineSchemaFirst, ADR 10); indexes the engine creates itself are not repeated:
-- ACT_RU_IDENTITYLINK(TASK_ID_), (GROUP_ID_), ACT_RU_AUTHORIZATION(GROUP_ID_), (RESOURCE_ID_),
-- ACT_ID_MEMBERSHIP(USER_ID_) (its primary key on H2).

-- a task that ends looks for its subtasks: without this, a scan of every open task per completion
CREATE INDEX empact_idx_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_);

-- the "Overdue" filter: open tasks due before now
CREATE INDEX empact_idx_task_due ON ACT_RU_TASK (DUE_DATE_);

-- task lists by candidate group (Tasklist's "My group's tasks", /task?candidateGroups=...): the
-- group's candidate links and their tasks read from the index alone
CREATE INDEX empact_idx_ident_lnk_group ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- every authorization check reads the grants of the user (USER_ID_ IN (user, '*')) beside those
-- of the user's groups, which have the engine's index on GROUP_ID_
CREATE INDEX empact_idx_auth_user ON ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_);
