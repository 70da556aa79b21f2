//! The tests' fake Mattermost, served for trying Pickboard's team features by hand:
//! `cargo run -p fake-mattermost --example serve [PORT]` (default 8065), then connect Pickboard to the address it
//! prints with one of the tokens below. It runs until it is stopped (Ctrl+C), and keeps nothing on disk.
//!
//! Three people of the team "infra": ana (`tok-ana`), bo (`tok-bo`) and cy (`tok-cy`). Channels: Planning (all three),
//! Town Square (all three), Leads (private: ana and bo). Another person's reply in a thread is a `POST
//! /api/v4/posts` with that person's token, as Mattermost takes it:
//!
//! ```text
//! curl -H 'Authorization: Bearer tok-cy' -d '{"channel_id":"…","root_id":"…","message":"…"}' \
//!   http://127.0.0.1:8065/api/v4/posts
//! ```

use fake_mattermost::{Channel, FakeMattermost, Team, User};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = match std::env::args().nth(1) {
        Some(port) => port.parse().map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("not a port: {port}"))
        })?,
        None => 8065,
    };
    let people = [
        ("ana", "Ana", "Ribeiro"),
        ("bo", "Bo", "Lind"),
        ("cy", "Cy", "Okafor"),
    ];
    let channels = [
        Channel::open("infra", "planning", "Planning"),
        Channel::open("infra", "town-square", "Town Square"),
        Channel::private("infra", "leads", "Leads"),
    ];
    let mut team = Team::new("infra", "Infrastructure");
    let mut fake = FakeMattermost::api(port);
    for (username, first, last) in people {
        fake = fake.user(User::new(username, &format!("tok-{username}")).names(first, last));
        team = team.member(username);
    }
    fake = fake.team(team);
    for channel in &channels {
        let members: &[&str] = if channel.kind == 'P' {
            &["ana", "bo"]
        } else {
            &["ana", "bo", "cy"]
        };
        fake = fake.channel(channel.clone().members(members.iter().copied()));
    }
    let fake = fake.start().await?;

    println!("Fake Mattermost at {}", fake.address);
    println!("People (username: token): ana: tok-ana, bo: tok-bo, cy: tok-cy");
    for channel in &channels {
        println!(
            "Channel {} (infra/{}): id {}",
            channel.display_name, channel.name, channel.id
        );
    }
    std::future::pending::<()>().await;
    Ok(())
}
