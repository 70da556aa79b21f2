//! A round from start to close, as the connected account: what the commands call. The database is locked only to
//! read or write, never while waiting on Mattermost.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use ts_rs::TS;

use super::collect::{self, NotCounted, Thread};
use super::outcome::{self, Verification};
use super::record::{
    self, BallotRecord, RevealRecord, RoundIdea, RoundRecord, BALLOT_PROP, RESULT_PROP, REVEAL_PROP,
    ROUND_PROP,
};
use super::seal::{self, Estimate, Estimates};
use super::settle::{self, SettleOutcome};
use super::stats::{self, IdeaStats};
use super::store::{self, Draft, OpenedBallot, Owner, Prepared, RoundState, StartAsked, StoredRound};
use crate::domain::{Thresholds, Zone};
use crate::error::{Error, Result};
use crate::mattermost::account::{Identity, ServerUrl};
use crate::mattermost::api::{Api, RemotePost, User, SENT_AS_PROP};
use crate::mattermost::connection::mattermost_error;
use crate::mattermost::destination;
use crate::mattermost::message::utc_date;
use crate::mattermost::response::{Failure, Problem};
use crate::storage::{boards, ideas, now_ms, Db};

/// A round as the UI shows it, to the facilitator or to a voter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundView {
    pub round_id: String,
    pub root_post_id: String,
    /// The round's link, when this Pickboard started it (it knows the team).
    pub permalink: Option<String>,
    pub board: String,
    pub ideas: Vec<RoundIdea>,
    pub thresholds: Thresholds,
    pub deadline: Option<i64>,
    pub note: String,
    /// The facilitator's user id (who posted the round).
    pub facilitator: String,
    /// This Pickboard started the round and holds its key: it can reveal it.
    pub am_facilitator: bool,
    /// The facilitator's board the round was started on (this Pickboard's), for the facilitator.
    pub board_id: Option<i64>,
    /// When this Pickboard started the round (milliseconds since 1970), for the facilitator: it tells apart two
    /// rounds of one board.
    pub started_at: Option<i64>,
    /// For a voter, "open" until the round is closed (the reveal is the facilitator's).
    pub state: RoundState,
    /// This voter's ballot, as saved here.
    pub draft: Option<Draft>,
}

/// A member of the round's channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Voter {
    pub user_id: String,
    /// "First Last", else the username.
    pub name: String,
    /// When their counted ballot was sent; `None` for those who have not voted.
    pub at: Option<i64>,
    /// Their ballot's post was edited in Mattermost after it was sent.
    pub edited: bool,
}

/// Who voted and who has not, without anyone's estimates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundStatus {
    pub round_id: String,
    pub state: RoundState,
    pub voted: Vec<Voter>,
    pub not_voted: Vec<Voter>,
    pub not_counted: Vec<NotCounted>,
    /// "1 of 2 voted".
    pub summary: String,
    /// The thread's newest change, to poll with.
    pub updated_at: i64,
}

/// The reveal: each idea's statistics, ordered by disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reveal {
    pub round_id: String,
    pub ideas: Vec<IdeaStats>,
    pub counted: u32,
    pub not_counted: Vec<NotCounted>,
    /// Mattermost could not be reached: this is what was kept here at the reveal, without the ballots sent since.
    pub offline: bool,
}

/// A ballot that went out, or waits to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    /// The ballot's post; `None` while it waits.
    pub post_id: Option<String>,
    /// Why it waits (Mattermost cannot be reached now): Pickboard sends it by itself.
    pub waiting: Option<String>,
    /// The ideas placed (not "no opinion").
    pub count: u32,
}

/// Held while a ballot is being sent, by the voter (Send) or by the background worker (a queued ballot).
static SENDING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn lock(db: &Mutex<Db>) -> std::sync::MutexGuard<'_, Db> {
    db.lock().unwrap_or_else(PoisonError::into_inner)
}

fn name_of(user: &User) -> String {
    let name = user.display_name();
    if name.is_empty() {
        user.username.clone()
    } else {
        name
    }
}

/// `14 Dec 2026 17:00 UTC`-like text for a deadline: `YYYY-MM-DD HH:MM UTC`.
pub fn deadline_text(ms: i64) -> String {
    let secs = ms.div_euclid(1000).rem_euclid(86_400);
    format!("{} {:02}:{:02} UTC", utc_date(ms), secs / 3600, secs / 60 % 60)
}

fn check_estimates(record: &RoundRecord, estimates: &Estimates) -> Result<()> {
    let keys: HashSet<&str> = record.ideas.iter().map(|i| i.key.as_str()).collect();
    if estimates.keys().any(|k| !keys.contains(k.as_str())) {
        return Err(Error::invalid(
            "This ballot holds an idea the round does not have. Open the round again from its link.",
        ));
    }
    Ok(())
}

/// Starts a round on `board_id` with `idea_ids` (none: the Unsorted tray), posting its root post in the board's
/// channel as the account.
pub async fn start(
    db: &Mutex<Db>,
    api: &Api,
    who: &Identity,
    board_id: i64,
    idea_ids: &[i64],
    deadline: Option<i64>,
    note: &str,
) -> Result<RoundView> {
    let (channel, board, picked) = lock(db).read(|tx| {
        let channel = destination::account_channel(tx, board_id)?.ok_or_else(|| {
            Error::invalid(
                "Choose the board's Mattermost channel first: “Choose the board's channel…” at the top of Team rounds.",
            )
        })?;
        let board = boards::get(tx, board_id)?;
        let picked: Vec<ideas::Idea> = if idea_ids.is_empty() {
            board
                .ideas
                .iter()
                .filter(|i| i.zone == Zone::Unsorted)
                .cloned()
                .collect()
        } else {
            idea_ids
                .iter()
                .map(|id| {
                    board
                        .ideas
                        .iter()
                        .find(|i| i.id == *id)
                        .cloned()
                        .ok_or_else(|| Error::gone("idea"))
                })
                .collect::<Result<_>>()?
        };
        Ok((channel, board, picked))
    })?;
    if picked.is_empty() {
        return Err(Error::invalid(
            "Pick the ideas to estimate: the Unsorted tray is empty and none is selected.",
        ));
    }
    if deadline.is_some_and(|d| d <= now_ms()) {
        return Err(Error::invalid(
            "The deadline has passed already. Pick a later one, or none.",
        ));
    }
    let asked = StartAsked {
        server: who.server.as_str().to_owned(),
        user_id: who.user_id.clone(),
        board_id,
        channel_id: channel.channel_id.clone(),
        team_name: channel.team_name.clone(),
        board: board.name.clone(),
        thresholds: board.thresholds,
        ideas: picked
            .iter()
            .map(|i| RoundIdea {
                key: i.id.to_string(),
                title: i.title.clone(),
                notes: i.notes.clone(),
                link: i.link.clone(),
            })
            .collect(),
        deadline,
        note: note.trim().to_owned(),
    };
    // The same start asked again after an attempt that may have gone out (also before a restart): the same round,
    // and its post if it did.
    let again = lock(db)
        .read(|tx| store::starting(tx, board_id))?
        .filter(|p| p.asked == asked);
    let tried = again.is_some();
    let prepared = match again {
        Some(p) => p,
        None => {
            // Another start kept on its way on this board may have gone out: a round of its own, found first, before
            // this one takes its place.
            recover_starting(db, api, who, Some(board_id)).await?;
            new_round(asked)
        }
    };
    prepared.record.check_size()?;
    if !tried {
        lock(db).write(|tx| store::keep_starting(tx, &prepared))?;
    }
    let found = if tried {
        api.find_sent(&channel.channel_id, None, prepared.made_at, &prepared.sent_as)
            .await
            .map_err(mattermost_error)?
    } else {
        None
    };
    let post = match found {
        Some(post) => post,
        None => {
            let message = prepared.record.message(deadline.map(deadline_text).as_deref());
            let props = record::props(ROUND_PROP, &prepared.record)?;
            let sent = api
                .create_post_once(
                    &channel.channel_id,
                    &message,
                    None,
                    Some(&prepared.sent_as),
                    Some(props),
                )
                .await;
            sent.map_err(mattermost_error)?
        }
    };
    let (stored, draft) = adopt(db, who, prepared, &post)?;
    Ok(view(
        who,
        &stored.record,
        &post.id,
        &post.user_id,
        Some(&stored),
        draft,
        RoundState::Open,
    ))
}

/// Stores `prepared`, whose root post Mattermost has as `post`, as its board's open round, with the facilitator's draft
/// (the facilitator votes too, like a member who joined), and forgets it as on its way. A round stored already (found
/// by [`recover_starting`] while its start waited for the answer) stays as it is.
fn adopt(
    db: &Mutex<Db>,
    who: &Identity,
    prepared: Prepared,
    post: &RemotePost,
) -> Result<(StoredRound, Option<Draft>)> {
    let Prepared {
        asked,
        private_key,
        record,
        ..
    } = prepared;
    let stored = StoredRound {
        board_id: asked.board_id,
        server: asked.server,
        team_name: asked.team_name,
        channel_id: asked.channel_id,
        root_post_id: post.id.clone(),
        private_key,
        record,
        state: RoundState::Open,
        revealed: None,
        created_at: now_ms(),
        facilitator: Some(asked.user_id),
    };
    let draft = lock(db).write(|tx| {
        if store::by_root(tx, &post.id)?.is_none() {
            store::insert(tx, &stored)?;
        }
        store::forget_starting(tx, stored.board_id)?;
        store::ensure_draft(tx, &Owner::of(who), &stored.record, &post.id)?;
        store::draft(tx, &Owner::of(who), &post.id)
    })?;
    Ok((stored, draft))
}

/// How long a round kept on its way may take to show in its channel: one not there after it never went out.
const STARTING_SHOWS_WITHIN_MS: i64 = 2 * 60_000;

/// Looks in Mattermost for the rounds `who` started (on `board_id`, or on any board) whose answer never came back,
/// as when the app ended on the way: one found is stored as its board's open round, and can be revealed; one not there
/// a while after it was sent never went out, and is forgotten. How many were found.
pub async fn recover_starting(
    db: &Mutex<Db>,
    api: &Api,
    who: &Identity,
    board_id: Option<i64>,
) -> Result<usize> {
    let kept = lock(db).read(store::all_starting)?;
    let mut found = 0;
    for prepared in kept.into_iter().filter(|p| {
        p.asked.server == who.server.as_str()
            && p.asked.user_id == who.user_id
            && board_id.is_none_or(|b| b == p.asked.board_id)
    }) {
        let post = api
            .find_sent(
                &prepared.asked.channel_id,
                None,
                prepared.made_at,
                &prepared.sent_as,
            )
            .await
            .map_err(mattermost_error)?;
        match post {
            Some(post) => {
                adopt(db, who, prepared, &post)?;
                found += 1;
            }
            None if now_ms() - prepared.made_at > STARTING_SHOWS_WITHIN_MS => {
                lock(db).write(|tx| store::forget_starting(tx, prepared.asked.board_id))?;
            }
            None => {}
        }
    }
    Ok(found)
}

fn new_round(asked: StartAsked) -> Prepared {
    let (private_key, public_key) = seal::new_key_pair();
    let record = RoundRecord {
        version: record::VERSION,
        round_id: seal::random_hex(16),
        board: asked.board.clone(),
        ideas: asked.ideas.clone(),
        thresholds: asked.thresholds,
        deadline: asked.deadline,
        note: asked.note.clone(),
        public_key: seal::to_hex(&public_key),
    };
    Prepared {
        asked,
        record,
        private_key,
        sent_as: seal::random_hex(13),
        made_at: now_ms(),
    }
}

/// A round's state as its thread shows it to a voter.
fn thread_state(thread: &Thread) -> RoundState {
    if thread.result().is_some() {
        RoundState::Closed
    } else if thread.revealed() {
        RoundState::Revealed
    } else {
        RoundState::Open
    }
}

fn view(
    who: &Identity,
    record: &RoundRecord,
    root_post_id: &str,
    facilitator: &str,
    stored: Option<&StoredRound>,
    draft: Option<Draft>,
    seen: RoundState,
) -> RoundView {
    // A round started here by another account is, to this one, a round like any other.
    let stored = stored.filter(|s| s.started_by(who));
    let state = stored.map_or(seen, |s| s.state);
    RoundView {
        round_id: record.round_id.clone(),
        root_post_id: root_post_id.to_owned(),
        permalink: stored.map(|s| who.server.permalink(&s.team_name, root_post_id)),
        board: record.board.clone(),
        ideas: record.ideas.clone(),
        thresholds: record.thresholds,
        deadline: record.deadline,
        note: record.note.clone(),
        facilitator: facilitator.to_owned(),
        am_facilitator: stored.is_some(),
        board_id: stored.map(|s| s.board_id),
        started_at: stored.map(|s| s.created_at),
        state,
        draft,
    }
}

async fn read_thread(api: &Api, root_post_id: &str) -> Result<Thread> {
    let list = api
        .thread(root_post_id, None)
        .await
        .map_err(|failure| mattermost_error(round_post_gone(failure)))?;
    Thread::from_list(list, root_post_id)
}

/// A round's post that Mattermost does not have (any more), said of the round: the general words speak of an outcome
/// post to update, which is not what the person was doing.
fn round_post_gone(failure: Failure) -> Failure {
    if failure.problem != Problem::PostGone {
        return failure;
    }
    Failure {
        message: ROUND_POST_GONE.to_owned(),
        ..failure
    }
}

const ROUND_POST_GONE: &str =
    "This round's post is not in Mattermost: it was deleted, or the link is not to it. A round whose post is gone \
    can be removed from Open rounds (← All rounds, then its Remove…); if someone else started it, ask them for its \
    link.";

/// A pasted link's post that the connected server does not have, when the link is to another server: the usual
/// words would blame a deleted post, when the person is most likely connected to the wrong Mattermost.
fn on_another_server(error: Error, link: &str, server: &ServerUrl) -> Error {
    let Error::Mattermost(failure) = &error else {
        return error;
    };
    let connected = server.host_port().to_ascii_lowercase();
    match collect::host_of_link(link) {
        Some(host) if failure.problem == Problem::PostGone && host != connected => {
            let message = format!(
                "This link is to a post on {host}, and Pickboard is connected to {connected}, which has no such \
                 post. Connect to Mattermost at {host} to open this round, or ask for the round's link on \
                 {connected}."
            );
            mattermost_error(Failure {
                message,
                ..(**failure).clone()
            })
        }
        _ => error,
    }
}

/// Whether `error` is Mattermost out of reach (the network, the server down), not a refusal.
fn unreachable(error: &Error) -> bool {
    matches!(error, Error::Mattermost(f)
        if matches!(f.problem, Problem::Offline | Problem::NoAnswer | Problem::Timeout | Problem::ServerNotFound))
}

/// The round a link (or post id) points to. With Mattermost out of reach, a round `who` started here opens as it was
/// kept here (its key, its record, the ballots opened at the reveal).
pub async fn find(db: &Mutex<Db>, api: &Api, who: &Identity, link: &str) -> Result<RoundView> {
    let root_id = collect::post_id_from_link(link)?;
    let read = read_thread(api, &root_id).await;
    let thread = match read.map_err(|e| on_another_server(e, link, api.server())) {
        Ok(thread) => thread,
        Err(e) if unreachable(&e) => {
            let (stored, draft) = lock(db).read(|tx| {
                Ok((
                    store::by_root(tx, &root_id)?,
                    store::draft(tx, &Owner::of(who), &root_id)?,
                ))
            })?;
            return match stored.filter(|s| s.started_by(who)) {
                Some(s) => Ok(view(
                    who,
                    &s.record,
                    &root_id,
                    &who.user_id,
                    Some(&s),
                    draft,
                    s.state,
                )),
                None => Err(e),
            };
        }
        Err(e) => return Err(e),
    };
    // Joining keeps an empty draft here: the round is listed among the open ones, and the ballot can be drafted
    // offline from then on.
    let seen = thread_state(&thread);
    let (stored, draft) = lock(db).write(|tx| {
        store::ensure_draft(tx, &Owner::of(who), &thread.record, &root_id)?;
        store::note_state(tx, &Owner::of(who), &root_id, seen)?;
        Ok((
            store::by_root(tx, &root_id)?,
            store::draft(tx, &Owner::of(who), &root_id)?,
        ))
    })?;
    Ok(view(
        who,
        &thread.record,
        &root_id,
        &thread.root.user_id,
        stored.as_ref(),
        draft,
        seen,
    ))
}

/// The rounds `who` started on `board_id` and closed, newest first, then those they joined that were closed when
/// last opened.
pub fn list_closed(db: &Mutex<Db>, who: &Identity, board_id: i64) -> Result<Vec<RoundView>> {
    lock(db).read(|tx| listed(tx, who, board_id, true))
}

/// The rounds of a board this Pickboard started that are not closed, and those it joined on this server.
pub fn list_open(db: &Mutex<Db>, who: &Identity, board_id: i64) -> Result<Vec<RoundView>> {
    lock(db).read(|tx| listed(tx, who, board_id, false))
}

/// The rounds `who` started on `board_id`, then those they joined (on any board: a voter's round is not on one of
/// theirs), closed or not, each newest first.
fn listed(
    tx: &rusqlite::Transaction<'_>,
    who: &Identity,
    board_id: i64,
    closed: bool,
) -> Result<Vec<RoundView>> {
    let mut out = Vec::new();
    for r in store::on_board(tx, board_id)?
        .iter()
        .filter(|r| (r.state == RoundState::Closed) == closed && r.started_by(who))
    {
        let draft = store::draft(tx, &Owner::of(who), &r.root_post_id)?;
        out.push(view(
            who,
            &r.record,
            &r.root_post_id,
            &who.user_id,
            Some(r),
            draft,
            r.state,
        ));
    }
    let started: HashSet<String> = out.iter().map(|v| v.root_post_id.clone()).collect();
    for draft in store::joined_drafts(tx, &Owner::of(who), closed)? {
        if started.contains(&draft.root_post_id) || store::by_root(tx, &draft.root_post_id)?.is_some() {
            continue;
        }
        // Joined rounds show what the draft knows; find_round reads the rest from Mattermost.
        out.push(RoundView {
            round_id: draft.round_id.clone(),
            root_post_id: draft.root_post_id.clone(),
            permalink: None,
            board: draft.board.clone(),
            ideas: Vec::new(),
            thresholds: Thresholds::default(),
            deadline: None,
            note: String::new(),
            facilitator: String::new(),
            am_facilitator: false,
            board_id: None,
            started_at: None,
            state: if closed {
                RoundState::Closed
            } else {
                RoundState::Open
            },
            draft: Some(draft),
        });
    }
    Ok(out)
}

/// Reads again, from Mattermost, whether the rounds `who` joined and last saw open have been revealed or closed since,
/// so that a round closed elsewhere moves to the closed ones without being opened, and finds the rounds `who` started
/// whose answer never came back; how many rounds moved or were found. Mattermost out of reach, or a round's post gone,
/// leaves the list as it was (opening the round says why).
pub async fn refresh_joined(db: &Mutex<Db>, api: &Api, who: &Identity) -> Result<usize> {
    // And the rounds started here whose answer never came back (the app ended on the way): found, they are open
    // rounds, which the lists read anew show.
    let recovered = recover_starting(db, api, who, None).await.unwrap_or(0);
    let joined = lock(db).read(|tx| {
        let mut out = Vec::new();
        for draft in store::joined_drafts(tx, &Owner::of(who), false)? {
            if store::by_root(tx, &draft.root_post_id)?.is_none() {
                out.push(draft.root_post_id);
            }
        }
        Ok(out)
    })?;
    let mut closed = 0;
    for root_id in joined {
        let Ok(thread) = read_thread(api, &root_id).await else {
            continue;
        };
        let seen = thread_state(&thread);
        if seen != RoundState::Open {
            lock(db).write(|tx| store::note_state(tx, &Owner::of(who), &root_id, seen))?;
        }
        // Only a close moves a round between the lists: a round revealed (and still so at each opening) is no change
        // to read them again for.
        if seen == RoundState::Closed {
            closed += 1;
        }
    }
    Ok(closed + recovered)
}

/// Removes a round from this computer's open rounds (see [`store::forget`]): one whose post is gone, or that the
/// person does not want to follow any more. Nothing is sent.
pub fn forget(db: &Mutex<Db>, who: &Identity, root_post_id: &str) -> Result<()> {
    lock(db).write(|tx| store::forget(tx, &Owner::of(who), root_post_id))
}

/// Saves the voter's ballot on this computer (nothing is sent).
pub async fn save_draft(
    db: &Mutex<Db>,
    api: &Api,
    who: &Identity,
    root_post_id: &str,
    estimates: &Estimates,
) -> Result<Draft> {
    // A round joined or started here has its draft already: it is kept without asking Mattermost, so that a voter
    // can go on offline (sending checks the estimates against the round).
    if let Some(draft) =
        lock(db).write(|tx| store::update_draft(tx, &Owner::of(who), root_post_id, estimates))?
    {
        return Ok(draft);
    }
    let thread = read_thread(api, root_post_id).await?;
    check_estimates(&thread.record, estimates)?;
    lock(db).write(|tx| {
        store::ensure_draft(tx, &Owner::of(who), &thread.record, root_post_id)?;
        store::update_draft(tx, &Owner::of(who), root_post_id, estimates)?
            .ok_or_else(|| Error::Storage("the draft ballot was not saved".into()))
    })
}

/// Seals the ballot to the round's key and posts it in the round's thread; the draft is saved first, so that nothing
/// is lost when Mattermost cannot be reached. When it cannot be reached now (offline, a timeout, a server error, a
/// rate limit), the ballot waits here and the background worker sends it (`send_waiting`).
pub async fn submit(
    db: &Mutex<Db>,
    api: &Api,
    who: &Identity,
    root_post_id: &str,
    estimates: &Estimates,
) -> Result<Submitted> {
    // One ballot goes out at a time, here or from the worker: never two copies of one queued ballot.
    let _sending = SENDING.lock().await;
    let kept = lock(db).write(|tx| {
        let kept = store::update_draft(tx, &Owner::of(who), root_post_id, estimates)?;
        // Waiting from the moment it is sent: should the app end on the way, the worker looks for it in the thread
        // and sends it if it is not there (it read "not sent" after a restart, though it was in the thread).
        if kept.is_some() {
            store::queue(tx, &Owner::of(who), root_post_id, estimates)?;
        }
        Ok(kept)
    })?;
    let count = placed_count(estimates);
    match send_ballot(db, api, who, root_post_id, estimates).await {
        Ok(post_id) => Ok(Submitted {
            post_id: Some(post_id),
            count,
            waiting: None,
        }),
        Err(Unsent::Retry(failure)) if kept.is_some() => Ok(Submitted {
            post_id: None,
            count,
            waiting: Some(failure.message),
        }),
        Err(Unsent::Retry(failure)) => Err(mattermost_error(failure)),
        Err(Unsent::Refused(err)) => {
            lock(db).write(|tx| store::unqueue(tx, &Owner::of(who), root_post_id))?;
            Err(err)
        }
    }
}

/// Sends the ballots that wait on this computer for `who`'s server; returns how many went out. A ballot that
/// Mattermost refuses for good (the round closed meanwhile, the account left the channel) stops waiting, with the
/// reason kept for the round's view.
pub async fn send_waiting(db: &Mutex<Db>, api: &Api, who: &Identity) -> Result<usize> {
    let _sending = SENDING.lock().await;
    let waiting = lock(db).read(|tx| store::waiting(tx, &Owner::of(who)))?;
    let mut sent = 0;
    for (root_post_id, queued) in waiting {
        match send_ballot(db, api, who, &root_post_id, &queued).await {
            Ok(_) => sent += 1,
            Err(Unsent::Retry(_)) => {}
            Err(Unsent::Refused(err)) => {
                lock(db)
                    .write(|tx| store::stop_waiting(tx, &Owner::of(who), &root_post_id, &err.to_string()))?;
            }
        }
    }
    Ok(sent)
}

fn no_opinion_count(estimates: &Estimates) -> u32 {
    estimates
        .values()
        .filter(|e| matches!(e, Estimate::NoOpinion))
        .count() as u32
}

fn placed_count(estimates: &Estimates) -> u32 {
    estimates
        .values()
        .filter(|e| matches!(e, Estimate::Placed { .. }))
        .count() as u32
}

/// Why a ballot did not go out: Mattermost could not be reached now (it is tried again), or it was refused.
enum Unsent {
    Retry(Failure),
    Refused(Error),
}

impl From<Error> for Unsent {
    fn from(err: Error) -> Self {
        Unsent::Refused(err)
    }
}

impl From<Failure> for Unsent {
    fn from(failure: Failure) -> Self {
        if failure.retry {
            Unsent::Retry(failure)
        } else {
            Unsent::Refused(mattermost_error(failure))
        }
    }
}

/// Reads the round, seals the ballot and posts it; records the post as this voter's ballot.
async fn send_ballot(
    db: &Mutex<Db>,
    api: &Api,
    who: &Identity,
    root_post_id: &str,
    estimates: &Estimates,
) -> std::result::Result<String, Unsent> {
    let list = api.thread(root_post_id, None).await.map_err(round_post_gone)?;
    let thread = Thread::from_list(list, root_post_id)?;
    check_estimates(&thread.record, estimates)?;
    match thread_state(&thread) {
        RoundState::Open => {}
        RoundState::Revealed => {
            return Err(Unsent::Refused(Error::invalid(
                "The facilitator has revealed this round: ballots are not counted any more. Yours is kept on this \
                 computer.",
            )))
        }
        RoundState::Closed => {
            return Err(Unsent::Refused(Error::invalid(
                "This round is closed: its result is in the thread. Your ballot is kept on this computer.",
            )))
        }
    }
    let sent_before = lock(db).write(|tx| {
        store::ensure_draft(tx, &Owner::of(who), &thread.record, root_post_id)?;
        Ok(store::draft(tx, &Owner::of(who), root_post_id)?.is_some_and(|d| d.sent_post_id.is_some()))
    })?;
    let record = &thread.record;
    let sealed = seal::seal(&record.round_id, &who.user_id, &record.public_key(), estimates)?;
    let count = placed_count(estimates);
    let ballot = BallotRecord {
        version: record::VERSION,
        round_id: record.round_id.clone(),
        voter: who.user_id.clone(),
        sealed: sealed.sealed,
        commitment: sealed.commitment,
        count,
    };
    let name = if who.display_name.is_empty() {
        &who.username
    } else {
        &who.display_name
    };
    // This very ballot may be in the thread already: an earlier attempt went out, and its answer was lost.
    let mine: Vec<&RemotePost> = thread
        .replies
        .iter()
        .filter(|p| p.user_id == who.user_id && p.props.contains_key(BALLOT_PROP))
        .collect();
    let latest = mine.last().copied();
    if let Some(latest) = latest {
        let before = mine.len().checked_sub(2).map(|i| mine[i].id.as_str());
        let sent_as = latest.props.get(SENT_AS_PROP).and_then(serde_json::Value::as_str);
        if sent_as == Some(ballot_sent_as(record, &who.user_id, estimates, before)?.as_str()) {
            lock(db)
                .write(|tx| store::mark_sent(tx, &Owner::of(who), root_post_id, &latest.id, estimates))?;
            return Ok(latest.id.clone());
        }
    }
    let sent_as = ballot_sent_as(record, &who.user_id, estimates, latest.map(|p| p.id.as_str()))?;
    let post = api
        .create_post_once(
            &thread.root.channel_id,
            &BallotRecord::message(name, count, no_opinion_count(estimates), sent_before),
            Some(root_post_id),
            Some(&sent_as),
            Some(record::props(BALLOT_PROP, &ballot)?),
        )
        .await?;
    lock(db).write(|tx| store::mark_sent(tx, &Owner::of(who), root_post_id, &post.id, estimates))?;
    Ok(post.id)
}

/// The id a ballot is sent as ([`Api::create_post_once`]): the same at every attempt to send these estimates after
/// the voter's ballot `after` (none: their first), so that a retry finds the attempt that went out; another for other
/// estimates, or the same ones again after another ballot.
fn ballot_sent_as(
    round: &RoundRecord,
    voter: &str,
    estimates: &Estimates,
    after: Option<&str>,
) -> Result<String> {
    use sha2::{Digest, Sha256};
    let estimates = serde_json::to_string(estimates).map_err(|e| Error::Storage(e.to_string()))?;
    let digest = Sha256::digest(format!(
        "{}\n{voter}\n{}\n{estimates}",
        round.round_id,
        after.unwrap_or("")
    ));
    Ok(seal::to_hex(&digest)[..26].to_owned())
}

/// The thread, the channel's members and everyone's names.
struct Gathered {
    thread: Thread,
    members: HashSet<String>,
    names: HashMap<String, String>,
}

async fn gather(api: &Api, root_post_id: &str) -> Result<Gathered> {
    let thread = read_thread(api, root_post_id).await?;
    let members: HashSet<String> = api
        .channel_members(&thread.root.channel_id)
        .await
        .map_err(mattermost_error)?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let mut ids: Vec<String> = members.iter().cloned().collect();
    ids.extend(thread.replies.iter().map(|p| p.user_id.clone()));
    ids.sort();
    ids.dedup();
    let names = api
        .users_by_ids(&ids)
        .await
        .map_err(mattermost_error)?
        .iter()
        .map(|u| (u.id.clone(), name_of(u)))
        .collect();
    Ok(Gathered {
        thread,
        members,
        names,
    })
}

/// The thread's ballots as `round` counts them (`None`: a round this Pickboard does not keep), those not counted named.
/// The facilitator's Pickboard holds the round's key, and says why each ballot the reveal did not open was not.
fn tallied(g: &Gathered, round: Option<&StoredRound>) -> collect::Tally {
    let mut tally = collect::tally(&g.thread, &g.members, counted_ids(round).as_ref());
    if let Some(round) = round {
        tally.explain_unopened(&round.record.round_id, &round.private_key);
    }
    tally.name_not_counted(&g.names);
    tally
}

fn counted_ids(stored: Option<&StoredRound>) -> Option<HashSet<String>> {
    stored
        .and_then(|s| s.revealed.as_ref())
        .map(|r| r.iter().map(|b| b.post_id.clone()).collect())
}

/// Who voted and who of the channel's members has not.
pub async fn status(db: &Mutex<Db>, api: &Api, root_post_id: &str) -> Result<RoundStatus> {
    let g = gather(api, root_post_id).await?;
    let stored = lock(db).read(|tx| store::by_root(tx, root_post_id))?;
    let tally = tallied(&g, stored.as_ref());
    let name = |id: &str| g.names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let voted: Vec<Voter> = tally
        .ballots
        .iter()
        .map(|b| Voter {
            user_id: b.user_id.clone(),
            name: name(&b.user_id),
            at: Some(b.create_at),
            edited: b.edited,
        })
        .collect();
    let voted_ids: HashSet<&str> = voted.iter().map(|v| v.user_id.as_str()).collect();
    let mut not_voted: Vec<Voter> = g
        .members
        .iter()
        .filter(|m| !voted_ids.contains(m.as_str()))
        .map(|m| Voter {
            user_id: m.clone(),
            name: name(m),
            at: None,
            edited: false,
        })
        .collect();
    not_voted.sort_by_key(|v| v.name.to_lowercase());
    let state = match &stored {
        Some(s) => s.state,
        None if g.thread.result().is_some() => RoundState::Closed,
        None => RoundState::Open,
    };
    Ok(RoundStatus {
        round_id: g.thread.record.round_id.clone(),
        state,
        summary: format!("{} of {} voted", voted.len(), g.members.len().max(voted.len())),
        voted,
        not_voted,
        not_counted: tally.not_counted,
        updated_at: g.thread.updated_at(),
    })
}

fn the_round(db: &Mutex<Db>, root_post_id: &str) -> Result<StoredRound> {
    lock(db).read(|tx| store::by_root(tx, root_post_id))?.ok_or_else(|| {
        Error::invalid(
            "Only the Pickboard that started this round can reveal it: the round's private key, which opens the \
             ballots, is kept there and nowhere else. If that computer's data was lost, the round cannot be \
             revealed; start a new one.",
        )
    })
}

/// The round `who` started here: another account connected on this computer may not reveal or close it.
fn own_round(db: &Mutex<Db>, who: &Identity, root_post_id: &str) -> Result<StoredRound> {
    let round = the_round(db, root_post_id)?;
    if !round.started_by(who) {
        return Err(Error::invalid(
            "Another Mattermost account started this round on this computer: only that account reveals and closes \
             it. Connect as that account to go on.",
        ));
    }
    Ok(round)
}

fn compute(record: &RoundRecord, ballots: &[OpenedBallot]) -> Vec<IdeaStats> {
    let ideas: Vec<(String, String)> = record
        .ideas
        .iter()
        .map(|i| (i.key.clone(), i.title.clone()))
        .collect();
    let named: Vec<(String, &Estimates)> = ballots.iter().map(|b| (b.name.clone(), &b.estimates)).collect();
    stats::reveal(&ideas, &named, record.thresholds)
}

/// Opens the ballots (facilitator only): the latest ballot of each member, each checked against its commitment.
/// Ballots sent afterwards are not counted. Revealing again shows the same result, with any late ballots listed.
pub async fn reveal(db: &Mutex<Db>, api: &Api, who: &Identity, root_post_id: &str) -> Result<Reveal> {
    let round = own_round(db, who, root_post_id)?;
    let (opened, not_counted, offline) = match gather(api, root_post_id).await {
        Ok(g) => {
            let (opened, not_counted) = open_ballots(db, api, &round, &g, root_post_id).await?;
            (opened, not_counted, false)
        }
        // Revealed already: the spread is kept here, and shows offline (the ballots sent since are not listed).
        Err(e) if unreachable(&e) && round.revealed.is_some() => {
            (round.revealed.clone().unwrap_or_default(), Vec::new(), true)
        }
        Err(e) => return Err(e),
    };
    Ok(Reveal {
        round_id: round.record.round_id.clone(),
        ideas: compute(&round.record, &opened),
        counted: opened.len() as u32,
        not_counted,
        offline,
    })
}

/// The ballots of `round` the reveal counts (opened at its first reveal, which tells the thread; kept here since),
/// and those it does not, with their reasons, from the thread as `g` read it.
async fn open_ballots(
    db: &Mutex<Db>,
    api: &Api,
    round: &StoredRound,
    g: &Gathered,
    root_post_id: &str,
) -> Result<(Vec<OpenedBallot>, Vec<NotCounted>)> {
    if g.thread.record.round_id != round.record.round_id {
        return Err(Error::invalid(
            "This post is not the round this Pickboard started.",
        ));
    }
    let tally = tallied(g, Some(round));
    let mut not_counted = tally.not_counted.clone();
    if let Some(opened) = &round.revealed {
        return Ok((opened.clone(), not_counted));
    }
    // The voters' Pickboards learn it from the thread, and stop sending ballots that would not count.
    if !g.thread.revealed() {
        let marker = RevealRecord {
            version: record::VERSION,
            round_id: round.record.round_id.clone(),
        };
        api.create_post_with_props(
            &g.thread.root.channel_id,
            RevealRecord::MESSAGE,
            Some(root_post_id),
            Some(record::props(REVEAL_PROP, &marker)?),
        )
        .await
        .map_err(mattermost_error)?;
    }
    let (opened, failed) = collect::open_all(&g.thread, &tally, &round.private_key, &g.names);
    not_counted.extend(failed);
    lock(db).write(|tx| store::set_revealed(tx, &round.record.round_id, &opened))?;
    Ok((opened, not_counted))
}

/// Places every voted idea at its medians on the board: one edit, one undo.
pub fn settle_at_medians(db: &Mutex<Db>, root_post_id: &str) -> Result<SettleOutcome> {
    let round = the_round(db, root_post_id)?;
    let opened = round
        .revealed
        .as_ref()
        .ok_or_else(|| Error::invalid("Reveal the round first: its ballots are not opened yet."))?;
    let stats = compute(&round.record, opened);
    lock(db).write(|tx| settle::at_medians(tx, round.board_id, &round.record.round_id, &stats))
}

/// Posts the result in the thread, with every ballot's estimates and nonce, and closes the round.
pub async fn close(db: &Mutex<Db>, api: &Api, who: &Identity, root_post_id: &str) -> Result<String> {
    let round = own_round(db, who, root_post_id)?;
    let opened = round
        .revealed
        .as_ref()
        .ok_or_else(|| Error::invalid("Reveal the round before closing it."))?;
    let stats = compute(&round.record, opened);
    let (places, thresholds) = lock(db).read(|tx| {
        let board = boards::get(tx, round.board_id)?;
        let places: HashMap<String, Option<Zone>> = round
            .record
            .ideas
            .iter()
            .map(|i| {
                let zone = board
                    .ideas
                    .iter()
                    .find(|b| b.id.to_string() == i.key)
                    .map(|b| b.zone);
                (i.key.clone(), zone)
            })
            .collect();
        Ok((places, board.thresholds))
    })?;
    // The thread first: the round's post may be gone, or its result posted already by a Close whose answer was lost.
    let g = gather(api, root_post_id).await?;
    let thread = &g.thread;
    let posted = thread
        .replies
        .iter()
        .find(|p| p.user_id == thread.root.user_id && p.props.contains_key(RESULT_PROP));
    if let Some(posted) = posted {
        lock(db).write(|tx| store::set_closed(tx, &round.record.round_id))?;
        return Ok(posted.id.clone());
    }
    // The ballots not counted, said in the thread too: there each one's "has voted" reply stays.
    let tally = tallied(&g, Some(&round));
    let message = outcome::message(
        &round.record.board,
        &stats,
        opened,
        &tally.not_counted,
        &places,
        thresholds,
    );
    let props = record::props(
        RESULT_PROP,
        &outcome::result_record(&round.record.round_id, opened),
    )?;
    let post = api
        .create_post_with_props(&round.channel_id, &message, Some(root_post_id), Some(props))
        .await
        .map_err(mattermost_error)?;
    lock(db).write(|tx| store::set_closed(tx, &round.record.round_id))?;
    Ok(post.id)
}

/// Checks every published ballot of a closed round against the commitment its voter posted.
pub async fn verify(api: &Api, link: &str) -> Result<Verification> {
    let root_id = collect::post_id_from_link(link)?;
    let thread = read_thread(api, &root_id)
        .await
        .map_err(|e| on_another_server(e, link, api.server()))?;
    let mut verification = outcome::verify(&thread)?;
    // Each voter by name: the check named them by their user id. Without the names (a lost connection), by id.
    let mut ids: Vec<String> = verification.mismatches.iter().map(|m| m.voter.clone()).collect();
    ids.sort();
    ids.dedup();
    if !ids.is_empty() {
        if let Ok(users) = api.users_by_ids(&ids).await {
            let names: HashMap<&str, String> = users.iter().map(|u| (u.id.as_str(), name_of(u))).collect();
            for m in &mut verification.mismatches {
                if let Some(name) = names.get(m.voter.as_str()) {
                    m.name.clone_from(name);
                }
            }
        }
    }
    Ok(verification)
}
