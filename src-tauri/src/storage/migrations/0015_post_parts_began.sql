-- When a part's send began. A part begun with no answer recorded may have gone out (the app ended while it was on its
-- way): it is looked for on the server before it is sent again, on its first attempt too.
ALTER TABLE post_parts ADD COLUMN began_at INTEGER;
