//! A team round of 100 ideas and 15 voters against the fake Mattermost server on 127.0.0.1: fetching the thread and
//! the channel's members and opening every ballot (target ≤ 300 ms), and computing the reveal (≤ 50 ms). Run with
//! `cargo bench -p pickboard --bench rounds`; prints a Markdown table.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fake_mattermost::{Channel, FakeMattermost, Team, User};
use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::edits;
use pickboard_lib::mattermost::account::{self, Identity, Keeping, ServerUrl, Token};
use pickboard_lib::mattermost::api::Api;
use pickboard_lib::mattermost::destination::{self, AccountChannel};
use pickboard_lib::rounds::collect::{self, Thread};
use pickboard_lib::rounds::seal::{Estimate, Estimates};
use pickboard_lib::rounds::{service, stats, store};
use pickboard_lib::storage::{boards, Db};

const IDEAS: usize = 100;
const VOTERS: usize = 15;

fn token(n: usize) -> String {
    format!("benchtoken{n:016}")
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(run())
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let names: Vec<String> = (0..VOTERS).map(|n| format!("voter{n}")).collect();
    let mut builder = FakeMattermost::api(0).team(Team::new("infra", "Infrastructure"));
    for (n, name) in names.iter().enumerate() {
        builder = builder.user(User::new(name, &token(n)));
    }
    let channel = Channel::open("infra", "planning", "Planning").members(names.iter().map(String::as_str));
    let fake = builder.channel(channel.clone()).start().await?;
    let server = ServerUrl::parse(&fake.address)?;
    let people: Vec<(Identity, Api)> = names
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let who = Identity {
                server: server.clone(),
                user_id: User::new(name, &token(n)).id,
                username: name.clone(),
                display_name: String::new(),
                keeping: Keeping::Session,
            };
            let api = Api::new(server.clone(), Token::parse(&token(n))?, Duration::from_secs(10))
                .map_err(|f| pickboard_lib::error::Error::invalid(format!("{f:?}")))?;
            Ok((who, api))
        })
        .collect::<pickboard_lib::error::Result<_>>()?;

    let db = Mutex::new(Db::open_in_memory()?);
    let board = db.lock().unwrap().write(|tx| {
        let board = boards::create(tx, "Benchmark")?.id;
        for n in 0..IDEAS {
            edits::add_idea(tx, board, &format!("Idea {n}"), Zone::Unsorted)?;
        }
        account::save_identity(tx, &people[0].0)?;
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
        Ok(board)
    })?;
    let (ana, ana_api) = &people[0];
    let round = service::start(&db, ana_api, ana, board, &[], None, "").await?;
    for (v, (who, api)) in people.iter().enumerate() {
        let estimates: Estimates = round
            .ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| {
                let e = if (i + v) % 13 == 0 {
                    Estimate::NoOpinion
                } else {
                    Estimate::Placed {
                        payoff: Score::from_tenths(((i * 7 + v * 11) % 101) as i64).unwrap(),
                        cost: Score::from_tenths(((i * 3 + v * 17) % 101) as i64).unwrap(),
                    }
                };
                (idea.key.clone(), e)
            })
            .collect();
        let voter_db = Mutex::new(Db::open_in_memory()?);
        service::submit(&voter_db, api, who, &round.root_post_id, &estimates).await?;
    }
    let stored = db
        .lock()
        .unwrap()
        .read(|tx| store::by_root(tx, &round.root_post_id))?
        .expect("the round");

    let mut fetch_open = Vec::new();
    let mut computing = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        let list = ana_api
            .thread(&round.root_post_id, None)
            .await
            .map_err(|f| format!("{f:?}"))?;
        let thread = Thread::from_list(list, &round.root_post_id)?;
        let members: HashSet<String> = ana_api
            .channel_members(&channel.id)
            .await
            .map_err(|f| format!("{f:?}"))?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        let ids: Vec<String> = members.iter().cloned().collect();
        let names: HashMap<String, String> = ana_api
            .users_by_ids(&ids)
            .await
            .map_err(|f| format!("{f:?}"))?
            .into_iter()
            .map(|u| (u.id, u.username))
            .collect();
        let tally = collect::tally(&thread, &members, None);
        let (opened, failed) = collect::open_all(&thread, &tally, &stored.private_key, &names);
        fetch_open.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!((opened.len(), failed.len()), (VOTERS, 0));

        let started = Instant::now();
        let ideas: Vec<(String, String)> = stored
            .record
            .ideas
            .iter()
            .map(|i| (i.key.clone(), i.title.clone()))
            .collect();
        let ballots: Vec<(String, &Estimates)> =
            opened.iter().map(|b| (b.name.clone(), &b.estimates)).collect();
        let reveal = stats::reveal(&ideas, &ballots, stored.record.thresholds);
        computing.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(reveal.len(), IDEAS);
    }
    println!("| Team round, {IDEAS} ideas, {VOTERS} voters (median of 15) | ms | target |");
    println!("|---|---|---|");
    println!(
        "| fetch thread, members and names; open every ballot | {:.1} | ≤ 300 |",
        median(fetch_open)
    );
    println!("| compute the reveal | {:.2} | ≤ 50 |", median(computing));
    Ok(())
}
