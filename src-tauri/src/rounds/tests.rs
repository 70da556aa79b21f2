//! A whole round against the fake Mattermost server: a facilitator and two members, each with their own token and
//! their own database.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use fake_mattermost::{Channel, FakeMattermost, Reply, Team, User};

use super::collect::Issue;
use super::record;
use super::seal::{self, Estimate, Estimates};
use super::service;
use super::store::{self, RoundState};
use crate::domain::{Score, Zone};
use crate::edits;
use crate::mattermost::account::{self, Identity, Keeping, ServerUrl, Token};
use crate::mattermost::api::Api;
use crate::mattermost::destination::{self, AccountChannel};
use crate::storage::{boards, history, Db};

const TOKENS: [(&str, &str); 3] = [
    ("ana", "anatoken0000000000000000000"),
    ("bo", "botoken00000000000000000000"),
    ("cy", "cytoken00000000000000000000"),
];

struct Person {
    who: Identity,
    api: Api,
    db: Mutex<Db>,
}

fn person(fake: &FakeMattermost, name: &str) -> Person {
    let token = TOKENS.iter().find(|(n, _)| *n == name).unwrap().1;
    let server = ServerUrl::parse(&fake.address).unwrap();
    Person {
        who: Identity {
            server: server.clone(),
            user_id: User::new(name, token).id,
            username: name.to_owned(),
            display_name: String::new(),
            keeping: Keeping::Session,
        },
        api: Api::new(server, Token::parse(token).unwrap(), Duration::from_secs(5)).unwrap(),
        db: Mutex::new(Db::open_in_memory().unwrap()),
    }
}

impl Person {
    /// The draft ballot this person's Pickboard keeps for a round.
    fn draft(&self, root_post_id: &str) -> store::Draft {
        let mut db = self.db.lock().unwrap();
        db.read(|tx| store::draft(tx, &store::Owner::of(&self.who), root_post_id))
            .unwrap()
            .unwrap()
    }
}

fn at(p: i64, c: i64) -> Estimate {
    Estimate::Placed {
        payoff: Score::from_tenths(p).unwrap(),
        cost: Score::from_tenths(c).unwrap(),
    }
}

fn ballot(entries: &[(&str, Estimate)]) -> Estimates {
    entries.iter().map(|(k, e)| ((*k).to_owned(), *e)).collect()
}

/// The fake server with ana, bo and cy in Planning, and ana's board "Platform": three ideas in the tray (their keys)
/// and one placed already (not in a round), the board's channel chosen.
async fn three_people() -> (FakeMattermost, [Person; 3], i64, Vec<String>) {
    let mut builder = FakeMattermost::api(0);
    for (name, token) in TOKENS {
        builder = builder.user(User::new(name, token).names(&name.to_uppercase(), "T"));
    }
    let fake = builder
        .team(Team::new("infra", "Infrastructure"))
        .channel(Channel::open("infra", "planning", "Planning").members(["ana", "bo", "cy"]))
        .start()
        .await
        .unwrap();
    let (ana, bo, cy) = (person(&fake, "ana"), person(&fake, "bo"), person(&fake, "cy"));

    // The facilitator's board: three ideas in the tray, one already placed (not in the round).
    let channel = Channel::open("infra", "planning", "Planning");
    let (board, keys) = ana
        .db
        .lock()
        .unwrap()
        .write(|tx| {
            let board = boards::create(tx, "Platform")?.id;
            let mut keys = Vec::new();
            for title in ["Cache @channel builds", "Drop Jenkins", "Upgrade Postgres"] {
                keys.push(edits::add_idea(tx, board, title, Zone::Unsorted)?.id.to_string());
            }
            edits::add_idea(tx, board, "Placed already", Zone::Implement)?;
            account::save_identity(tx, &ana.who)?;
            destination::save_account_channel(
                tx,
                board,
                &AccountChannel {
                    team_id: Team::new("infra", "").id,
                    team_name: "infra".into(),
                    team_display: "Infrastructure".into(),
                    channel_id: channel.id.clone(),
                    channel_name: "planning".into(),
                    channel_display: "Planning".into(),
                },
            )?;
            Ok((board, keys))
        })
        .unwrap();
    (fake, [ana, bo, cy], board, keys)
}

/// A round of the tray's ideas, started by `facilitator` on `board`, with no deadline and no note.
async fn start(facilitator: &Person, board: i64) -> service::RoundView {
    starting(facilitator, board).await.unwrap()
}

/// What [`start`] waits for: to await, or to drop on the way.
async fn starting(facilitator: &Person, board: i64) -> crate::error::Result<service::RoundView> {
    service::start(
        &facilitator.db,
        &facilitator.api,
        &facilitator.who,
        board,
        &[],
        None,
        "",
    )
    .await
}

/// `person` joins `round` from its link, as Join round does.
async fn joins(person: &Person, round: &service::RoundView) {
    service::find(&person.db, &person.api, &person.who, &round.root_post_id)
        .await
        .unwrap();
}

/// Bo's ballot: the first idea at payoff 9, cost/risk 1, sent.
async fn bo_votes_on_the_first(
    bo: &Person,
    round: &service::RoundView,
    keys: &[String],
) -> service::Submitted {
    service::submit(
        &bo.db,
        &bo.api,
        &bo.who,
        &round.root_post_id,
        &ballot(&[(&keys[0], at(90, 10))]),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_round_from_start_to_verify_with_a_facilitator_and_two_members() {
    let (fake, [ana, bo, cy], board, keys) = three_people().await;
    let round = service::start(&ana.db, &ana.api, &ana.who, board, &[], None, "Before Friday")
        .await
        .unwrap();
    assert_eq!(round.ideas.len(), 3);
    assert!(round.am_facilitator);
    assert!(round.started_at.is_some_and(|at| at > 0));
    let link = round.permalink.clone().unwrap();
    let root = fake.post(&round.root_post_id).unwrap();
    assert!(root
        .message
        .contains("To vote: in Pickboard, choose Team › Team rounds… (or Join a team round… on its welcome), press Join round"));
    assert!(!root.message.contains("@channel"), "{}", root.message);

    // A member joins by the link, keeps a draft, then votes.
    let joined = service::find(&bo.db, &bo.api, &bo.who, &link).await.unwrap();
    assert!(!joined.am_facilitator);
    assert_eq!(joined.started_at, None);
    assert_eq!(joined.state, RoundState::Open);
    let bo_votes = ballot(&[
        (&keys[0], at(80, 20)),
        (&keys[1], at(30, 70)),
        (&keys[2], Estimate::NoOpinion),
    ]);
    // Once joined, the draft is kept without Mattermost: here with a server that cannot be reached.
    let offline = Api::new(
        ServerUrl::parse("http://127.0.0.1:9").unwrap(),
        Token::parse(TOKENS[1].1).unwrap(),
        Duration::from_secs(1),
    )
    .unwrap();
    service::save_draft(&bo.db, &offline, &bo.who, &round.root_post_id, &bo_votes)
        .await
        .unwrap();
    let again = service::find(&bo.db, &bo.api, &bo.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(again.draft.unwrap().estimates, bo_votes);
    let sent = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &bo_votes)
        .await
        .unwrap();
    assert_eq!(sent.count, 2);
    assert_eq!(
        fake.post(sent.post_id.as_deref().unwrap()).unwrap().message,
        "bo has voted on 2 ideas"
    );

    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(status.summary, "1 of 3 voted");
    assert_eq!(status.not_voted.len(), 2);

    // cy votes twice: the latest wins. ana votes too.
    let first = ballot(&[(&keys[0], at(10, 10))]);
    service::submit(&cy.db, &cy.api, &cy.who, &round.root_post_id, &first)
        .await
        .unwrap();
    let cy_votes = ballot(&[
        (&keys[0], at(70, 30)),
        (&keys[1], at(60, 80)),
        (&keys[2], at(50, 50)),
    ]);
    service::submit(&cy.db, &cy.api, &cy.who, &round.root_post_id, &cy_votes)
        .await
        .unwrap();
    let ana_votes = ballot(&[
        (&keys[0], at(75, 25)),
        (&keys[1], at(40, 90)),
        (&keys[2], at(55, 45)),
    ]);
    service::submit(&ana.db, &ana.api, &ana.who, &round.root_post_id, &ana_votes)
        .await
        .unwrap();
    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(status.summary, "3 of 3 voted");
    assert!(status.not_counted.is_empty());

    // Only the facilitator's Pickboard can reveal.
    let refused = service::reveal(&bo.db, &bo.api, &bo.who, &round.root_post_id)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("private key"), "{refused}");
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.counted, 3);
    assert!(reveal.not_counted.is_empty());
    // "Drop Jenkins": payoff 3, 6 and 4 fall on both sides of 5: split, and first.
    assert_eq!(reveal.ideas[0].key, keys[1]);
    assert!(reveal.ideas[0].split);
    let cache = reveal.ideas.iter().find(|i| i.key == keys[0]).unwrap();
    assert_eq!(cache.votes, 3);
    assert_eq!(cache.payoff.as_ref().unwrap().median, 7.5);
    assert_eq!(cache.payoff.as_ref().unwrap().lowest, vec!["CY T"]);

    // The reveal is in the thread: a member's Pickboard sees it and sends no more ballots, which would not count.
    let seen = service::find(&bo.db, &bo.api, &bo.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(seen.state, RoundState::Revealed);
    let refused = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &cy_votes)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("revealed"), "{refused}");
    // One sent anyway (by another client: here a copy of bo's ballot) is listed, not counted.
    let bo_ballot = fake
        .thread(&round.root_post_id)
        .into_iter()
        .find(|p| p.user_id == bo.who.user_id && p.props.contains_key(record::BALLOT_PROP))
        .unwrap();
    fake.add_post_with_props(
        &bo_ballot.user_id,
        &bo_ballot.channel_id,
        &round.root_post_id,
        &bo_ballot.message,
        bo_ballot.props.clone(),
    );
    let again = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(again.counted, 3);
    assert_eq!(again.not_counted.len(), 1);
    assert_eq!(again.not_counted[0].issue, Issue::AfterReveal);

    // Settling is one edit, with each idea's timeline saying so, and one undo.
    let settled = service::settle_at_medians(&ana.db, &round.root_post_id).unwrap();
    assert_eq!((settled.settled.len(), settled.moved), (3, 3));
    let cache_id: i64 = keys[0].parse().unwrap();
    let timeline = ana
        .db
        .lock()
        .unwrap()
        .read(|tx| history::list(tx, board, Some(cache_id), 10))
        .unwrap();
    let settled_round = timeline[0].summary.round.as_ref().unwrap();
    assert_eq!(settled_round.voters, ["ANA T", "BO T", "CY T"]);
    let line = &settled_round.ideas;
    assert!(line
        .iter()
        .any(|i| i.idea_id == cache_id && i.line == "settled by team round: median 7.5 / 2.5, 3 votes"));
    let placed = ana.db.lock().unwrap().read(|tx| boards::get(tx, board)).unwrap();
    let cache_now = placed.ideas.iter().find(|i| i.id == cache_id).unwrap();
    assert_eq!(cache_now.zone, Zone::Implement);
    // Again: every idea sits at its medians already, so nothing moves and nothing is recorded.
    let again = service::settle_at_medians(&ana.db, &round.root_post_id).unwrap();
    assert_eq!((again.settled.len(), again.moved, again.event_id), (3, 0, None));

    let open_here = ana.db.lock().unwrap().read(|tx| store::open_on_board(tx, board));
    assert_eq!(
        open_here.unwrap(),
        1,
        "the revealed round is still open on the board"
    );

    // Closing posts the result; a voter's Pickboard verifies it.
    assert!(service::list_closed(&ana.db, &ana.who, board).unwrap().is_empty());
    let result_id = service::close(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    // Closed, it leaves Open rounds for Closed rounds, where its reveal stays to look at.
    assert!(service::list_open(&ana.db, &ana.who, board).unwrap().is_empty());
    // A member's list reads it again from Mattermost, without opening the round.
    assert_eq!(service::list_open(&bo.db, &bo.who, board).unwrap().len(), 1);
    assert_eq!(
        service::refresh_joined(&bo.db, &bo.api, &bo.who).await.unwrap(),
        1
    );
    assert!(service::list_open(&bo.db, &bo.who, board).unwrap().is_empty());
    assert_eq!(service::list_closed(&bo.db, &bo.who, board).unwrap().len(), 1);
    assert_eq!(
        service::refresh_joined(&bo.db, &bo.api, &bo.who).await.unwrap(),
        0
    );
    let closed = service::list_closed(&ana.db, &ana.who, board).unwrap();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].state, RoundState::Closed);
    let kept = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(kept.counted, 3);
    let result = fake.post(&result_id).unwrap();
    assert!(
        result.message.contains("| Idea | Median payoff / cost |"),
        "{}",
        result.message
    );
    assert!(result.props.contains_key("pickboard_round_result"));
    let verified = service::verify(&bo.api, &link).await.unwrap();
    assert_eq!(verified.checked, 3);
    assert!(verified.mismatches.is_empty(), "{verified:?}");
    // A result rewritten without cy's ballot (the post replaced by one of the facilitator's): it checked out as
    // "All 2 ballots match what was sealed", though cy's ballot, sent before the reveal, was in the thread.
    let real = fake.post(&result_id).unwrap();
    let mut props = real.props.clone();
    let ballots = props["pickboard_round_result"]["ballots"].as_array_mut().unwrap();
    ballots.retain(|b| b["voter"] != cy.who.user_id.as_str());
    assert_eq!(ballots.len(), 2);
    assert!(fake.delete_post(&result_id));
    fake.add_post_with_props(
        &ana.who.user_id,
        &real.channel_id,
        &round.root_post_id,
        "2 ballots counted",
        props,
    );
    let rewritten = service::verify(&bo.api, &link).await.unwrap();
    assert_eq!(rewritten.checked, 2);
    assert_eq!(
        rewritten.summary,
        "All 2 ballots match what was sealed. 1 ballot sent before the reveal is not in the result."
    );
    assert_eq!(rewritten.mismatches.len(), 1, "{rewritten:?}");
    assert_eq!(rewritten.mismatches[0].voter, cy.who.user_id);
    // Named as Mattermost names them: the check said "9px8k6c8w83ustpk3zdst1ihd5: Their last ballot …".
    assert_eq!(rewritten.mismatches[0].name, "CY T");
    assert!(!rewritten.mismatches[0].post_id.is_empty());
    assert!(fake.delete_post(&fake.thread(&round.root_post_id).last().unwrap().id));
    fake.add_post_with_props(
        &ana.who.user_id,
        &real.channel_id,
        &round.root_post_id,
        &real.message,
        real.props,
    );
    let closed = service::find(&cy.db, &cy.api, &cy.who, &link).await.unwrap();
    assert_eq!(closed.state, RoundState::Closed);
    assert!(
        service::list_open(&cy.db, &cy.who, board).unwrap().is_empty(),
        "a closed round leaves the member's open rounds"
    );
    // … for their closed rounds, where it stays to look at again.
    let kept_closed = service::list_closed(&cy.db, &cy.who, board).unwrap();
    assert_eq!(kept_closed.len(), 1);
    assert_eq!(kept_closed[0].root_post_id, round.root_post_id);
    assert_eq!(kept_closed[0].state, RoundState::Closed);
    let late = service::submit(&cy.db, &cy.api, &cy.who, &round.root_post_id, &cy_votes)
        .await
        .unwrap_err();
    assert!(late.to_string().contains("closed"), "{late}");

    // Undo takes the whole settling back.
    let undone = ana
        .db
        .lock()
        .unwrap()
        .write(|tx| edits::undo(tx, board, None))
        .unwrap();
    let back = undone.board.ideas.iter().find(|i| i.id == cache_id).unwrap();
    assert_eq!(back.zone, Zone::Unsorted);
    let voters: HashSet<String> = reveal.ideas[0].dots.iter().map(|d| d.voter.clone()).collect();
    assert_eq!(voters.len(), 3);
}

#[tokio::test]
async fn links_that_are_not_rounds_are_refused_in_words() {
    let (name, token) = TOKENS[0];
    let fake = FakeMattermost::api(0)
        .user(User::new(name, token))
        .team(Team::new("infra", "Infrastructure"))
        .channel(Channel::open("infra", "planning", "Planning").members(["ana"]))
        .start()
        .await
        .unwrap();
    let ana = person(&fake, "ana");
    let plain = fake.add_post(
        &ana.who.user_id,
        &Channel::open("infra", "planning", "").id,
        "",
        "hello",
    );
    let e = service::find(&ana.db, &ana.api, &ana.who, &plain.id)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("not a Pickboard round"), "{e}");
    let e = service::find(&ana.db, &ana.api, &ana.who, "https://x.example/infra/channels/x")
        .await
        .unwrap_err();
    assert!(e.to_string().contains("not a link to a Mattermost post"), "{e}");
}

#[tokio::test]
async fn a_ballot_that_cannot_be_sent_waits_and_goes_out_by_itself() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    joins(&bo, &round).await;
    let votes = ballot(&[(&keys[0], at(80, 20))]);

    // Mattermost answers 503 to the ballot: it waits here, with the reason.
    fake.fail_next(
        1,
        "POST",
        "/api/v4/posts",
        Reply::status(503, r#"{"message":"Service unavailable"}"#),
    );
    let waiting = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap();
    assert_eq!(waiting.post_id, None);
    assert!(waiting.waiting.is_some());
    let draft = bo.draft(&round.root_post_id);
    assert!(draft.waiting);
    assert_eq!(draft.estimates, votes);

    // The draft changes meanwhile: the worker sends what was sent, not the later edit.
    let edited = ballot(&[(&keys[0], at(10, 90))]);
    service::save_draft(&bo.db, &bo.api, &bo.who, &round.root_post_id, &edited)
        .await
        .unwrap();

    // The worker's next look sends it, once.
    assert_eq!(service::send_waiting(&bo.db, &bo.api, &bo.who).await.unwrap(), 1);
    assert_eq!(service::send_waiting(&bo.db, &bo.api, &bo.who).await.unwrap(), 0);
    let ballots = fake
        .thread(&round.root_post_id)
        .into_iter()
        .filter(|p| p.props.contains_key(record::BALLOT_PROP))
        .count();
    assert_eq!(ballots, 1);
    let draft = bo.draft(&round.root_post_id);
    assert!(!draft.waiting && draft.sent_post_id.is_some());
    assert_eq!(draft.sent_estimates.as_ref(), Some(&votes));
    assert_eq!(draft.estimates, edited, "the later edit stays a draft");
    assert_eq!(
        fake.post(draft.sent_post_id.as_deref().unwrap()).unwrap().message,
        "bo has voted on 1 idea"
    );

    // Sent again, the edit: the thread says it replaces the earlier ballot.
    let again = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &edited)
        .await
        .unwrap();
    assert_eq!(
        fake.post(again.post_id.as_deref().unwrap()).unwrap().message,
        "bo has voted again, on 1 idea: this ballot replaces the earlier one"
    );

    // A ballot that waits while the round closes is given up, and says why.
    fake.fail_next(1, "POST", "/api/v4/posts", Reply::status(503, "{}"));
    service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap();
    service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    service::close(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(service::send_waiting(&bo.db, &bo.api, &bo.who).await.unwrap(), 0);
    let draft = bo.draft(&round.root_post_id);
    assert!(!draft.waiting);
    assert!(draft.send_error.unwrap().contains("closed"));
}

#[tokio::test]
async fn a_ballot_whose_answer_was_lost_is_not_posted_again() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    joins(&bo, &round).await;
    let bos_ballots = || {
        fake.thread(&round.root_post_id)
            .into_iter()
            .filter(|p| p.props.contains_key(record::BALLOT_PROP))
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    let quick = hurried(&fake, &bo);
    let votes = ballot(&[(&keys[0], at(80, 20))]);

    // The ballot reaches Mattermost; its answer does not come back, and it waits here to be sent again.
    fake.lose_answer_next(1, "POST", "/api/v4/posts");
    let waiting = service::submit(&bo.db, &quick, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap();
    assert!(waiting.waiting.is_some());
    assert_eq!(bos_ballots().len(), 1, "made, though its answer was lost");

    // Sent again after Mattermost's 30 s of deduplication, from the worker and by a second Send: still one ballot,
    // which the draft now knows as sent.
    fake.forget_pending_post_ids();
    assert_eq!(service::send_waiting(&bo.db, &bo.api, &bo.who).await.unwrap(), 1);
    let again = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap();
    let sent = bos_ballots();
    assert_eq!(sent.len(), 1, "the ballot was posted again: {sent:?}");
    assert_eq!(again.post_id.as_deref(), Some(sent[0].as_str()));
    let draft = bo.draft(&round.root_post_id);
    assert!(!draft.waiting);
    assert_eq!(draft.sent_post_id.as_deref(), Some(sent[0].as_str()));

    // Other estimates are a new ballot; the first ones again, after them, one more.
    let changed = ballot(&[(&keys[0], at(10, 90))]);
    service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &changed)
        .await
        .unwrap();
    service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap();
    assert_eq!(bos_ballots().len(), 3);
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    let first = reveal.ideas.iter().find(|i| i.key == keys[0]).unwrap();
    assert_eq!(first.votes, 1, "bo's latest ballot counts, once");
}

/// The app ended while a ballot was on its way, after Mattermost had taken it: started again, the ballot waits, and the
/// worker finds it in the thread and knows it as sent, with no second ballot. It read "not sent" though it was there.
#[tokio::test]
async fn a_ballot_cut_short_by_the_app_ending_is_known_as_sent_afterwards() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    joins(&bo, &round).await;
    let votes = ballot(&[(&keys[0], at(80, 20))]);
    fake.lose_answer_next(1, "POST", "/api/v4/posts");
    let cut = tokio::time::timeout(
        Duration::from_millis(500),
        service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes),
    )
    .await;
    assert!(cut.is_err(), "the app ended on the way");
    assert!(bo.draft(&round.root_post_id).waiting, "it waits to be sent");

    fake.forget_pending_post_ids();
    assert_eq!(service::send_waiting(&bo.db, &bo.api, &bo.who).await.unwrap(), 1);
    let ballots: Vec<String> = fake
        .thread(&round.root_post_id)
        .into_iter()
        .filter(|p| p.props.contains_key(record::BALLOT_PROP))
        .map(|p| p.id)
        .collect();
    assert_eq!(ballots.len(), 1, "one ballot in the thread");
    let draft = bo.draft(&round.root_post_id);
    assert!(!draft.waiting);
    assert_eq!(draft.sent_post_id.as_deref(), Some(ballots[0].as_str()));
}

/// `person`'s account with a client that gives up after 0.7 s: for answers that are lost on the way back.
fn hurried(fake: &FakeMattermost, person: &Person) -> Api {
    let token = TOKENS.iter().find(|(n, _)| *n == person.who.username).unwrap().1;
    Api::new(
        ServerUrl::parse(&fake.address).unwrap(),
        Token::parse(token).unwrap(),
        Duration::from_millis(700),
    )
    .unwrap()
}

#[tokio::test]
async fn a_start_and_a_close_whose_answers_were_lost_are_not_posted_twice_when_asked_again() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let rounds_in = |channel: &str| {
        fake.channel_posts(channel)
            .into_iter()
            .filter(|p| p.props.contains_key(record::ROUND_PROP))
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    let quick = hurried(&fake, &ana);
    fake.lose_answer_next(1, "POST", "/api/v4/posts");
    let lost = service::start(&ana.db, &quick, &ana.who, board, &[], None, "")
        .await
        .unwrap_err();
    assert!(
        lost.to_string().contains("It may have gone through all the same"),
        "{lost}"
    );
    let channel = Channel::open("infra", "planning", "Planning").id;
    assert_eq!(rounds_in(&channel).len(), 1, "made, though its answer was lost");

    // Start again, after Mattermost's 30 s of deduplication and after a restart (what was posted with no answer is
    // kept in the database, not in memory): the round that went out, not a second one.
    let kept = || {
        ana.db
            .lock()
            .unwrap()
            .read(|tx| store::starting(tx, board))
            .unwrap()
    };
    assert!(kept().is_some());
    fake.forget_pending_post_ids();
    let round = start(&ana, board).await;
    assert_eq!(rounds_in(&channel), vec![round.root_post_id.clone()]);
    // Stored as a round now, it is no longer kept as one starting.
    assert!(kept().is_none());
    bo_votes_on_the_first(&bo, &round, &keys).await;
    service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();

    // The same for Close: its result is posted once.
    fake.lose_answer_next(1, "POST", "/api/v4/posts");
    service::close(&ana.db, &quick, &ana.who, &round.root_post_id)
        .await
        .unwrap_err();
    fake.forget_pending_post_ids();
    let closed = service::close(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    let results: Vec<String> = fake
        .thread(&round.root_post_id)
        .into_iter()
        .filter(|p| p.props.contains_key(record::RESULT_PROP))
        .map(|p| p.id)
        .collect();
    assert_eq!(results, vec![closed]);

    // A new start is a new round.
    let next = start(&ana, board).await;
    assert_ne!(next.root_post_id, round.root_post_id);
    assert_eq!(rounds_in(&channel).len(), 2);
}

/// The rounds of the board's channel, by their root posts' ids.
fn rounds_in(fake: &FakeMattermost) -> Vec<String> {
    fake.channel_posts(&Channel::open("infra", "planning", "Planning").id)
        .into_iter()
        .filter(|p| p.props.contains_key(record::ROUND_PROP))
        .map(|p| p.id)
        .collect()
}

/// `facilitator` starts a round of the tray's ideas, and the app ends (the start is dropped) once Mattermost has made its
/// post, before the answer comes back.
async fn start_cut_short(fake: &FakeMattermost, facilitator: &Person, board: i64) {
    fake.lose_answer_next(1, "POST", "/api/v4/posts");
    let cut = tokio::time::timeout(Duration::from_millis(500), starting(facilitator, board)).await;
    assert!(cut.is_err(), "the app ended on the way");
}

/// The app ended (killed, or the computer went down) while a round's post was on its way, after Mattermost had made
/// it: when Team rounds opens again it finds the round, which is revealed as any other. The round was lost here and
/// left open in the channel: members could vote on it, and nobody could reveal it.
#[tokio::test]
async fn a_start_cut_short_by_the_app_ending_is_found_when_team_rounds_opens() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    start_cut_short(&fake, &ana, board).await;
    let posted = rounds_in(&fake);
    assert_eq!(posted.len(), 1, "made, though the app ended");
    assert!(service::list_open(&ana.db, &ana.who, board).unwrap().is_empty());

    fake.forget_pending_post_ids();
    assert_eq!(
        service::refresh_joined(&ana.db, &ana.api, &ana.who)
            .await
            .unwrap(),
        1
    );
    let open = service::list_open(&ana.db, &ana.who, board).unwrap();
    assert_eq!(
        open.iter().map(|r| r.root_post_id.clone()).collect::<Vec<_>>(),
        posted
    );
    bo_votes_on_the_first(&bo, &open[0], &keys).await;
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &open[0].root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.ideas.iter().find(|i| i.key == keys[0]).unwrap().votes, 1);
    // Found once: the next opening finds nothing more, and nothing was posted again.
    assert_eq!(
        service::refresh_joined(&ana.db, &ana.api, &ana.who)
            .await
            .unwrap(),
        0
    );
    assert_eq!(rounds_in(&fake), posted);
}

/// A round cut short by the app ending, then another round started on the board instead (other ideas): the first is
/// found as the second starts, so both can be revealed. Replaced, its key was lost.
#[tokio::test]
async fn another_round_started_after_one_cut_short_leaves_both_open() {
    let (fake, [ana, _, _], board, keys) = three_people().await;
    start_cut_short(&fake, &ana, board).await;
    fake.forget_pending_post_ids();
    let first: i64 = keys[0].parse().unwrap();
    let second = service::start(&ana.db, &ana.api, &ana.who, board, &[first], None, "")
        .await
        .unwrap();
    let posted = rounds_in(&fake);
    assert_eq!(posted.len(), 2);
    let mut open: Vec<String> = service::list_open(&ana.db, &ana.who, board)
        .unwrap()
        .into_iter()
        .map(|r| r.root_post_id)
        .collect();
    open.sort();
    let mut expected = posted.clone();
    expected.sort();
    assert_eq!(open, expected);
    assert!(posted.contains(&second.root_post_id));
    for root in &posted {
        let stored = ana
            .db
            .lock()
            .unwrap()
            .read(|tx| store::by_root(tx, root))
            .unwrap();
        assert!(
            stored.is_some_and(|r| r.private_key != [0; 32]),
            "{root} can be revealed"
        );
    }
}

#[tokio::test]
async fn a_ballot_from_outside_the_channel_is_listed_and_never_counted() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    bo_votes_on_the_first(&bo, &round, &keys).await;

    // Dee is on the server but not in the channel: a well-formed ballot of theirs lands in the thread anyway.
    let dee = User::new("dee", "deetoken0000000000000000000");
    let root = fake.post(&round.root_post_id).unwrap();
    let record = record::RoundRecord::from_props(&root.props).unwrap();
    let estimates = ballot(&[(&keys[0], at(0, 100))]);
    let sealed = seal::seal(&record.round_id, &dee.id, &record.public_key(), &estimates).unwrap();
    let forged = record::BallotRecord {
        version: record::VERSION,
        round_id: record.round_id.clone(),
        voter: dee.id.clone(),
        sealed: sealed.sealed,
        commitment: sealed.commitment,
        count: 1,
    };
    fake.add_post_with_props(
        &dee.id,
        &root.channel_id,
        &round.root_post_id,
        "dee has voted on 1 idea",
        record::props(record::BALLOT_PROP, &forged).unwrap(),
    );

    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(status.summary, "1 of 3 voted");
    assert_eq!(status.not_counted.len(), 1);
    assert_eq!(status.not_counted[0].issue, Issue::NotInChannel);
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.counted, 1);
    let cache = reveal.ideas.iter().find(|i| i.key == keys[0]).unwrap();
    assert_eq!(cache.payoff.as_ref().unwrap().median, 9.0, "dee's 0 is not in it");

    // The result says so in the thread too, where dee's "has voted" reply stays; a plain reply is not a ballot.
    fake.add_post(&dee.id, &root.channel_id, &round.root_post_id, "looks good to me");
    let result_id = service::close(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    let result = fake.post(&result_id).unwrap().message;
    // Dee is no user the server names: the post says the user id, as the window does until named.
    let said = format!(
        "\n**Not counted**\n\n- {}: The voter is not a member of the round's channel.\n",
        dee.id
    );
    assert!(result.contains(&said), "{result}");
    assert!(!result.contains("looks good"), "{result}");
}

#[tokio::test]
async fn a_round_is_removed_from_open_rounds_by_whoever_keeps_it_and_can_be_joined_again() {
    let (fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    let link = round.permalink.clone().unwrap();
    service::find(&bo.db, &bo.api, &bo.who, &link).await.unwrap();
    assert_eq!(service::list_open(&bo.db, &bo.who, board).unwrap().len(), 1);

    // The round's post is deleted in Mattermost: opening it says so, in the round's words.
    assert!(fake.delete_post(&round.root_post_id));
    let gone = service::find(&bo.db, &bo.api, &bo.who, &link).await.unwrap_err();
    assert!(
        gone.to_string()
            .contains("This round's post is not in Mattermost"),
        "{gone}"
    );
    // A link to the same post on another server: the words name both servers, not a deleted post.
    let elsewhere = format!("https://chat.other.example/infra/pl/{}", round.root_post_id);
    let other = service::find(&bo.db, &bo.api, &bo.who, &elsewhere)
        .await
        .unwrap_err();
    assert!(
        other.to_string().starts_with(
            "This link is to a post on chat.other.example, and Pickboard is connected to 127.0.0.1:"
        ),
        "{other}"
    );
    let other = service::verify(&bo.api, &elsewhere).await.unwrap_err();
    assert!(other.to_string().contains("chat.other.example"), "{other}");
    // And so does a ballot sent to it: not the words for an outcome post to update.
    let votes = ballot(&[(&keys[0], at(80, 20))]);
    let unsent = service::submit(&bo.db, &bo.api, &bo.who, &round.root_post_id, &votes)
        .await
        .unwrap_err();
    assert!(
        unsent
            .to_string()
            .contains("This round's post is not in Mattermost"),
        "{unsent}"
    );

    // Bo removes it: his draft goes. Ana removes hers: the round started here goes, its key with it.
    service::forget(&bo.db, &bo.who, &round.root_post_id).unwrap();
    assert!(service::list_open(&bo.db, &bo.who, board).unwrap().is_empty());
    service::forget(&ana.db, &ana.who, &round.root_post_id).unwrap();
    assert!(service::list_open(&ana.db, &ana.who, board).unwrap().is_empty());
    let kept: i64 = ana
        .db
        .lock()
        .unwrap()
        .read(|tx| Ok(tx.query_row("SELECT count(*) FROM rounds", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(kept, 0);
}

#[tokio::test]
async fn a_copy_of_another_voters_ballot_is_named_and_never_counted() {
    let (fake, [ana, bo, cy], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    let sent = bo_votes_on_the_first(&bo, &round, &keys).await;

    // Cy posts Bo's ballot as theirs: the same sealed box and commitment, the voter changed to Cy.
    let bo_post = fake.post(sent.post_id.as_deref().unwrap()).unwrap();
    let mut copy: record::BallotRecord = record::read(&bo_post.props, record::BALLOT_PROP, "ballot")
        .unwrap()
        .unwrap();
    copy.voter = cy.who.user_id.clone();
    fake.add_post_with_props(
        &cy.who.user_id,
        &bo_post.channel_id,
        &round.root_post_id,
        "cy has voted on 1 idea",
        record::props(record::BALLOT_PROP, &copy).unwrap(),
    );

    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(
        status.summary, "1 of 3 voted",
        "the copy does not count as Cy's vote"
    );
    assert!(status.not_voted.iter().any(|v| v.user_id == cy.who.user_id));
    assert_eq!(status.not_counted.len(), 1);
    assert_eq!(status.not_counted[0].issue, Issue::Copied);
    assert_eq!(
        status.not_counted[0].name, "CY T",
        "named as Mattermost names the poster"
    );

    // At the reveal it is listed once, still by name, and Bo's ballot alone counts.
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.counted, 1);
    assert_eq!(reveal.not_counted.len(), 1);
    assert_eq!(reveal.not_counted[0].issue, Issue::Copied);
    let after = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(after.summary, "1 of 3 voted");
}

#[tokio::test]
async fn a_voters_earlier_ballot_posted_again_does_not_take_the_place_of_their_later_one() {
    let (fake, [ana, bo, _cy], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    let first = bo_votes_on_the_first(&bo, &round, &keys).await;
    // Bo changes his mind: payoff 8, sent again, which replaces the first ballot.
    service::submit(
        &bo.db,
        &bo.api,
        &bo.who,
        &round.root_post_id,
        &ballot(&[(&keys[0], at(80, 10))]),
    )
    .await
    .unwrap();
    // Then his first ballot is posted again under his name (another device, a client sending it again).
    let first_post = fake.post(first.post_id.as_deref().unwrap()).unwrap();
    fake.add_post_with_props(
        &bo.who.user_id,
        &first_post.channel_id,
        &round.root_post_id,
        "bo has voted on 1 idea",
        first_post.props.clone(),
    );

    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(status.summary, "1 of 3 voted");
    assert_eq!(status.not_counted.len(), 1, "{:?}", status.not_counted);
    assert_eq!(status.not_counted[0].issue, Issue::Repeated);
    // The reveal opens his later ballot: the repeat of the first was counted instead, and settled at 9.
    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.counted, 1);
    let idea = reveal.ideas.iter().find(|i| i.key == keys[0]).unwrap();
    assert_eq!(idea.payoff.as_ref().unwrap().median, 8.0);
    assert_eq!(reveal.not_counted.len(), 1);
    assert_eq!(reveal.not_counted[0].issue, Issue::Repeated);
    // And so it is listed after the reveal, not as a ballot that did not open.
    let after = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(after.not_counted.len(), 1, "{:?}", after.not_counted);
    assert_eq!(after.not_counted[0].issue, Issue::Repeated);
}

#[tokio::test]
async fn a_ballot_that_did_not_open_is_listed_once_with_its_reason_and_the_one_it_replaced_not_at_all() {
    let (fake, [ana, bo, _cy], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    let first = bo_votes_on_the_first(&bo, &round, &keys).await;
    // Then a later ballot of Bo's that is damaged: it replaces the first, and does not open.
    let first_post = fake.post(first.post_id.as_deref().unwrap()).unwrap();
    let mut damaged: record::BallotRecord = record::read(&first_post.props, record::BALLOT_PROP, "ballot")
        .unwrap()
        .unwrap();
    damaged.sealed = "00".repeat(damaged.sealed.len() / 2);
    damaged.commitment = "11".repeat(damaged.commitment.len() / 2);
    fake.add_post_with_props(
        &bo.who.user_id,
        &first_post.channel_id,
        &round.root_post_id,
        "bo has voted on 1 idea",
        record::props(record::BALLOT_PROP, &damaged).unwrap(),
    );

    let reveal = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(reveal.counted, 0);
    assert_eq!(reveal.not_counted.len(), 1, "{:?}", reveal.not_counted);
    let said = reveal.not_counted[0].message.clone();
    assert!(said.starts_with("This ballot does not open"), "{said}");
    // Read again after the reveal, as the screen does, and as the result post says it: the same ballot for the same
    // reason. Both were listed as "did not open, or did not match its commitment", the first one too.
    let after = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(after.not_counted.len(), 1, "{:?}", after.not_counted);
    assert_eq!(after.not_counted[0].post_id, reveal.not_counted[0].post_id);
    assert_eq!(after.not_counted[0].message, said);
    assert_eq!(after.not_counted[0].name, "BO T");
    let result_id = service::close(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    let result = fake.post(&result_id).unwrap().message;
    assert_eq!(result.matches("BO T").count(), 1, "{result}");
    assert!(result.contains("does not open with the round's key"), "{result}");
}

#[tokio::test]
async fn a_round_belongs_to_the_account_that_started_it_not_to_the_next_one_connected_here() {
    let (_fake, [ana, _, cy], board, _) = three_people().await;
    let round = start(&ana, board).await;
    assert!(round.am_facilitator);
    // Cy connects on Ana's computer (Ana's data folder): the round is listed as Ana's no more.
    ana.db
        .lock()
        .unwrap()
        .write(|tx| account::save_identity(tx, &cy.who))
        .unwrap();
    let listed = service::list_open(&ana.db, &cy.who, board).unwrap();
    assert!(listed.iter().all(|r| !r.am_facilitator), "{listed:?}");
    let seen = service::find(&ana.db, &cy.api, &cy.who, &round.root_post_id)
        .await
        .unwrap();
    assert!(!seen.am_facilitator, "Cy sees it as a member");
    // Nor can Cy remove it, and its key with it, from this computer.
    service::forget(&ana.db, &cy.who, &round.root_post_id).unwrap();
    let refused = service::reveal(&ana.db, &cy.api, &cy.who, &round.root_post_id)
        .await
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("Another Mattermost account started this round"),
        "{refused}"
    );
    // Ana, connected again, is its facilitator as before.
    let again = service::find(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert!(again.am_facilitator);
}

#[tokio::test]
async fn with_mattermost_out_of_reach_the_facilitator_opens_a_revealed_round_as_kept_here() {
    let (_fake, [ana, bo, _], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    bo_votes_on_the_first(&bo, &round, &keys).await;
    let online = service::reveal(&ana.db, &ana.api, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert!(!online.offline);

    // Mattermost goes out of reach (a port nothing answers on): the round opens from what is kept here.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let dead = Api::new(
        ServerUrl::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
        Token::parse("tok-ana").unwrap(),
        Duration::from_secs(2),
    )
    .unwrap();
    let opened = service::find(&ana.db, &dead, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert!(opened.am_facilitator);
    assert_eq!(opened.state, RoundState::Revealed);
    let offline = service::reveal(&ana.db, &dead, &ana.who, &round.root_post_id)
        .await
        .unwrap();
    assert!(offline.offline);
    assert_eq!(offline.counted, online.counted);
    assert_eq!(offline.ideas, online.ideas);
    // A member's Pickboard keeps no round: it says Mattermost is out of reach.
    let member = service::find(&bo.db, &dead, &bo.who, &round.root_post_id)
        .await
        .unwrap_err();
    assert!(member.to_string().contains("could not be reached"), "{member}");
}

#[tokio::test]
async fn a_round_of_long_titles_is_posted_within_mattermosts_length_and_a_too_big_one_is_refused_first() {
    let (fake, [ana, ..], board, _) = three_people().await;
    let long: Vec<i64> = ana
        .db
        .lock()
        .unwrap()
        .write(|tx| {
            (0..35)
                .map(|n| {
                    let title = format!("{n} {}", "word ".repeat(96));
                    Ok(edits::add_idea(tx, board, &title, Zone::Unsorted)?.id)
                })
                .collect()
        })
        .unwrap();
    // Refused as "Mattermost refused the message" when the post listed every title whole.
    let round = service::start(&ana.db, &ana.api, &ana.who, board, &long, None, "")
        .await
        .unwrap();
    let root = fake.post(&round.root_post_id).unwrap();
    assert!(root.message.chars().count() <= 16_383);
    assert_eq!(round.ideas.len(), 35, "every idea is in the round");

    let noted: Vec<i64> = ana
        .db
        .lock()
        .unwrap()
        .write(|tx| {
            long.iter()
                .take(20)
                .map(|id| {
                    let idea = crate::storage::ideas::get(tx, *id)?;
                    let edit = crate::storage::ideas::IdeaEdit {
                        title: idea.title,
                        notes: "n".repeat(40_000),
                        owner: String::new(),
                        link: String::new(),
                        tags: Vec::new(),
                    };
                    Ok(edits::update_idea(tx, *id, &edit)?.id)
                })
                .collect()
        })
        .unwrap();
    let posts_before = fake
        .channel_posts(&Channel::open("infra", "planning", "").id)
        .len();
    let err = service::start(&ana.db, &ana.api, &ana.who, board, &noted, None, "")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("too much for one round"), "{err}");
    assert_eq!(
        fake.channel_posts(&Channel::open("infra", "planning", "").id)
            .len(),
        posts_before,
        "nothing was posted"
    );
}

#[tokio::test]
async fn estimates_typed_in_the_thread_by_someone_who_sent_no_ballot_are_listed_not_counted() {
    let (fake, [ana, bo, cy], board, keys) = three_people().await;
    let round = start(&ana, board).await;
    let channel = fake.post(&round.root_post_id).unwrap().channel_id;
    // Cy cannot install Pickboard and types estimates; Bo votes, then says so; Ana (the facilitator) thanks them.
    fake.add_post(
        &cy.who.user_id,
        &channel,
        &round.root_post_id,
        "1: P8 C3; 2: P2 C9 — I can't install Pickboard, here are mine",
    );
    bo_votes_on_the_first(&bo, &round, &keys).await;
    fake.add_post(&bo.who.user_id, &channel, &round.root_post_id, "Done!");
    fake.add_post(&ana.who.user_id, &channel, &round.root_post_id, "Thanks, all");

    let status = service::status(&ana.db, &ana.api, &round.root_post_id)
        .await
        .unwrap();
    assert_eq!(status.summary, "1 of 3 voted");
    assert_eq!(status.not_counted.len(), 1, "{:?}", status.not_counted);
    let cy_reply = &status.not_counted[0];
    assert_eq!(cy_reply.issue, Issue::NotABallot);
    assert_eq!(cy_reply.user_id, cy.who.user_id);
    assert_eq!(
        cy_reply.message,
        "Replied “1: P8 C3; 2: P2 C9 — I can't install Pickboard, here are mi…” in the thread, with no ballot: only \
         estimates sent from Pickboard (Team rounds › Join round) are counted."
    );
}
