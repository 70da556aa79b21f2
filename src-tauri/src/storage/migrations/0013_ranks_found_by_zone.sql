-- A board's ideas in rank order no longer have an index of their own. Every move wrote two index entries for the
-- idea's new rank, one here and one in (board_id, zone, rank), where a move finds its place (migration 0012): about
-- one page in seven of what a move writes. Loading a board sorts its ideas instead (about 1 ms more for 10,000), and
-- the end of a board is found zone by zone in the index that stays.
DROP INDEX ideas_by_board_rank;
