//! Reading a round's thread: the round record, the ballots (the latest per member wins), and what is not counted,
//! with the reason in words; opening the ballots at the reveal.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::record::{
    self, BallotRecord, ResultRecord, RevealRecord, RoundRecord, BALLOT_PROP, RESULT_PROP, REVEAL_PROP,
};
use super::seal::{self, OpenFailure};
use super::store::OpenedBallot;
use crate::error::{Error, Result};
use crate::mattermost::api::{PostList, RemotePost};

/// A round's thread as read from Mattermost.
#[derive(Debug, Clone)]
pub struct Thread {
    pub root: RemotePost,
    pub record: RoundRecord,
    /// The replies, oldest first (deleted ones are not in a thread).
    pub replies: Vec<RemotePost>,
}

impl Thread {
    /// The thread of `root_id`: refuses a post that is a reply, or not a round.
    pub fn from_list(mut list: PostList, root_id: &str) -> Result<Thread> {
        let root = list.posts.remove(root_id).ok_or_else(|| {
            Error::not_found("The round's post is not in Mattermost any more (it was deleted).")
        })?;
        if !root.root_id.is_empty() {
            return Err(Error::invalid(
                "This link is to a reply. Paste the link of the round's first post, the one that lists the ideas.",
            ));
        }
        let record = RoundRecord::from_props(&root.props)?;
        let mut replies: Vec<RemotePost> = list
            .posts
            .into_values()
            .filter(|p| p.root_id == root.id && p.delete_at == 0)
            .collect();
        replies.sort_by(|a, b| (a.create_at, &a.id).cmp(&(b.create_at, &b.id)));
        Ok(Thread {
            root,
            record,
            replies,
        })
    }

    /// The newest `update_at` in the thread, for the next `fromUpdateAt`.
    pub fn updated_at(&self) -> i64 {
        self.replies
            .iter()
            .map(|p| p.update_at)
            .chain([self.root.update_at])
            .max()
            .unwrap_or(0)
    }

    /// Whether the facilitator has revealed the round (their Pickboard replied so): ballots are not counted any more.
    pub fn revealed(&self) -> bool {
        self.revealed_at().is_some()
    }

    /// When the facilitator's Pickboard replied that the round was revealed (the first such reply).
    pub fn revealed_at(&self) -> Option<i64> {
        self.replies
            .iter()
            .filter(|p| p.user_id == self.root.user_id)
            .filter(|p| {
                matches!(
                    record::read::<RevealRecord>(&p.props, REVEAL_PROP, "reveal"),
                    Ok(Some(r)) if r.round_id == self.record.round_id
                )
            })
            .map(|p| p.create_at)
            .min()
    }

    /// Each voter's last new ballot before the reveal, as voter → commitment: the ballot that counts. One posted
    /// again later is not new (each ballot is sealed with a nonce of its own) and does not take a later one's place;
    /// nor does one that is not its poster's, or a copy of another voter's.
    pub fn last_new_ballots(&self) -> HashMap<String, String> {
        let revealed_at = self.revealed_at().unwrap_or(i64::MAX);
        let mut last = HashMap::new();
        for (post, reply) in self.read_replies() {
            if let Reply::Ballot { record, again: false } = reply {
                if post.create_at < revealed_at {
                    last.insert(post.user_id.clone(), record.commitment);
                }
            }
        }
        last
    }

    /// The replies, oldest first, each read as a ballot of its poster's or not. Whose ballot each sealed box and
    /// commitment was first decides: a voter cannot seal someone else's estimates under their own name, so the same
    /// box or commitment under another name is a copy, and under the same name the same ballot again.
    fn read_replies(&self) -> Vec<(&RemotePost, Reply)> {
        let mut first_of: HashMap<&str, &str> = HashMap::new();
        let mut out = Vec::with_capacity(self.replies.len());
        for post in &self.replies {
            let ballot = match record::read::<BallotRecord>(&post.props, BALLOT_PROP, "ballot") {
                Ok(Some(b)) => b,
                Ok(None) => {
                    out.push((post, Reply::Plain));
                    continue;
                }
                Err(e) => {
                    out.push((post, Reply::Refused(Issue::Unreadable, e.to_string())));
                    continue;
                }
            };
            if ballot.voter != post.user_id || ballot.round_id != self.record.round_id {
                let why = "This ballot names another voter or another round than its post's.";
                out.push((post, Reply::Refused(Issue::NotItsOwn, why.to_owned())));
                continue;
            }
            let keys: Vec<&str> = [
                record_key(&post.props, "sealed"),
                record_key(&post.props, "commitment"),
            ]
            .into_iter()
            .flatten()
            .collect();
            let again = keys
                .iter()
                .any(|key| first_of.get(key) == Some(&post.user_id.as_str()));
            let copied = keys
                .iter()
                .any(|key| *first_of.entry(*key).or_insert(post.user_id.as_str()) != post.user_id);
            let reply = if copied {
                Reply::Refused(
                    Issue::Copied,
                    "This ballot repeats one another voter posted before it, so it is a copy: only its first \
                     poster's counts."
                        .to_owned(),
                )
            } else {
                Reply::Ballot {
                    record: ballot,
                    again,
                }
            };
            out.push((post, reply));
        }
        out
    }

    /// The result the facilitator posted when closing, if the round is closed.
    pub fn result(&self) -> Option<Result<ResultRecord>> {
        self.replies
            .iter()
            .filter(|p| p.user_id == self.root.user_id)
            .find_map(|p| record::read::<ResultRecord>(&p.props, RESULT_PROP, "round's result").transpose())
    }
}

/// A reply of a round's thread, as read.
enum Reply {
    /// No ballot: conversation, or estimates typed as text.
    Plain,
    /// A ballot that cannot count, and why.
    Refused(Issue, String),
    /// A ballot of its poster's; `again` when the same voter posted this very ballot before.
    Ballot { record: BallotRecord, again: bool },
}

/// A ballot reply.
#[derive(Debug, Clone)]
pub struct BallotPost {
    pub post_id: String,
    pub user_id: String,
    pub create_at: i64,
    /// The post was edited in Mattermost after it was sent (its sealed content is still checked at the reveal).
    pub edited: bool,
    pub record: BallotRecord,
}

/// Why a ballot is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Issue {
    /// The voter is not a member of the round's channel.
    NotInChannel,
    /// Sent after the reveal: the reveal counted the ballots there were.
    AfterReveal,
    /// Its record cannot be read (damaged, or made by a newer Pickboard); the message says which.
    Unreadable,
    /// It names another voter or another round than its post's.
    NotItsOwn,
    /// It repeats a ballot another voter posted before it (the same sealed estimates or commitment): a copy.
    Copied,
    /// It repeats an earlier ballot of its own voter that a later one replaced: posted again (by another device, a
    /// client that sent it again, or anyone with the voter's access), it does not take the later one's place.
    Repeated,
    /// It does not open with the round's key.
    CannotOpen,
    /// It opens, but does not match its commitment.
    CommitmentMismatch,
    /// A reply in the thread with no ballot, from someone who sent none: estimates typed as text are not counted.
    NotABallot,
}

impl From<OpenFailure> for Issue {
    fn from(f: OpenFailure) -> Issue {
        match f {
            OpenFailure::CannotOpen => Issue::CannotOpen,
            OpenFailure::Unreadable => Issue::Unreadable,
            OpenFailure::CommitmentMismatch => Issue::CommitmentMismatch,
        }
    }
}

/// A ballot that is listed, not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotCounted {
    pub post_id: String,
    pub user_id: String,
    /// Who posted it, as Mattermost names them ("First Last", else the username); its user id until named.
    pub name: String,
    pub issue: Issue,
    /// What happened, in words.
    pub message: String,
}

fn not_counted(post: &RemotePost, issue: Issue, message: impl Into<String>) -> NotCounted {
    NotCounted {
        post_id: post.id.clone(),
        user_id: post.user_id.clone(),
        name: post.user_id.clone(),
        issue,
        message: message.into(),
    }
}

/// The ballots of a thread: the latest per member, and those not counted.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub ballots: Vec<BallotPost>,
    pub not_counted: Vec<NotCounted>,
    /// After the reveal, the ballots it did not open though they were their voters' last: listed in `not_counted`
    /// until `explain_unopened` says why, with the round's key.
    pub unopened: Vec<BallotPost>,
}

impl Tally {
    /// Says why each ballot the reveal did not open was not counted, by opening it again with the round's private key
    /// (the facilitator's): it said "did not open, or did not match its commitment" of every one, whatever held it
    /// back.
    pub fn explain_unopened(&mut self, round_id: &str, private_key: &[u8; 32]) {
        for ballot in &self.unopened {
            let r = &ballot.record;
            let Err(failure) = seal::open(round_id, &r.voter, private_key, &r.sealed, &r.commitment) else {
                continue;
            };
            if let Some(n) = self.not_counted.iter_mut().find(|n| n.post_id == ballot.post_id) {
                n.issue = failure.into();
                n.message = failure_message(failure).to_owned();
            }
        }
    }

    /// Gives each ballot not counted its poster's name, from `names` (user id → name).
    pub fn name_not_counted(&mut self, names: &HashMap<String, String>) {
        for n in &mut self.not_counted {
            if let Some(name) = names.get(&n.user_id) {
                n.name.clone_from(name);
            }
        }
    }
}

/// Sorts the thread's ballots: the latest ballot of each member of the channel counts (an earlier one is replaced,
/// silently); a ballot from someone not in the channel, one that cannot be read or is not its author's, or a copy of
/// another voter's, is listed. After the reveal (`counted`: the post ids it opened), only those count, and the others
/// are listed as not opened, or as too late.
pub fn tally(thread: &Thread, members: &HashSet<String>, counted: Option<&HashSet<String>>) -> Tally {
    let mut out = Tally::default();
    let mut latest: HashMap<String, BallotPost> = HashMap::new();
    let revealed_at = thread.revealed_at();
    // Each member's last reply that is not a ballot: listed when they sent no ballot (estimates typed in the thread
    // were passed over without a word, and the facilitator could not tell that someone had tried).
    let mut plain: HashMap<&str, &RemotePost> = HashMap::new();
    // Who posted a ballot, counted or not.
    let mut sent_one: HashSet<&str> = HashSet::new();
    // Each voter's last new ballot before the reveal: the one the reveal opened, or tried to.
    let last_new = thread.last_new_ballots();
    for (post, reply) in thread.read_replies() {
        let (ballot, again) = match reply {
            Reply::Plain => {
                if post.user_id != thread.root.user_id && !post.message.trim().is_empty() {
                    plain.insert(&post.user_id, post);
                }
                continue;
            }
            Reply::Refused(issue, why) => {
                // Unreadable, it may not have been meant as a ballot; each other refused one was.
                if issue != Issue::Unreadable {
                    sent_one.insert(&post.user_id);
                }
                out.not_counted.push(not_counted(post, issue, why));
                continue;
            }
            Reply::Ballot { record, again } => {
                sent_one.insert(&post.user_id);
                (record, again)
            }
        };
        if !members.contains(&post.user_id) {
            out.not_counted.push(not_counted(
                post,
                Issue::NotInChannel,
                "The voter is not a member of the round's channel.",
            ));
            continue;
        }
        let counted_here = counted.is_some_and(|c| c.contains(&post.id));
        if again && !counted_here {
            let current = latest
                .get(&post.user_id)
                .is_some_and(|b| b.record.commitment == ballot.commitment);
            if !current {
                // An earlier ballot the voter replaced since: it stays replaced (posted again after the newer
                // ballot, it was counted instead of it).
                out.not_counted.push(not_counted(
                    post,
                    Issue::Repeated,
                    "This ballot repeats an earlier one of the same voter, which a later ballot of theirs replaced: \
                     the later one counts.",
                ));
                continue;
            }
            if counted.is_none() {
                // The ballot that counts, sent twice: it counts once.
                continue;
            }
            // After the reveal, it is listed below as sent after it.
        }
        let entry = BallotPost {
            post_id: post.id.clone(),
            user_id: post.user_id.clone(),
            create_at: post.create_at,
            edited: post.edit_at != 0,
            record: ballot,
        };
        if let Some(counted) = counted {
            if counted.contains(&entry.post_id) {
                latest.insert(post.user_id.clone(), entry);
                continue;
            }
            // Not opened at the reveal: sent after it, or replaced before it by a later ballot of the same voter
            // (counted or not: a later ballot that did not open was the one listed, and this one said so too).
            let before = revealed_at.is_some_and(|at| post.create_at < at);
            let replaced = last_new.get(&post.user_id) != Some(&entry.record.commitment);
            if before && replaced {
                // Replaced by the voter's later ballot before the reveal.
            } else if before {
                out.not_counted.push(not_counted(
                    post,
                    Issue::CannotOpen,
                    "Not counted at the reveal: it did not open with the round's key, or did not match its \
                     commitment.",
                ));
                out.unopened.push(entry);
            } else {
                out.not_counted.push(not_counted(
                    post,
                    Issue::AfterReveal,
                    "Sent after the reveal, so it was not counted.",
                ));
            }
        } else {
            latest.insert(post.user_id.clone(), entry);
        }
    }
    let mut replies: Vec<&RemotePost> = plain
        .into_values()
        .filter(|p| !sent_one.contains(p.user_id.as_str()))
        .collect();
    replies.sort_by(|a, b| (a.create_at, &a.id).cmp(&(b.create_at, &b.id)));
    for post in replies {
        out.not_counted.push(not_counted(
            post,
            Issue::NotABallot,
            format!(
                "Replied “{}” in the thread, with no ballot: only estimates sent from Pickboard (Team rounds › \
                 Join round) are counted.",
                excerpt(&post.message)
            ),
        ));
    }
    let mut ballots: Vec<BallotPost> = latest.into_values().collect();
    ballots.sort_by(|a, b| (a.create_at, &a.post_id).cmp(&(b.create_at, &b.post_id)));
    out.ballots = ballots;
    out
}

/// The start of a reply, on one line, for the list of what is not counted.
fn excerpt(message: &str) -> String {
    crate::text::shorten(&message.split_whitespace().collect::<Vec<_>>().join(" "), 60)
}

/// Why a ballot that did not open is not counted, in words.
fn failure_message(failure: OpenFailure) -> &'static str {
    match failure {
        OpenFailure::CannotOpen => {
            "This ballot does not open with the round's key: it is damaged, or was sealed for another round."
        }
        OpenFailure::Unreadable => "This ballot opens, but what it holds is not a ballot.",
        OpenFailure::CommitmentMismatch => {
            "This ballot does not match its commitment: it was changed after it was sealed, or copied from another \
             voter's."
        }
    }
}

/// Opens every counted ballot with the round's private key; those that do not open or do not match their
/// commitment are listed, never counted.
pub fn open_all(
    thread: &Thread,
    tally: &Tally,
    private_key: &[u8; 32],
    names: &HashMap<String, String>,
) -> (Vec<OpenedBallot>, Vec<NotCounted>) {
    let mut opened = Vec::with_capacity(tally.ballots.len());
    let mut failed = Vec::new();
    for ballot in &tally.ballots {
        let r = &ballot.record;
        match seal::open(
            &thread.record.round_id,
            &r.voter,
            private_key,
            &r.sealed,
            &r.commitment,
        ) {
            Ok(o) => opened.push(OpenedBallot {
                post_id: ballot.post_id.clone(),
                voter: r.voter.clone(),
                name: names.get(&r.voter).cloned().unwrap_or_else(|| r.voter.clone()),
                estimates: o.estimates,
                nonce: o.nonce,
                commitment: r.commitment.clone(),
            }),
            Err(f) => {
                let message = failure_message(f);
                failed.push(NotCounted {
                    post_id: ballot.post_id.clone(),
                    user_id: ballot.user_id.clone(),
                    name: names
                        .get(&ballot.user_id)
                        .cloned()
                        .unwrap_or_else(|| ballot.user_id.clone()),
                    issue: f.into(),
                    message: message.into(),
                });
            }
        }
    }
    (opened, failed)
}

/// A field of a post's ballot record, as the post holds it: the copies test compares what the thread holds.
fn record_key<'a>(props: &'a serde_json::Map<String, serde_json::Value>, field: &str) -> Option<&'a str> {
    props
        .get(BALLOT_PROP)?
        .get(field)?
        .as_str()
        .filter(|v| !v.is_empty())
}

/// A post id from a permalink (`…/team/pl/<id>`), a post's address, or the id itself.
pub fn post_id_from_link(link: &str) -> Result<String> {
    let text = link.trim().trim_end_matches('/');
    let text = text.split(['?', '#']).next().unwrap_or_default();
    let id = text.rsplit('/').next().unwrap_or_default();
    let valid = id.len() == 26 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if !valid || (text.contains('/') && !text.contains("/pl/") && !text.contains("/posts/")) {
        return Err(Error::invalid(
            "This is not a link to a Mattermost post. Copy the round's link in Mattermost (the post's ⋯ menu › Copy \
             Link) and paste it here.",
        ));
    }
    Ok(id.to_owned())
}

/// The host (and port) a pasted link names, lower-cased: `None` for a bare post id.
pub fn host_of_link(link: &str) -> Option<String> {
    let (_, rest) = link.trim().split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_ids_give_the_post_id() {
        let id = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(post_id_from_link(id).unwrap(), id);
        assert_eq!(
            post_id_from_link(&format!("https://chat.example.com/infra/pl/{id}")).unwrap(),
            id
        );
        assert!(post_id_from_link("https://chat.example.com/infra/channels/town-square").is_err());
        assert!(post_id_from_link("hello").is_err());
    }

    /// A reply of `user` at `at`; with a ballot of `voter` committing to `commitment` when given.
    fn reply(id: &str, user: &str, at: i64, ballot: Option<(&str, &str)>) -> RemotePost {
        let props = ballot.map_or_else(serde_json::Map::new, |(voter, commitment)| {
            let record = BallotRecord {
                version: 1,
                round_id: "round".into(),
                voter: voter.into(),
                sealed: format!("box-{commitment}"),
                commitment: commitment.into(),
                count: 1,
            };
            record::props(BALLOT_PROP, &record).unwrap()
        });
        RemotePost {
            id: id.into(),
            channel_id: String::new(),
            root_id: "root".into(),
            user_id: user.into(),
            message: String::new(),
            create_at: at,
            update_at: at,
            edit_at: 0,
            delete_at: 0,
            props,
        }
    }

    #[test]
    fn a_voters_ballot_posted_again_is_not_their_last_new_one() {
        let root: RemotePost =
            serde_json::from_value(serde_json::json!({ "id": "root", "user_id": "ana" })).unwrap();
        let record = RoundRecord {
            version: 1,
            round_id: "round".into(),
            board: "Infra".into(),
            ideas: vec![],
            thresholds: crate::domain::Thresholds::default(),
            deadline: None,
            note: String::new(),
            public_key: String::new(),
        };
        let thread = Thread {
            root,
            record,
            replies: vec![
                reply("1", "bo", 1, Some(("bo", "A"))),
                reply("2", "cy", 2, Some(("cy", "C"))),
                reply("3", "bo", 3, Some(("bo", "B"))),
                reply("4", "bo", 4, None),
                // Bo's first ballot, posted again: B stays his.
                reply("5", "bo", 5, Some(("bo", "A"))),
                // Cy's, sent twice in a row: still C.
                reply("6", "cy", 6, Some(("cy", "C"))),
                // A copy of Cy's under Bo's name, and one naming another voter: neither is Bo's.
                reply("7", "bo", 7, Some(("bo", "C"))),
                reply("8", "bo", 8, Some(("cy", "D"))),
            ],
        };
        let last = thread.last_new_ballots();
        assert_eq!(last.len(), 2);
        assert_eq!(last["bo"], "B");
        assert_eq!(last["cy"], "C");
    }

    #[test]
    fn a_link_names_its_host() {
        let id = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(
            host_of_link(&format!(" https://Chat.Example.com:8065/infra/pl/{id}")).as_deref(),
            Some("chat.example.com:8065")
        );
        assert_eq!(host_of_link(id), None);
    }
}
