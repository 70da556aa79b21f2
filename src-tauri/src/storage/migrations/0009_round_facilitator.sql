-- A round belongs to the account that started it: another account connected on this computer is not its
-- facilitator. Rounds started so far belong to the account connected now on their server (none: to whoever connects).
ALTER TABLE rounds ADD COLUMN facilitator TEXT;

UPDATE rounds SET facilitator = (SELECT a.user_id FROM account a WHERE a.server = rounds.server);
