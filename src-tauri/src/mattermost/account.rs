//! The Mattermost account Pickboard posts as: the server's address, checked, and the access token, which is a password.
//! The token is never shown whole, logged, or written to the database, the settings, an export or a backup: it lives in
//! the operating system's credential store (`credentials`) or, where there is none, in memory for the session.
//! Who the account is (server, user id, username) is not secret and is kept in the database, so that the command
//! line finds it too.

use std::net::IpAddr;
use std::time::Duration;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::response::{Failure, Problem};
use crate::error::{Error, Result};

/// A Mattermost server's address: `https://host[:port][/subpath]`, without a trailing slash. Plain `http://` only for
/// this computer (loopback), because the token would otherwise cross the network readable by anyone on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl ServerUrl {
    pub fn parse(raw: &str) -> Result<ServerUrl> {
        let raw = raw.trim();
        // Slashes at the end go, but not those of the scheme: "https://" alone is no address.
        let url = match raw.split_once("://") {
            Some((scheme, rest)) => &raw[..scheme.len() + 3 + rest.trim_end_matches('/').len()],
            None => raw.trim_end_matches('/'),
        };
        if url.is_empty() {
            return Err(Error::invalid(
                "Type your Mattermost server's address, for example https://chat.example.com.",
            ));
        }
        // The scheme in any case (`HTTPS://`), as browsers take it.
        let scheme_of = |prefix: &str| {
            url.get(..prefix.len())
                .filter(|head| head.eq_ignore_ascii_case(prefix))
                .map(|_| &url[prefix.len()..])
        };
        let (plain_http, rest) = if let Some(rest) = scheme_of("https://") {
            (false, rest)
        } else if let Some(rest) = scheme_of("http://") {
            (true, rest)
        } else if !url.contains("://") {
            return ServerUrl::parse(&format!("https://{url}"));
        } else {
            return Err(Error::invalid(
                "A Mattermost server's address starts with https://, for example https://chat.example.com.",
            ));
        };
        let host_port = rest.split('/').next().unwrap_or_default();
        if !is_host_and_port(host_port)
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
            || url.contains(['?', '#'])
        {
            return Err(Error::invalid(
                "This is not a server address. Type it as your browser shows it, for example https://chat.example.com.",
            ));
        }
        if plain_http && !is_loopback(host_port) {
            return Err(Error::invalid(
                "Pickboard connects to Mattermost only over https://, so that your access token cannot be read on \
                 the way. Use the server's https:// address.",
            ));
        }
        // An address copied from the browser while in a channel (`/team/channels/town-square`): keep the server part.
        let path = &rest[host_port.len()..];
        let path = ["/channels/", "/pl/", "/messages/"]
            .iter()
            .filter_map(|marker| path.find(marker))
            .min()
            .and_then(|at| path[..at].rfind('/'))
            .map_or(path, |team_at| &path[..team_at]);
        let scheme = if plain_http { "http" } else { "https" };
        Ok(ServerUrl(format!("{scheme}://{host_port}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of an API v4 route: `path` starts with `/`.
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v4{path}", self.0)
    }

    /// The link people share to a post: `<server>/<team>/pl/<post id>`.
    pub fn permalink(&self, team_name: &str, post_id: &str) -> String {
        format!("{}/{team_name}/pl/{post_id}", self.0)
    }

    /// The host and port, as `parse` checked them: what lies between the scheme and the path.
    pub fn host_port(&self) -> &str {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, rest)| rest);
        rest.split('/').next().unwrap_or_default()
    }

    /// Whether the server is on this computer (`localhost`, `127.0.0.1`, `[::1]`).
    pub fn is_on_this_computer(&self) -> bool {
        is_loopback(self.host_port())
    }

    /// How long making a connection to the server may take, TLS included, for requests given `timeout`: on this
    /// computer it takes milliseconds, and a server there that speaks plain HTTP to https:// never answers the
    /// handshake (connecting to `127.0.0.1:8065` as typed waited 10 s to say "type http:// in front").
    pub fn connect_timeout(&self, timeout: Duration) -> Duration {
        timeout.min(if self.is_on_this_computer() {
            Duration::from_secs(2)
        } else {
            Duration::from_secs(10)
        })
    }

    /// What a connection that failed before Mattermost answered means while connecting: the address is the first
    /// suspect, so the words point at it rather than promise that trying again helps. `typed` is what the person
    /// typed: without a scheme, Pickboard tried https://, which a server on this computer may not speak.
    pub fn unreachable(&self, failure: Failure, typed: &str) -> Failure {
        let server = self.as_str();
        let what = match failure.problem {
            Problem::Offline => format!("Nothing answered at {server}. Check the address and its port."),
            Problem::NoAnswer => {
                format!("{server} closed the connection without answering. Check the address and its port.")
            }
            Problem::Timeout => {
                format!("{server} did not answer in time. Check the address and its port, then try again.")
            }
            _ => return failure,
        };
        let tried = if typed.contains("://") {
            ""
        } else if self.is_on_this_computer() {
            " Pickboard added https:// to what you typed; a server on this computer may use plain http://: type \
             http:// in front."
        } else {
            " Pickboard added https:// to what you typed."
        };
        Failure {
            message: format!("{what}{tried}"),
            // Not sent again by itself, and not told to try again in a moment: the address is to be checked.
            retry: false,
            ..failure
        }
    }
}

/// Whether `host_port` is a host name or an IP address, with a port of digits or none: `javascript:alert(1)`, typed
/// without a scheme, passed as a host once https:// was added, and the connection said the server could not be reached.
fn is_host_and_port(host_port: &str) -> bool {
    let (host_ok, port) = if let Some(v6) = host_port.strip_prefix('[') {
        match v6.split_once(']') {
            Some((ip, after)) => (ip.parse::<std::net::Ipv6Addr>().is_ok(), after),
            None => return false,
        }
    } else {
        let (host, port) = host_port
            .find(':')
            .map_or((host_port, ""), |at| host_port.split_at(at));
        let label = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-');
        (host.split('.').all(label), port)
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok_and(|n| n > 0));
    host_ok && port_ok
}

fn is_loopback(host_port: &str) -> bool {
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        // `[::1]` or `[::1]:8065`, nothing else after the bracket.
        match v6.split_once(']') {
            Some((ip, after)) if after.is_empty() || after.starts_with(':') => ip,
            _ => return false,
        }
    } else {
        host_port.rsplit_once(':').map_or(host_port, |(h, _)| h)
    };
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A personal access token or a bot's token. Its `Debug` is masked and it has no `Display` or `Serialize`, so that it
/// cannot end up in a log, an error or an answer to the UI by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token({})", self.masked())
    }
}

impl Token {
    pub fn parse(raw: &str) -> Result<Token> {
        let token = raw.trim();
        if token.is_empty() {
            return Err(Error::invalid(
                "Paste your personal access token (Mattermost: Profile › Security › Personal access tokens).",
            ));
        }
        if token.len() > 256 || !token.chars().all(|c| c.is_ascii_graphic()) {
            return Err(Error::invalid(
                "This is not an access token: a token is letters and digits only, like 9x3kqkp8cbgm5ebxnt3ukjfd1h. \
                 Copy the token itself, not its id.",
            ));
        }
        Ok(Token(token.to_owned()))
    }

    /// The token, for the `Authorization` header and the credential store. Never display or log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Bullets and the last four characters, as people recognise a token they made: `••••••••1h9w`.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
        format!("••••••••{tail}")
    }

    /// `text` with the token replaced by a mask, for anything that came from elsewhere and is shown or kept.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.0, "[token]")
    }
}

/// Where the token is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Keeping {
    /// The operating system's credential store: the account stays connected across restarts.
    CredentialStore,
    /// Memory only, until the app quits (there is no credential store, or the user chose so).
    Session,
}

/// Who Pickboard is connected as, for the UI. The token only masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub server: String,
    pub user_id: String,
    pub username: String,
    /// "First Last" or the nickname, when the user set one.
    pub display_name: String,
    pub keeping: Keeping,
    /// `None` when the token is not at hand: kept for an earlier session only, or missing from the credential store.
    pub token_masked: Option<String>,
    /// A team round's ballot of this account waits on this computer to go out (it goes once connected).
    pub ballots_waiting: bool,
}

/// The stored identity of the account (no token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub server: ServerUrl,
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub keeping: Keeping,
}

impl Identity {
    /// The name of the token's entry in the credential store: one per server and user, so that two data folders
    /// connected as two people on one computer keep two tokens.
    pub fn credential_key(&self) -> String {
        format!("{} {}", self.server.as_str(), self.user_id)
    }

    pub fn for_ui(&self, token: Option<&Token>) -> Account {
        Account {
            server: self.server.as_str().to_owned(),
            user_id: self.user_id.clone(),
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            keeping: self.keeping,
            token_masked: token.map(Token::masked),
            ballots_waiting: false,
        }
    }
}

fn keeping_name(k: Keeping) -> &'static str {
    match k {
        Keeping::CredentialStore => "credential-store",
        Keeping::Session => "session",
    }
}

pub fn identity(tx: &Transaction<'_>) -> Result<Option<Identity>> {
    let row: Option<(String, String, String, String, String)> = tx
        .query_row(
            "SELECT server, user_id, username, display_name, keeping FROM account WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    row.map(|(server, user_id, username, display_name, keeping)| {
        Ok(Identity {
            server: ServerUrl::parse(&server)?,
            user_id,
            username,
            display_name,
            keeping: if keeping == "session" {
                Keeping::Session
            } else {
                Keeping::CredentialStore
            },
        })
    })
    .transpose()
}

pub fn save_identity(tx: &Transaction<'_>, who: &Identity) -> Result<()> {
    tx.execute(
        "INSERT INTO account (id, server, user_id, username, display_name, keeping) VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET server = excluded.server, user_id = excluded.user_id,
             username = excluded.username, display_name = excluded.display_name, keeping = excluded.keeping",
        params![
            who.server.as_str(),
            who.user_id,
            who.username,
            who.display_name,
            keeping_name(who.keeping)
        ],
    )?;
    Ok(())
}

pub fn forget_identity(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM account", [])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_on_this_computer_is_given_two_seconds_to_connect_others_ten() {
        let timeout = Duration::from_secs(30);
        for (address, connect) in [
            ("127.0.0.1:8065", 2),
            ("http://localhost:8065", 2),
            ("https://[::1]", 2),
            ("chat.example.com", 10),
            ("https://10.0.0.5:8065", 10),
        ] {
            let server = ServerUrl::parse(address).unwrap();
            assert_eq!(
                server.connect_timeout(timeout),
                Duration::from_secs(connect),
                "{address}"
            );
        }
        // Never longer than the request may take.
        let server = ServerUrl::parse("chat.example.com").unwrap();
        assert_eq!(
            server.connect_timeout(Duration::from_secs(3)),
            Duration::from_secs(3)
        );
    }

    #[test]
    fn server_addresses_are_https_or_loopback_and_lose_what_is_not_the_server() {
        let ok = |raw: &str| ServerUrl::parse(raw).map(|s| s.as_str().to_owned());
        assert_eq!(
            ok("https://chat.example.com/").unwrap(),
            "https://chat.example.com"
        );
        assert_eq!(ok("chat.example.com").unwrap(), "https://chat.example.com");
        assert_eq!(
            ok(" https://example.com/mattermost ").unwrap(),
            "https://example.com/mattermost"
        );
        assert_eq!(
            ok("https://chat.example.com/infra/channels/town-square").unwrap(),
            "https://chat.example.com"
        );
        assert_eq!(
            ok("https://example.com/mm/infra/pl/abc").unwrap(),
            "https://example.com/mm"
        );
        assert_eq!(ok("http://127.0.0.1:8065").unwrap(), "http://127.0.0.1:8065");
        assert_eq!(ok("http://localhost:8065").unwrap(), "http://localhost:8065");
        assert_eq!(ok("http://[::1]:8065").unwrap(), "http://[::1]:8065");
        assert_eq!(
            ok("HTTPS://Chat.example.com").unwrap(),
            "https://Chat.example.com"
        );
        assert_eq!(ok("Http://localhost:8065").unwrap(), "http://localhost:8065");
        assert_eq!(
            ok("chat.example.com:8443").unwrap(),
            "https://chat.example.com:8443"
        );
        assert_eq!(
            ok("https://mattermost.bücher.de").unwrap(),
            "https://mattermost.bücher.de"
        );
        for bad in [
            "",
            "http://chat.example.com",
            "http://10.0.0.1:8065",
            "http://[::1]x.evil.com",
            "http://127.0.0.1.evil.com",
            "http://localhost.evil.com",
            "ftp://chat.example.com",
            "https://",
            "https://user:pw@chat.example.com",
            "https://chat.example.com/?x=1",
            "https://chat example.com",
            "javascript:alert(1)",
            "https://chat.example.com:http",
            "https://chat.example.com:99999",
            "https://chat..example.com",
            "https://[::1",
        ] {
            assert!(ServerUrl::parse(bad).is_err(), "{bad:?} was accepted");
        }
        let refused = ServerUrl::parse("http://chat.example.com")
            .unwrap_err()
            .to_string();
        assert!(refused.contains("only over https://"), "{refused}");
    }

    #[test]
    fn a_token_is_never_printed_whole() {
        let token = Token::parse("  9x3kqkp8cbgm5ebxnt3ukjfd1h ").unwrap();
        assert_eq!(token.expose(), "9x3kqkp8cbgm5ebxnt3ukjfd1h");
        assert_eq!(token.masked(), "••••••••fd1h");
        assert!(!format!("{token:?}").contains("9x3kqkp8"));
        assert_eq!(
            token.redact("invalid token 9x3kqkp8cbgm5ebxnt3ukjfd1h given"),
            "invalid token [token] given"
        );
        assert!(Token::parse("").is_err());
        assert!(Token::parse("has space").is_err());
    }

    #[tokio::test]
    async fn connecting_where_nothing_answers_points_at_the_address() {
        // A port of this computer that nothing listens on: taken, then let go.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let failed = |typed: String| async move {
            let server = ServerUrl::parse(&typed).unwrap();
            let token = Token::parse("9x3kqkp8cbgm5ebxnt3ukjfd1h").unwrap();
            let api =
                crate::mattermost::api::Api::new(server.clone(), token, std::time::Duration::from_secs(5))
                    .unwrap();
            let failure = api.me().await.unwrap_err();
            assert_eq!(failure.problem, Problem::Offline, "{failure:?}");
            server.unreachable(failure, &typed)
        };
        // Typed without a scheme: https:// was tried, and a server on this computer may speak plain http.
        let told = failed(format!("127.0.0.1:{port}")).await;
        assert_eq!(
            told.message,
            format!(
                "Nothing answered at https://127.0.0.1:{port}. Check the address and its port. Pickboard added \
                 https:// to what you typed; a server on this computer may use plain http://: type http:// in front."
            )
        );
        assert!(!told.retry, "the address is to be checked, not tried again");
        // Typed whole: the address alone.
        let told = failed(format!("http://127.0.0.1:{port}")).await;
        assert_eq!(
            told.message,
            format!("Nothing answered at http://127.0.0.1:{port}. Check the address and its port.")
        );
        // What Mattermost itself said is kept as it is.
        let server = ServerUrl::parse("chat.example.com").unwrap();
        let refused = Failure::new(Problem::NotSignedIn);
        assert_eq!(server.unreachable(refused.clone(), "chat.example.com"), refused);
    }

    #[test]
    fn permalinks_and_api_routes_follow_the_server_address() {
        let server = ServerUrl::parse("https://example.com/mm").unwrap();
        assert_eq!(server.api("/users/me"), "https://example.com/mm/api/v4/users/me");
        assert_eq!(
            server.permalink("infra", "p1"),
            "https://example.com/mm/infra/pl/p1"
        );
    }
}
