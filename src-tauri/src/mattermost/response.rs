//! What Mattermost's answer to a webhook post means. Success is status 200 with the body `ok`, nothing less (any
//! address that is not a hook answers 200 with a web page). Everything else becomes a [`Failure`] that says, in the
//! user's words, what went wrong and what to do, and whether Pickboard may retry by itself.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::webhook::WebhookUrl;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// The hook id is unknown or was deleted (or the address is not a hook at all).
    WrongWebhook,
    NotMattermost,
    WebhooksDisabled,
    ChannelNotFound,
    ChannelLocked,
    NoPermission,
    TooLarge,
    RateLimited,
    ServerError,
    /// The server refused the request itself; a bug on our side if it happens.
    Refused,
    Timeout,
    ServerNotFound,
    Tls,
    Offline,
    /// The connection broke after the request was sent, before the answer came: it may have been carried out.
    NoAnswer,
    /// The API: the access token was refused (wrong, revoked, expired, or tokens switched off by the admin).
    NotSignedIn,
    /// The API: the address answered, but not as a Mattermost server.
    NotMattermostServer,
    /// The API: the account may not post in the channel, or read or edit the post.
    NotAllowed,
    /// The API: the channel is gone (deleted, archived), or the account left it.
    ChannelGone,
    /// The API: the post to update is gone.
    PostGone,
    /// The API: the account is not connected (disconnected, or its token was kept for an earlier session only).
    NotConnected,
    /// The API: the post was made for another server than the one connected now.
    OtherServer,
    /// The API: the post was made as another account than the one connected now.
    OtherAccount,
    /// The credential store could not be opened just now (locked, or not started yet).
    CredentialStoreUnavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    pub problem: Problem,
    /// What happened and what to do, for the user.
    pub message: String,
    /// Mattermost's request id, for the server's admin to find in the logs.
    pub request_id: Option<String>,
    /// The server's own message, with the webhook id (or the token) removed.
    pub detail: Option<String>,
    /// Mattermost's error id (`api.post.create_post.…`), for a support question.
    #[serde(default)]
    pub error_id: Option<String>,
    /// Whether the post is retried in the background (network trouble, rate limits, server errors), or waits for the
    /// user to fix the settings and press Retry.
    pub retry: bool,
    /// How long the server asked us to wait (`Retry-After`), in milliseconds.
    #[ts(type = "number | null")]
    pub retry_after_ms: Option<u64>,
    /// Whether the request asked Mattermost to make or change something (not a read): with no answer, it may have.
    #[serde(skip)]
    #[ts(skip)]
    pub asked_to_change: bool,
}

impl Failure {
    /// The failure of a message that is not kept in the outbox (the test message): the same words, without the
    /// promise that it will be sent again by itself.
    /// Whether the request went out is known only where it never reached the server (no connection, a name not
    /// found, refused by the rate limit): a timeout, a server error or a connection that broke may come after the
    /// server did what it was asked.
    pub fn not_queued(mut self) -> Failure {
        if self.retry {
            let what = self
                .message
                .split_inclusive(". ")
                .next()
                .unwrap_or_default()
                .trim_end();
            let unsent = matches!(
                self.problem,
                Problem::Offline
                    | Problem::ServerNotFound
                    | Problem::Tls
                    | Problem::RateLimited
                    | Problem::CredentialStoreUnavailable
            );
            // A name not found or a certificate refused is an address to check, often a typo: waiting a moment
            // would find the same (Connect with "not-a-url" said "Try again in a moment").
            let check_the_address = matches!(self.problem, Problem::ServerNotFound | Problem::Tls);
            self.message = if check_the_address {
                let advice = self.message[what.len()..].trim_start();
                if self.asked_to_change {
                    format!("{what} Nothing was sent. {advice}")
                } else {
                    format!("{what} {advice}")
                }
            } else if unsent || !self.asked_to_change {
                if self.asked_to_change {
                    format!("{what} Nothing was sent; try again in a moment.")
                } else {
                    format!("{what} Try again in a moment.")
                }
            } else {
                format!("{what} It may have gone through all the same; try again in a moment.")
            };
            self.retry = false;
        }
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server took it; through the API, it answered with the post's id.
    Posted(Option<String>),
    Failed(Failure),
}

/// The JSON error body Mattermost sends (`model.AppError`); fields we do not read are ignored.
#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct AppError {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub request_id: String,
}

impl Problem {
    fn advice(self) -> &'static str {
        match self {
            Problem::WrongWebhook => {
                "Mattermost does not know this webhook: it may have been deleted or mistyped. Copy its address again \
                 from Mattermost (Integrations › Incoming webhooks) into the board's channel settings."
            }
            Problem::NotMattermost => {
                "The address answered, but not as a Mattermost webhook does. Check the webhook address in the board's \
                 channel settings."
            }
            Problem::WebhooksDisabled => {
                "Incoming webhooks are turned off on this Mattermost server. Ask its admin to enable them."
            }
            Problem::ChannelNotFound => {
                "Mattermost could not find the channel (or user) to post to. Check the channel override in the board's \
                 settings, or clear it to post to the webhook's own channel."
            }
            Problem::ChannelLocked => {
                "This webhook is locked to its own channel. Clear the channel override, or ask for a webhook for the \
                 other channel."
            }
            Problem::NoPermission => "The webhook's owner may not post to that channel. Pick a channel they belong to.",
            Problem::TooLarge => "The message is too large for this server. Include fewer quadrants or details.",
            Problem::RateLimited => "Mattermost asked Pickboard to slow down. The post will be sent again shortly.",
            Problem::ServerError => "The Mattermost server had a problem. The post will be sent again shortly.",
            Problem::Refused => "Mattermost refused the message. Try again; if it keeps failing, report it.",
            Problem::Timeout => "Mattermost did not answer in time. The post will be sent again shortly.",
            Problem::ServerNotFound => {
                "The Mattermost server's name could not be found. Check the address and your network."
            }
            Problem::Tls => {
                "A secure connection to the Mattermost server could not be made (its certificate was not accepted). \
                 Check the address, or ask the server's admin."
            }
            Problem::Offline => "Mattermost could not be reached. The post will be sent when the network is back.",
            Problem::NoAnswer => {
                "The connection to Mattermost broke before it answered. The post will be sent again shortly (once: \
                 what went through already is not sent twice)."
            }
            Problem::NotSignedIn => {
                "Mattermost did not accept your access token: it may be mistyped, revoked or expired, or the admin \
                 switched personal access tokens off. Make a new token (Profile › Security › Personal access tokens) \
                 and connect again."
            }
            Problem::NotMattermostServer => {
                "The address answered, but not as a Mattermost server does. Check the server's address: it is the \
                 address you open Mattermost at in the browser."
            }
            Problem::NotAllowed => {
                "Your account may not do this in that channel (post there, or read or edit that post). Ask the \
                 channel's admin, or pick a channel you belong to."
            }
            Problem::ChannelGone => {
                "The channel could not be found: it may have been deleted or archived, or you left it. Pick the \
                 board's channel again."
            }
            Problem::PostGone => {
                "The post to update is no longer in the channel (it was deleted?). Post the outcome as a new post."
            }
            Problem::NotConnected => {
                "Pickboard is not connected to your Mattermost account. Connect it (Post to channel), and the post \
                 goes out."
            }
            Problem::OtherServer => {
                "This post was made for another Mattermost server than the one connected now. Discard it, and post \
                 the outcome again."
            }
            Problem::OtherAccount => {
                "This post was made as another Mattermost account than the one connected now, and goes out only as \
                 that one: it is sent once that account is connected again. Or discard it, and post the outcome again."
            }
            Problem::CredentialStoreUnavailable => {
                "Your access token could not be read from the credential store (it may be locked). The post will be \
                 sent once it can be read."
            }
        }
    }

    /// Problems that go away by themselves, so the post is retried in the background.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Problem::RateLimited
                | Problem::CredentialStoreUnavailable
                | Problem::ServerError
                | Problem::Timeout
                | Problem::Offline
                | Problem::NoAnswer
                | Problem::ServerNotFound
        )
    }
}

impl Failure {
    /// A post made as another account than the one connected now, `connected` (its username), said with its name.
    pub fn other_account(connected: &str) -> Failure {
        Failure {
            message: format!(
                "This post was made as another Mattermost account than @{connected}, connected now, and goes out \
                 only as that one: it is sent once that account is connected again. Or discard it, and post the \
                 outcome again."
            ),
            ..Failure::new(Problem::OtherAccount)
        }
    }

    pub fn new(problem: Problem) -> Failure {
        Failure {
            problem,
            message: problem.advice().to_owned(),
            request_id: None,
            detail: None,
            error_id: None,
            retry: problem.is_transient(),
            retry_after_ms: None,
            asked_to_change: false,
        }
    }
}

/// Reads the server's answer: its status, body and the `Retry-After` and `X-Request-Id` headers.
pub fn classify(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    request_id: Option<&str>,
    hook: &WebhookUrl,
) -> Outcome {
    if status == 200 {
        return if body.trim() == "ok" {
            Outcome::Posted(None)
        } else {
            Outcome::Failed(Failure::new(Problem::NotMattermost))
        };
    }
    let error: AppError = serde_json::from_str(body).unwrap_or_default();
    let specific = |suffix: &str| error.id.ends_with(suffix);
    let problem = match status {
        501 => Problem::WebhooksDisabled,
        429 => Problem::RateLimited,
        413 => Problem::TooLarge,
        403 if specific("channel_locked.app_error") => Problem::ChannelLocked,
        403 => Problem::NoPermission,
        400 if specific("user.app_error") => Problem::ChannelNotFound,
        400 if specific("text.app_error") || specific("parse.app_error") || specific("decode.app_error") => {
            Problem::Refused
        }
        404 if specific("channel.app_error") => Problem::ChannelNotFound,
        // Newer servers wrap every cause in `general.app_error` and keep only the status: an unknown hook answers 400
        // (or 404), a missing channel 404. Our payload is valid, so a bare 400 means the hook.
        400 | 401 | 404 | 405 => Problem::WrongWebhook,
        500..=599 => Problem::ServerError,
        _ => Problem::Refused,
    };
    let mut failure = Failure::new(problem);
    let detail = if error.message.is_empty() {
        body.trim()
    } else {
        error.message.as_str()
    };
    if !detail.is_empty() && detail.len() <= 2_000 && !detail.starts_with('<') {
        failure.detail = Some(hook.redact(detail));
    }
    failure.request_id = request_id
        .map(str::to_owned)
        .or((!error.request_id.is_empty()).then_some(error.request_id));
    if problem == Problem::RateLimited {
        failure.retry_after_ms = retry_after
            .and_then(parse_retry_after)
            .map(|d| d.as_millis() as u64);
    }
    Outcome::Failed(failure)
}

/// `Retry-After` in seconds (the form Mattermost's rate limiter sends), at most an hour.
pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .map(|s| Duration::from_secs(s.min(3_600)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "xq9k3rj1d7nbtefhw8o5yzpa4c";

    fn hook() -> WebhookUrl {
        WebhookUrl::parse(&format!("https://chat.example.com/hooks/{ID}")).unwrap()
    }

    fn app_error(id: &str, message: &str, status: u16) -> String {
        serde_json::json!({"id": id, "message": message, "detailed_error": "", "request_id": "req26charsxxxxxxxxxxxxxxxx", "status_code": status})
            .to_string()
    }

    fn problem(status: u16, body: &str) -> Problem {
        match classify(status, body, None, None, &hook()) {
            Outcome::Failed(f) => f.problem,
            Outcome::Posted(_) => panic!("{status} {body} is not a success"),
        }
    }

    #[test]
    fn only_200_with_ok_is_success() {
        assert_eq!(classify(200, "ok", None, None, &hook()), Outcome::Posted(None));
        assert_eq!(
            problem(200, "<!doctype html><html>Mattermost</html>"),
            Problem::NotMattermost
        );
        assert_eq!(problem(200, ""), Problem::NotMattermost);
    }

    #[test]
    fn every_row_of_the_status_table_has_its_meaning() {
        let cases = [
            (501, app_error("web.incoming_webhook.disabled.app_error", "Incoming webhooks have been disabled by the system admin.", 501), Problem::WebhooksDisabled),
            (400, app_error("web.incoming_webhook.invalid.app_error", "Invalid webhook.", 400), Problem::WrongWebhook),
            (400, app_error("web.incoming_webhook.text.app_error", "No text specified", 400), Problem::Refused),
            (400, app_error("model.incoming_hook.parse_data.app_error", "Unable to parse incoming data", 400), Problem::WrongWebhook),
            (400, app_error("web.incoming_webhook.decode.app_error", "Unable to parse incoming data", 400), Problem::Refused),
            (400, app_error("web.incoming_webhook.user.app_error", "Couldn't find the user.", 400), Problem::ChannelNotFound),
            (404, app_error("web.incoming_webhook.channel.app_error", "Couldn't find the channel.", 404), Problem::ChannelNotFound),
            (403, app_error("web.incoming_webhook.channel_locked.app_error", "This webhook is not permitted to post to the requested channel.", 403), Problem::ChannelLocked),
            (403, app_error("web.incoming_webhook.permissions.app_error", "Inappropriate channel permissions.", 403), Problem::NoPermission),
            (413, app_error("api.context.request_body_too_large.app_error", "Request body too large.", 413), Problem::TooLarge),
            (429, "limit exceeded".to_owned(), Problem::RateLimited),
            (500, app_error("", "Internal Server Error", 500), Problem::ServerError),
            (502, "<html>Bad gateway</html>".to_owned(), Problem::ServerError),
            (404, app_error("web.incoming_webhook.general.app_error", &format!("Failed to handle the payload of media type application/json for incoming webhook {ID}."), 404), Problem::WrongWebhook),
        ];
        for (status, body, expected) in cases {
            assert_eq!(problem(status, &body), expected, "{status} {body}");
        }
    }

    #[test]
    fn failures_carry_advice_request_id_and_a_redacted_detail() {
        let body = app_error(
            "web.incoming_webhook.general.app_error",
            &format!(
                "Failed to handle the payload of media type application/json for incoming webhook {ID}."
            ),
            400,
        );
        let Outcome::Failed(f) = classify(400, &body, None, Some("reqid123"), &hook()) else {
            panic!()
        };
        assert_eq!(f.request_id.as_deref(), Some("reqid123"));
        assert!(f.message.contains("Copy its address again"));
        let detail = f.detail.unwrap();
        assert!(!detail.contains(ID), "{detail}");
        assert!(!f.retry, "a wrong webhook waits for the user");
    }

    #[test]
    fn rate_limits_and_server_errors_are_retried_honouring_retry_after() {
        let Outcome::Failed(f) = classify(429, "limit exceeded", Some("7"), None, &hook()) else {
            panic!()
        };
        assert!(f.retry);
        assert_eq!(f.retry_after_ms, Some(7_000));
        let Outcome::Failed(f) = classify(503, "", None, None, &hook()) else {
            panic!()
        };
        assert!(f.retry && f.retry_after_ms.is_none());
    }

    #[test]
    fn a_message_that_failed_promises_no_retry_and_says_whether_it_may_have_gone_through() {
        let asked = |problem| Failure {
            asked_to_change: true,
            ..Failure::new(problem)
        };
        let failure = asked(Problem::Timeout).not_queued();
        assert_eq!(
            failure.message,
            "Mattermost did not answer in time. It may have gone through all the same; try again in a moment."
        );
        assert!(!failure.retry);
        assert_eq!(
            asked(Problem::NoAnswer).not_queued().message,
            "The connection to Mattermost broke before it answered. It may have gone through all the same; try \
             again in a moment."
        );
        assert_eq!(
            asked(Problem::Offline).not_queued().message,
            "Mattermost could not be reached. Nothing was sent; try again in a moment."
        );
        // A name not found is an address to check, not a moment to wait.
        assert_eq!(
            Failure::new(Problem::ServerNotFound).not_queued().message,
            "The Mattermost server's name could not be found. Check the address and your network."
        );
        assert_eq!(
            asked(Problem::ServerNotFound).not_queued().message,
            "The Mattermost server's name could not be found. Nothing was sent. Check the address and your network."
        );
        // A read that timed out changed nothing.
        assert_eq!(
            Failure::new(Problem::Timeout).not_queued().message,
            "Mattermost did not answer in time. Try again in a moment."
        );
        let wrong = Failure::new(Problem::WrongWebhook);
        assert_eq!(
            wrong.clone().not_queued(),
            wrong,
            "a failure that waits for the user keeps its words"
        );
    }
}
