-- Each idea's zone, kept beside the scores it follows from, so that a quadrant's ideas in order are one index range.
-- A move finds its landing place among the quadrant's ideas; without this column that meant walking the board's
-- ideas in rank order and testing each against the board's lines.
--
-- The zone is derived, never a fact of its own: 0 unsorted, 1 implement, 2 challenge, 3 possible, 4 kill, by the
-- quadrant rule (`Zone::of`; a score on a line counts as high), written once, in the view below. The triggers keep
-- the column to it, whatever writes the scores or the lines (an edit, a move, undo, an import, a copied board), and
-- no row type reads or writes it.
ALTER TABLE ideas ADD COLUMN zone INTEGER NOT NULL DEFAULT 0 CHECK (zone BETWEEN 0 AND 4);

CREATE VIEW ideas_zone_by_rule (id, board_id, zone) AS
SELECT i.id, i.board_id, CASE
    WHEN i.payoff IS NULL OR i.cost IS NULL THEN 0
    WHEN i.payoff >= b.payoff_threshold THEN CASE WHEN i.cost < b.cost_threshold THEN 1 ELSE 2 END
    ELSE CASE WHEN i.cost < b.cost_threshold THEN 3 ELSE 4 END
END
FROM ideas i JOIN boards b ON b.id = i.board_id;

UPDATE ideas SET zone = r.zone FROM ideas_zone_by_rule r WHERE r.id = ideas.id AND ideas.zone <> r.zone;

CREATE INDEX ideas_by_board_zone_rank ON ideas (board_id, zone, rank);

-- A row's zone after its scores or its board are written, only when it changes: a move within a quadrant, or new
-- scores that keep the idea where it was, write the row once.
CREATE TRIGGER idea_zone_on_insert AFTER INSERT ON ideas
WHEN new.zone IS NOT (SELECT zone FROM ideas_zone_by_rule WHERE id = new.id)
BEGIN
    UPDATE ideas SET zone = (SELECT zone FROM ideas_zone_by_rule WHERE id = new.id) WHERE id = new.id;
END;

CREATE TRIGGER idea_zone_on_update AFTER UPDATE OF payoff, cost, board_id ON ideas
WHEN new.zone IS NOT (SELECT zone FROM ideas_zone_by_rule WHERE id = new.id)
BEGIN
    UPDATE ideas SET zone = (SELECT zone FROM ideas_zone_by_rule WHERE id = new.id) WHERE id = new.id;
END;

-- Every idea of a board whose lines move, where its zone changes.
CREATE TRIGGER idea_zones_on_thresholds AFTER UPDATE OF payoff_threshold, cost_threshold ON boards BEGIN
    UPDATE ideas SET zone = r.zone
    FROM ideas_zone_by_rule r
    WHERE r.board_id = new.id AND ideas.id = r.id AND ideas.zone <> r.zone;
END;
