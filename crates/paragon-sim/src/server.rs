//! [`Sim`]: building the router and serving it; [`SimHandle`]: a running simulator.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{Method, Uri};
use axum::middleware::from_fn_with_state;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::SimConfig;
use crate::error::ApiError;
use crate::state::{LoggedRequest, SimState};
use crate::{auth, faults, managed_sync, permissions, task_history, traffic};

/// How long [`SimHandle::shutdown`] lets open connections finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The simulator of the Paragon Managed Sync and Task History APIs.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use paragon_sim::{Sim, SimConfig};
///
/// let sim = Sim::start(SimConfig::default().syncing_polls(1)).await?;
/// println!("serving on {}", sim.base_url());
/// // ... point clients at sim.base_url() with the bearer token "sim-token" ...
/// assert!(sim.requests().is_empty());
/// sim.shutdown().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Sim;

impl Sim {
    /// Serves a new simulator on `127.0.0.1` at a free port.
    pub async fn start(config: SimConfig) -> io::Result<SimHandle> {
        Self::bind(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await
    }

    /// Serves a new simulator on `addr` (port 0 picks a free port).
    pub async fn bind(config: SimConfig, addr: SocketAddr) -> io::Result<SimHandle> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(SimState::new(config));
        let app = router(state.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    // A dropped sender also means stop.
                    let _ = stopped.await;
                })
                .await
        });
        Ok(SimHandle {
            addr,
            state,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The simulator as a router, for embedding in another axum app or server. It has its own
    /// state; its request log is not reachable from outside (use [`Sim::start`] for that).
    pub fn router(config: SimConfig) -> Router {
        router(Arc::new(SimState::new(config)))
    }
}

/// Both APIs, authenticated per API, behind the budget and the log.
fn router(state: Arc<SimState>) -> Router {
    let managed_sync = managed_sync::routes()
        .merge(permissions::routes())
        .route_layer(from_fn_with_state(state.clone(), auth::managed_sync));
    let task_history =
        task_history::routes().route_layer(from_fn_with_state(state.clone(), auth::task_history));
    Router::new()
        .merge(managed_sync)
        .merge(task_history)
        .fallback(unknown_path)
        .method_not_allowed_fallback(unknown_method)
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn_with_state(state.clone(), traffic::track))
        .with_state(state)
}

async fn unknown_path(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no Paragon endpoint at {method} {}", uri.path()))
}

async fn unknown_method(method: Method, uri: Uri) -> ApiError {
    ApiError::method_not_allowed(format!("{} does not accept {method}", uri.path()))
}

/// A running simulator. Dropping it (or [`SimHandle::shutdown`]) stops the server.
#[derive(Debug)]
pub struct SimHandle {
    addr: SocketAddr,
    state: Arc<SimState>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<io::Result<()>>>,
}

impl SimHandle {
    /// `http://127.0.0.1:<port>`: the base URL for both APIs' clients.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the simulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request answered so far, in order, as `METHOD /path` (query string left out),
    /// e.g. `GET /projects/p1/sync/status`.
    pub fn requests(&self) -> Vec<String> {
        self.state
            .log()
            .iter()
            .map(LoggedRequest::to_string)
            .collect()
    }

    /// Every request answered so far, with query string and response status.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        self.state.log()
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        self.state.clear_log();
    }

    /// Makes the whole [`SimConfig::request_budget`] available again.
    pub fn reset_request_budget(&self) {
        self.state.reset_budget();
    }

    /// The configuration the simulator runs with.
    pub fn config(&self) -> &SimConfig {
        &self.state.config
    }

    /// Stops accepting connections, lets open ones finish (for up to 5 seconds) and waits for
    /// the server to end. Returns the server's error, if it failed.
    pub async fn shutdown(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let Some(mut task) = self.task.take() else {
            return Ok(());
        };
        match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(io::Error::other(join)),
            Err(_) => {
                task.abort();
                Ok(())
            }
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
