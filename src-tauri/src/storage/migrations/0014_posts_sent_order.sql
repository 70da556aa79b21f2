-- The order posts went out in, which "the last post" follows (the changes since it, and an update in place): not their
-- ids, since a post that failed and was sent again later went out after newer ones, nor their times, since the
-- computer's clock can go back. Posts already sent keep the order of their times.
ALTER TABLE posts ADD COLUMN sent_order INTEGER;
UPDATE posts SET sent_order = (
    SELECT count(*) FROM posts q
    WHERE q.posted_at IS NOT NULL AND (q.posted_at < posts.posted_at OR (q.posted_at = posts.posted_at AND q.id <= posts.id))
) WHERE posted_at IS NOT NULL;
