-- A deleted board is kept, marked with the time it was deleted, until the window starts again or another board is
-- deleted, so that the delete's Undo can bring it back exactly: its ideas, history, channel settings and posts never
-- left their tables. Every query for boards leaves marked ones out.
ALTER TABLE boards ADD COLUMN deleted_at INTEGER; -- Unix time, milliseconds; NULL for a board in use
