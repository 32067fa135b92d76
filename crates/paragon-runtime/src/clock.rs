//! Injectable time source.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

/// Injectable time. All sleeping in the runtime (retry back-off, rate
/// limiting) goes through the client's clock, so tests can use
/// [`ManualClock`] and never really wait.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Monotonic time since an arbitrary, fixed epoch.
    fn now(&self) -> Duration;
    /// Current wall-clock time, used to interpret `Retry-After` HTTP dates.
    fn wall_now(&self) -> SystemTime;
    /// A future that completes after `d` has passed. Waits until a wall-clock time (a
    /// workflow's `Progress::Wait`) sleep the difference and then look at [`Clock::wall_now`]
    /// again, so a clock that runs faster than real time must advance `wall_now` as fast as it
    /// sleeps.
    fn sleep(&self, d: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>>;
}

/// The real clock: [`std::time::Instant`], [`SystemTime::now`] and
/// [`tokio::time::sleep`] (so it requires a Tokio runtime with the time
/// driver enabled).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

fn process_epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        process_epoch().elapsed()
    }

    fn wall_now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, d: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        Box::pin(tokio::time::sleep(d))
    }
}

#[derive(Debug, Default)]
struct ManualState {
    elapsed: Duration,
    sleeps: Vec<Duration>,
}

/// A virtual clock for tests: [`Clock::sleep`] returns immediately, advances
/// virtual time by the requested duration and records it.
///
/// Monotonic time starts at zero; wall time starts at
/// 2023-11-14T22:13:20Z (Unix time 1 700 000 000) unless set with
/// [`ManualClock::with_wall_start`], and both advance together.
#[derive(Debug)]
pub struct ManualClock {
    wall_start: SystemTime,
    state: Mutex<ManualState>,
}

impl ManualClock {
    /// Default wall-clock start: Unix time 1 700 000 000.
    const DEFAULT_WALL_START: Duration = Duration::from_secs(1_700_000_000);

    /// A new clock at virtual time zero.
    pub fn new() -> Arc<Self> {
        Self::with_wall_start(SystemTime::UNIX_EPOCH + Self::DEFAULT_WALL_START)
    }

    /// A new clock whose wall time starts at `wall_start`.
    pub fn with_wall_start(wall_start: SystemTime) -> Arc<Self> {
        Arc::new(Self {
            wall_start,
            state: Mutex::new(ManualState::default()),
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, ManualState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Every duration passed to [`Clock::sleep`], in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.state().sleeps.clone()
    }

    /// Total virtual time elapsed (sleeps plus [`ManualClock::advance`]).
    pub fn elapsed(&self) -> Duration {
        self.state().elapsed
    }

    /// Advances virtual time without recording a sleep.
    pub fn advance(&self, d: Duration) {
        let mut state = self.state();
        state.elapsed = state.elapsed.saturating_add(d);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        self.elapsed()
    }

    fn wall_now(&self) -> SystemTime {
        let elapsed = self.elapsed();
        self.wall_start
            .checked_add(elapsed)
            .unwrap_or(self.wall_start)
    }

    fn sleep(&self, d: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        let mut state = self.state();
        state.elapsed = state.elapsed.saturating_add(d);
        state.sleeps.push(d);
        Box::pin(std::future::ready(()))
    }
}
