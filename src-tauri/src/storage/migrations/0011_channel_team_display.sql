-- The team's display name ("Infrastructure") beside its URL name ("infra"), so that the board's channel reads the
-- same while Mattermost is out of reach as when its teams are listed. Empty for a channel chosen before it was kept.
ALTER TABLE account_channels ADD COLUMN team_display TEXT NOT NULL DEFAULT '';
