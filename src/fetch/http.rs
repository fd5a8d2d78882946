//! GET with the rules of a polite client: timeouts on connect and on every read, retries on
//! 429 and 5xx after the server's Retry-After (or a bounded backoff), at most a few times and
//! a bounded total wait, and a clear message for every other status. The subscription key
//! goes in a header only; no URL, message or log line carries it.

use std::time::Duration;

use crate::error::{Error, Result};

/// How long to wait and how often to try.
#[derive(Clone, Debug)]
pub struct Limits {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    /// Tries per request, the first included.
    pub attempts: u32,
    /// The first wait without a Retry-After; each next one doubles.
    pub first_backoff: Duration,
    /// No single wait is longer (a longer Retry-After ends the tries).
    pub longest_wait: Duration,
    /// All waits of one request together.
    pub total_wait: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(60),
            attempts: 4,
            first_backoff: Duration::from_secs(2),
            longest_wait: Duration::from_secs(60),
            total_wait: Duration::from_secs(120),
        }
    }
}

/// What happened to one request, for the provenance and the notes.
#[derive(Clone, Debug, Default)]
pub struct Attempts {
    /// The statuses that were retried, in order, with the wait before the next try.
    pub retried: Vec<(u16, Duration)>,
}

pub struct Client {
    client: reqwest::Client,
    runtime: tokio::runtime::Runtime,
    key: Option<String>,
    limits: Limits,
}

/// The header the Comtrade+ API reads the subscription key from.
pub const KEY_HEADER: &str = "Ocp-Apim-Subscription-Key";

impl Client {
    pub fn new(key: Option<String>, limits: Limits) -> Result<Client> {
        let client = reqwest::Client::builder()
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .user_agent(concat!("tradestat/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Options(format!("cannot start the HTTP client: {e}")))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Options(format!("cannot start the HTTP client: {e}")))?;
        Ok(Client {
            client,
            runtime,
            key,
            limits,
        })
    }

    /// The body of a 200 answer to `url`, after retries; `what` names the request in
    /// messages (the URL, which never holds the key).
    pub fn get(&self, url: &str) -> Result<(String, Attempts)> {
        let fail = |message: String| Error::Fetch {
            url: url.to_string(),
            message,
        };
        let mut attempts = Attempts::default();
        let mut waited = Duration::ZERO;
        let mut backoff = self.limits.first_backoff;
        for attempt in 1..=self.limits.attempts {
            let answer = self.runtime.block_on(self.once(url));
            let (status, retry_after, body) = match answer {
                Ok(a) => a,
                Err(e) if attempt < self.limits.attempts && is_transient(&e) => {
                    let wait = backoff.min(self.limits.longest_wait);
                    if waited + wait > self.limits.total_wait {
                        return Err(fail(describe(&e)));
                    }
                    attempts.retried.push((0, wait));
                    std::thread::sleep(wait);
                    waited += wait;
                    backoff *= 2;
                    continue;
                }
                Err(e) => return Err(fail(describe(&e))),
            };
            // A 403 with Retry-After is the API's quota signal, not a refused key.
            let quota = status == 403 && retry_after.is_some();
            match status {
                200 => return Ok((body, attempts)),
                _ if quota || status == 429 || (500..=599).contains(&status) => {
                    let wait = retry_after.unwrap_or(backoff);
                    if attempt == self.limits.attempts {
                        return Err(fail(format!(
                            "HTTP {status} {} after {} tries{}",
                            reason(status),
                            attempt,
                            api_message(&body)
                                .map(|m| format!(": {m}"))
                                .unwrap_or_default()
                        )));
                    }
                    if wait > self.limits.longest_wait || waited + wait > self.limits.total_wait {
                        return Err(fail(format!(
                            "HTTP {status} {}: the server asks to wait {} s, more than the {} s this client waits in all",
                            reason(status),
                            wait.as_secs(),
                            self.limits.total_wait.as_secs()
                        )));
                    }
                    attempts.retried.push((status, wait));
                    std::thread::sleep(wait);
                    waited += wait;
                    backoff *= 2;
                }
                401 | 403 => {
                    return Err(fail(match &self.key {
                        None => format!(
                            "HTTP {status}: the API wants a subscription key; set COMTRADE_API_KEY (the key is sent in the {KEY_HEADER} header and written nowhere)"
                        ),
                        Some(_) => format!(
                            "HTTP {status}: the subscription key in COMTRADE_API_KEY was refused (wrong, expired, or not subscribed to this API)"
                        ),
                    }));
                }
                _ => {
                    return Err(fail(format!(
                        "HTTP {status} {}{}",
                        reason(status),
                        api_message(&body)
                            .map(|m| format!(": {m}"))
                            .unwrap_or_default()
                    )));
                }
            }
        }
        Err(fail("no answer".to_string()))
    }

    async fn once(
        &self,
        url: &str,
    ) -> std::result::Result<(u16, Option<Duration>, String), reqwest::Error> {
        let mut request = self.client.get(url);
        if let Some(key) = &self.key {
            request = request.header(KEY_HEADER, key);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        // A body shorter than its Content-Length is an error here, never a short answer.
        let body = response.text().await?;
        Ok((status, retry_after, body))
    }
}

/// A refused connection is tried again; a timeout is not (the server is slow, and waiting
/// again is the user's call: --timeout).
fn is_transient(e: &reqwest::Error) -> bool {
    e.is_connect() && !e.is_timeout()
}

/// A transport error in words, without the URL (the caller says it).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer within the timeout (--timeout)".to_string()
    } else if e.is_connect() {
        "cannot connect to the server".to_string()
    } else if e.is_body() || e.is_decode() {
        "the answer was cut short (the connection closed before the whole body came)".to_string()
    } else {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            text = format!("{text}: {s}");
            source = s.source();
        }
        text.replace(&e.url().map(|u| u.to_string()).unwrap_or_default(), "")
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The message of an API error body (`{"statusCode": 400, "message": "..."}`,
/// `{"error": "..."}`), or its first line when it is not JSON.
pub fn api_message(body: &str) -> Option<String> {
    let text = body.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(v) = super::json::parse(text) {
        for key in ["message", "error", "Message", "detail"] {
            if let Some(m) = v
                .get(key)
                .and_then(|m| m.as_text())
                .filter(|m| !m.is_empty())
            {
                return Some(m);
            }
        }
    }
    let line: String = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    Some(line)
}
