//! The incoming webhook's address: checked when the user enters it, and never shown or logged whole, because anyone
//! who has it can post to the channel. Server error messages can echo the hook id, so they are redacted too.

use crate::error::{Error, Result};

/// A checked webhook address.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookUrl {
    url: String,
    /// Where the hook id starts in `url`.
    id_at: usize,
    pub plain_http: bool,
}

impl std::fmt::Debug for WebhookUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WebhookUrl({})", self.masked())
    }
}

impl WebhookUrl {
    /// Accepts `http(s)://host[:port][/subpath]/hooks/<id>` where the id is letters and digits, as the server routes it.
    pub fn parse(raw: &str) -> Result<WebhookUrl> {
        let url = raw.trim();
        let (plain_http, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (false, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (true, rest)
        } else {
            return Err(Error::invalid(
                "A webhook address starts with https:// (or http://).",
            ));
        };
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::invalid(
                "This webhook address has no server name. Copy it again from Mattermost.",
            ));
        }
        let path = &rest[host.len()..];
        let id = path.rsplit_once("/hooks/").map(|(_, id)| id).unwrap_or_default();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::invalid(
                "A Mattermost webhook address ends in /hooks/ followed by its id (letters and digits). Copy it again \
                 from Mattermost: Integrations › Incoming webhooks.",
            ));
        }
        Ok(WebhookUrl {
            url: url.to_owned(),
            id_at: url.len() - id.len(),
            plain_http,
        })
    }

    /// The address, for sending. Never display or log it.
    pub fn expose(&self) -> &str {
        &self.url
    }

    fn id(&self) -> &str {
        &self.url[self.id_at..]
    }

    /// The address with its secret id hidden but for its first four characters: `https://chat.example.com/hooks/abcd…`.
    pub fn masked(&self) -> String {
        let keep: String = self.id().chars().take(4).collect();
        format!("{}{keep}…", &self.url[..self.id_at])
    }

    /// `text` with every occurrence of the hook id (and so of the address) replaced by a mask.
    pub fn redact(&self, text: &str) -> String {
        text.replace(self.id(), "[webhook id]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "xq9k3rj1d7nbtefhw8o5yzpa4c";

    #[test]
    fn accepts_mattermost_hook_addresses() {
        let hook = WebhookUrl::parse(&format!(" https://chat.example.com/hooks/{ID} ")).unwrap();
        assert!(!hook.plain_http);
        assert_eq!(hook.expose(), format!("https://chat.example.com/hooks/{ID}"));
        let sub = WebhookUrl::parse(&format!("http://10.0.0.5:8065/mattermost/hooks/{ID}")).unwrap();
        assert!(sub.plain_http, "plain http is allowed, with a warning in the UI");
    }

    #[test]
    fn refuses_what_is_not_a_hook() {
        for bad in [
            "chat.example.com/hooks/abc",
            "ftp://chat.example.com/hooks/abc",
            "https:///hooks/abc",
            "https://chat.example.com/api/v4/posts",
            "https://chat.example.com/hooks/",
            "https://chat.example.com/hooks/abc/",
            "https://chat.example.com/hooks/ab-c",
            "https://chat.example.com/hooks/abc def",
        ] {
            assert!(WebhookUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_id_never_shows() {
        let hook = WebhookUrl::parse(&format!("https://chat.example.com/hooks/{ID}")).unwrap();
        assert_eq!(hook.masked(), "https://chat.example.com/hooks/xq9k…");
        assert!(!format!("{hook:?}").contains(ID));
        let server =
            format!("Failed to handle the payload of media type application/json for incoming webhook {ID}.");
        assert!(!hook.redact(&server).contains(ID));
        assert!(hook.redact(&server).contains("[webhook id]"));
    }
}
