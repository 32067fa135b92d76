//! The seed workflow as a Restate service: each workflow's Managed Sync client carries the
//! token of the connected user its key names.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use paragon_generated::sync_flow::Clients;
use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, Workflow};
use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_runtime::restate::Durable;

use crate::key::SeedKey;

/// The most users whose clients are kept (keys come from outside; past this the cache starts
/// over).
const MAX_CACHED_USERS: usize = 10_000;

/// Which token each connected user's requests carry.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Per user.
    pub by_user: HashMap<String, String>,
    /// For users not in `by_user` (a deployment for one user, or a shared test token).
    pub default: Option<String>,
}

impl Tokens {
    fn for_user(&self, user: &str) -> Option<&str> {
        self.by_user
            .get(user)
            .or(self.default.as_ref())
            .map(String::as_str)
    }
}

/// The seed workflow served durably: the key (`projectId:user:integration:syncType`) must agree
/// with the inputs, and the user must have a token; otherwise the workflow ends at once with a
/// terminal error (400) that says why. Clients are made once per user and shared by that user's
/// workflows (one connection pool for all of them).
///
/// Fails at once (not per workflow) when the base URL or the HTTP client is unusable.
pub fn seed_service(base_url: &str, tokens: Tokens) -> Result<Durable<Workflow>, String> {
    let parsed = paragon_runtime::url::Url::parse(base_url)
        .map_err(|e| format!("--base-url {base_url:?} is not a URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("--base-url {base_url:?} is not an http(s) URL"));
    }
    let base_url = base_url.to_owned();
    let http = paragon_runtime::reqwest::Client::builder()
        .redirect(paragon_runtime::reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("building the HTTP client: {e}"))?;
    let cache: Arc<Mutex<HashMap<String, Clients>>> = Arc::default();
    Ok(Durable::with_clients(move |key: &str, inputs: &Inputs| {
        let key: SeedKey = key.parse()?;
        if key.project_id != inputs.project_id
            || key.integration != inputs.integration
            || key.sync_type != inputs.sync_type
        {
            return Err(format!(
                "the key {key} does not name the inputs' project {:?}, integration {:?} and syncType {:?}",
                inputs.project_id, inputs.integration, inputs.sync_type
            ));
        }
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(clients) = cache.get(&key.user) {
            return Ok(clients.clone());
        }
        if cache.len() >= MAX_CACHED_USERS {
            cache.clear();
        }
        let token = tokens
            .for_user(&key.user)
            .ok_or_else(|| format!("no token for the connected user {:?}", key.user))?;
        let clients = Clients::from(seed_client(&base_url, token, &http, None)?);
        cache.insert(key.user, clients.clone());
        Ok(clients)
    }))
}

/// The Managed Sync client of one connected user: `token`, over the shared `http` client, on
/// `clock` (the system clock when `None`).
pub fn seed_client(
    base_url: &str,
    token: &str,
    http: &paragon_runtime::reqwest::Client,
    clock: Option<std::sync::Arc<dyn paragon_runtime::Clock>>,
) -> Result<Client, String> {
    let http = http.clone();
    Client::builder()
        .base_url(base_url)
        .bearer_auth(token)
        .runtime(move |r| {
            let r = r.http_client(http);
            match clock {
                Some(c) => r.clock(c),
                None => r,
            }
        })
        .build()
        .map_err(|e| format!("building the Managed Sync client: {e}"))
}
