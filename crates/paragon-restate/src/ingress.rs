//! Restate's HTTP APIs as the harness uses them: register a service deployment (admin API),
//! submit a workflow, ask its progress, read its output (ingress).

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use paragon_runtime::FailureReport;
use paragon_runtime::reqwest::{Client, StatusCode};
use paragon_runtime::restate::ProgressSummary;
use paragon_runtime::serde_json::{self, Value, json};

/// The largest answer read from Restate.
const MAX_ANSWER_BYTES: usize = 16 << 20;

/// A Restate server (or cluster) as seen from outside.
#[derive(Clone)]
pub struct Restate {
    http: Client,
    /// Its admin API, e.g. `http://127.0.0.1:9070`.
    pub admin: String,
    /// Its ingress, e.g. `http://127.0.0.1:8080`.
    pub ingress: String,
}

/// How a submission was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// A new workflow started.
    Accepted,
    /// A workflow with this key had already been submitted: nothing new started.
    PreviouslyAccepted,
}

/// How a workflow ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Ended {
    /// Its outputs.
    Done(Value),
    /// The terminal error: the HTTP status Restate answered with and the failure it carries.
    Failed(u16, FailureReport),
}

async fn body(response: paragon_runtime::reqwest::Response) -> Result<(StatusCode, Vec<u8>)> {
    let status = response.status();
    let mut bytes = Vec::new();
    let mut response = response;
    while let Some(chunk) = response.chunk().await.context("reading Restate's answer")? {
        if bytes.len() + chunk.len() > MAX_ANSWER_BYTES {
            bail!("Restate's answer is larger than {MAX_ANSWER_BYTES} bytes");
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((status, bytes))
}

impl Restate {
    /// Restate at these addresses.
    pub fn new(http: Client, admin: String, ingress: String) -> Self {
        Restate {
            http,
            admin,
            ingress,
        }
    }

    /// Registers the service deployment at `uri`, retrying until it answers or `timeout`.
    pub async fn register(&self, uri: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        let url = format!("{}/deployments", self.admin);
        let body = json!({ "uri": uri, "force": true });
        loop {
            // Refused until the service listens: keep asking.
            let why = match self.post(&url, Some(&body)).await {
                Ok(_) => return Ok(()),
                Err(e) => format!("{e:#}"),
            };
            if Instant::now() > deadline {
                bail!("registering {uri} with Restate failed: {why}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Sends `request`; its status and body, read up to the cap.
    async fn send(
        request: paragon_runtime::reqwest::RequestBuilder,
        what: &str,
    ) -> Result<(StatusCode, Vec<u8>)> {
        let response = request.send().await.with_context(|| what.to_owned())?;
        body(response).await
    }

    /// POSTs to `url` (with `json` as the body, if any); the answer's body, which must be a
    /// success.
    async fn post(&self, url: &str, json: Option<&Value>) -> Result<Vec<u8>> {
        let mut request = self.http.post(url);
        if let Some(json) = json {
            request = request.json(json);
        }
        let (status, bytes) = Self::send(request, &format!("POST {url}")).await?;
        if !status.is_success() {
            bail!("POST {url}: {status}: {}", String::from_utf8_lossy(&bytes));
        }
        Ok(bytes)
    }

    /// Starts workflow `service` with `key` and `inputs` (fire and forget).
    pub async fn submit(&self, service: &str, key: &str, inputs: &Value) -> Result<Submitted> {
        let url = format!("{}/{service}/{key}/run/send", self.ingress);
        let bytes = self.post(&url, Some(inputs)).await?;
        let answer: Value = serde_json::from_slice(&bytes)
            .with_context(|| format!("POST {url}: the answer is not JSON"))?;
        match answer.get("status").and_then(Value::as_str) {
            Some("Accepted") => Ok(Submitted::Accepted),
            Some("PreviouslyAccepted") => Ok(Submitted::PreviouslyAccepted),
            _ => bail!("POST {url}: unexpected answer {answer}"),
        }
    }

    /// The workflow's progress (its `progress` handler).
    pub async fn progress(&self, service: &str, key: &str) -> Result<ProgressSummary> {
        let url = format!("{}/{service}/{key}/progress", self.ingress);
        let bytes = self.post(&url, None).await?;
        serde_json::from_slice(&bytes)
            .with_context(|| format!("POST {url}: not a progress summary"))
    }

    /// How the workflow ended, or `None` while it runs.
    pub async fn output(&self, service: &str, key: &str) -> Result<Option<Ended>> {
        self.ended(service, key, "output").await
    }

    /// Waits (one long request) until the workflow ends, then how it ended.
    pub async fn attach(&self, service: &str, key: &str) -> Result<Ended> {
        self.ended(service, key, "attach")
            .await?
            .with_context(|| format!("attaching to {service}/{key}: it had not ended"))
    }

    async fn ended(&self, service: &str, key: &str, how: &str) -> Result<Option<Ended>> {
        let url = format!("{}/restate/workflow/{service}/{key}/{how}", self.ingress);
        let (status, bytes) = Self::send(self.http.get(&url), &format!("GET {url}")).await?;
        if status.is_success() {
            let outputs = serde_json::from_slice(&bytes)
                .with_context(|| format!("GET {url}: the outputs are not JSON"))?;
            return Ok(Some(Ended::Done(outputs)));
        }
        if status.as_u16() == 470 {
            return Ok(None);
        }
        // A terminal error: `{"code", "message"}` where the message is a `FailureReport`.
        let failure = serde_json::from_slice::<Value>(&bytes)
            .ok()
            .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned))
            .and_then(|m| serde_json::from_str::<FailureReport>(&m).ok());
        match failure {
            Some(report) => Ok(Some(Ended::Failed(status.as_u16(), report))),
            None => bail!("GET {url}: {status}: {}", String::from_utf8_lossy(&bytes)),
        }
    }

    /// Waits until every workflow of `keys` has ended, or fails at `timeout` naming those still
    /// running. Answers in the order of `keys`.
    pub async fn wait_all(
        &self,
        service: &str,
        keys: &[String],
        timeout: Duration,
    ) -> Result<Vec<Ended>> {
        let deadline = Instant::now() + timeout;
        let mut ended: Vec<Option<Ended>> = vec![None; keys.len()];
        let mut last_error = None;
        loop {
            for (key, slot) in keys.iter().zip(ended.iter_mut()) {
                if slot.is_none() {
                    // A node that is restarting answers with errors for a while: keep asking.
                    match self.output(service, key).await {
                        Ok(answer) => *slot = answer,
                        Err(e) => last_error = Some(e),
                    }
                }
            }
            let left: Vec<&String> = keys
                .iter()
                .zip(&ended)
                .filter(|(_, e)| e.is_none())
                .map(|(k, _)| k)
                .collect();
            if left.is_empty() {
                return Ok(ended.into_iter().flatten().collect());
            }
            if Instant::now() > deadline {
                let why = last_error.map_or(String::new(), |e| format!(" (last error: {e:#})"));
                bail!(
                    "{} workflows did not end within {timeout:?}, e.g. {}{why}",
                    left.len(),
                    left[0]
                );
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
}
