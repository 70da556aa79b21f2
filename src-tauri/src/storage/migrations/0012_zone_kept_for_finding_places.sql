-- Each idea's zone, kept beside the scores it follows from, so that a quadrant's ideas in order are one index range.
-- A move finds its landing place among the quadrant's ideas; without this column that meant walking the board's
-- ideas in rank order and testing each against the board's lines, some 2,000 of them on a 10,000-idea board.
--
-- The zone is derived, never a fact of its own: 0 unsorted, 1 implement, 2 challenge, 3 possible, 4 kill, by the
-- quadrant rule (`Zone::of`; a score on a line counts as high). The triggers below keep it, whatever writes the
-- scores or the lines (an edit, a move, undo, an import, a copied board), and no row type reads or writes it.
ALTER TABLE ideas ADD COLUMN zone INTEGER NOT NULL DEFAULT 0 CHECK (zone BETWEEN 0 AND 4);

UPDATE ideas SET zone = (
    SELECT CASE
        WHEN ideas.payoff IS NULL OR ideas.cost IS NULL THEN 0
        WHEN ideas.payoff >= b.payoff_threshold THEN CASE WHEN ideas.cost < b.cost_threshold THEN 1 ELSE 2 END
        ELSE CASE WHEN ideas.cost < b.cost_threshold THEN 3 ELSE 4 END
    END
    FROM boards b WHERE b.id = ideas.board_id
);

CREATE INDEX ideas_by_board_zone_rank ON ideas (board_id, zone, rank);

-- A row's zone after its scores or its board are written, only when it changes: a move within a quadrant, or new
-- scores that keep the idea where it was, write the row once.
CREATE TRIGGER idea_zone_on_insert AFTER INSERT ON ideas
WHEN new.zone IS NOT (
    SELECT CASE
        WHEN new.payoff IS NULL OR new.cost IS NULL THEN 0
        WHEN new.payoff >= b.payoff_threshold THEN CASE WHEN new.cost < b.cost_threshold THEN 1 ELSE 2 END
        ELSE CASE WHEN new.cost < b.cost_threshold THEN 3 ELSE 4 END
    END
    FROM boards b WHERE b.id = new.board_id
)
BEGIN
    UPDATE ideas SET zone = (
        SELECT CASE
            WHEN new.payoff IS NULL OR new.cost IS NULL THEN 0
            WHEN new.payoff >= b.payoff_threshold THEN CASE WHEN new.cost < b.cost_threshold THEN 1 ELSE 2 END
            ELSE CASE WHEN new.cost < b.cost_threshold THEN 3 ELSE 4 END
        END
        FROM boards b WHERE b.id = new.board_id
    )
    WHERE id = new.id;
END;

CREATE TRIGGER idea_zone_on_update AFTER UPDATE OF payoff, cost, board_id ON ideas
WHEN new.zone IS NOT (
    SELECT CASE
        WHEN new.payoff IS NULL OR new.cost IS NULL THEN 0
        WHEN new.payoff >= b.payoff_threshold THEN CASE WHEN new.cost < b.cost_threshold THEN 1 ELSE 2 END
        ELSE CASE WHEN new.cost < b.cost_threshold THEN 3 ELSE 4 END
    END
    FROM boards b WHERE b.id = new.board_id
)
BEGIN
    UPDATE ideas SET zone = (
        SELECT CASE
            WHEN new.payoff IS NULL OR new.cost IS NULL THEN 0
            WHEN new.payoff >= b.payoff_threshold THEN CASE WHEN new.cost < b.cost_threshold THEN 1 ELSE 2 END
            ELSE CASE WHEN new.cost < b.cost_threshold THEN 3 ELSE 4 END
        END
        FROM boards b WHERE b.id = new.board_id
    )
    WHERE id = new.id;
END;

-- Every idea of a board whose lines move, where its zone changes.
CREATE TRIGGER idea_zones_on_thresholds AFTER UPDATE OF payoff_threshold, cost_threshold ON boards BEGIN
    UPDATE ideas SET zone = CASE
        WHEN payoff IS NULL OR cost IS NULL THEN 0
        WHEN payoff >= new.payoff_threshold THEN CASE WHEN cost < new.cost_threshold THEN 1 ELSE 2 END
        ELSE CASE WHEN cost < new.cost_threshold THEN 3 ELSE 4 END
    END
    WHERE board_id = new.id AND zone IS NOT CASE
        WHEN payoff IS NULL OR cost IS NULL THEN 0
        WHEN payoff >= new.payoff_threshold THEN CASE WHEN cost < new.cost_threshold THEN 1 ELSE 2 END
        ELSE CASE WHEN cost < new.cost_threshold THEN 3 ELSE 4 END
    END;
END;
