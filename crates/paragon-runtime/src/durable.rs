//! What a compiled workflow records so that a saved [`State`](crate::arazzo) can be resumed
//! without sending a request twice by surprise, and without waiting longer than was left.
//!
//! Before a step's request is sent, the workflow records it as [`InFlight`] (step, attempt, the
//! `Idempotency-Key` it carries, if any) and calls its checkpoint hook, so the caller can save
//! the state at that moment. When the response has been read the record is cleared. A state
//! saved with a record still in it was saved while the request was on the wire: the server may
//! or may not have seen it. Resuming such a state does what [`Resend`] says for that step.

use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::arazzo::WorkflowError;

/// The request of a step that was being sent when the state was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InFlight {
    /// The step's `stepId`.
    pub step: String,
    /// Which try of the step it was (1 for the first).
    pub attempt: u32,
    /// The `Idempotency-Key` header it was sent with, when the step sends one; the same key is
    /// sent again on resume, so a server that honours it applies the request once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// What resuming may do with a step's request that was in flight, decided when the workflow is
/// compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resend {
    /// Sending it again is harmless: an idempotent method (GET, HEAD, OPTIONS, PUT, DELETE, as
    /// the runtime's retries count them), a step that sets its own `Idempotency-Key`, or a step
    /// marked `x-paragon-idempotent: true`.
    Safe,
    /// Sent with a generated `Idempotency-Key` (the operation declares that header, or the step
    /// has `x-paragon-idempotency-key: true`); resent with the same key.
    Keyed,
    /// Neither: resuming ends with [`WorkflowError::InDoubt`], and the caller decides.
    InDoubt,
}

/// The header a [`Resend::Keyed`] step sends.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// Before a step's request is built: which attempt this is and the `Idempotency-Key` to send.
///
/// With no request in flight, the attempt count goes up by one (and a [`Resend::Keyed`] step
/// gets a new key). With this step's request in flight, the same attempt is sent again (with
/// the same key), unless resending is not safe: then the record stays and the result is
/// [`WorkflowError::InDoubt`]. Clear `State::in_flight` to send it again anyway.
pub fn prepare_send(
    in_flight: &mut Option<InFlight>,
    attempt: &mut u32,
    workflow: &'static str,
    step: &'static str,
    resend: Resend,
) -> Result<(u32, Option<String>), WorkflowError> {
    match in_flight.take() {
        Some(f) if f.step == step => {
            // Resent only with the key it carried, or when resending is harmless.
            if f.idempotency_key.is_none() && resend != Resend::Safe {
                let attempt = f.attempt;
                *in_flight = Some(f);
                return Err(WorkflowError::InDoubt {
                    workflow,
                    step,
                    attempt,
                });
            }
            *attempt = f.attempt;
            Ok((f.attempt, f.idempotency_key))
        }
        // A record of another step cannot be this one's; it is stale (a state edited by hand).
        _ => {
            *attempt = attempt.saturating_add(1);
            let key = (resend == Resend::Keyed).then(|| new_key(workflow, step));
            Ok((*attempt, key))
        }
    }
}

tokio::task_local! {
    /// Set by a durable driver around one transition (see [`with_key_seed`]): the seed and how
    /// many keys were made from it so far.
    static KEY_SEED: std::cell::Cell<(u64, u64)>;
}

/// Runs `transition` so that the idempotency keys it makes derive from `seed` (the n-th key
/// from `seed` and n) instead of randomness. A durable engine that may run a transition again
/// after a crash passes a seed that is the same every time it runs that transition, so a step
/// sent again carries the key it carried the first time and the server can apply it once.
pub async fn with_key_seed<F: std::future::Future>(seed: u64, transition: F) -> F::Output {
    KEY_SEED
        .scope(std::cell::Cell::new((seed, 0)), transition)
        .await
}

/// SplitMix64's finaliser: a fixed, well-mixed function of its input (the same on every
/// platform and version, unlike the standard library's hashers).
pub(crate) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A fresh idempotency key, as 32 hex digits after the workflow and step ids: inside
/// [`with_key_seed`], derived from its seed; otherwise 128 bits from the standard library's
/// per-process random hasher keys, the time and a counter.
fn new_key(workflow: &str, step: &str) -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    if let Ok((seed, n)) = KEY_SEED.try_with(|c| {
        let (seed, n) = c.get();
        c.set((seed, n.wrapping_add(1)));
        (seed, n)
    }) {
        let first = mix(seed ^ mix(n));
        return format!("{workflow}.{step}.{first:016x}{:016x}", mix(first));
    }
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |salt: u64| {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u64(n);
        h.write_u128(nanos);
        h.write_u32(std::process::id());
        h.finish()
    };
    format!("{workflow}.{step}.{:016x}{:016x}", half(1), half(2))
}

/// A workflow's checkpoint hook (`Workflow::with_checkpoint`).
pub type Checkpoint<S> = Option<Box<dyn FnMut(&S) + Send>>;

/// Calls the checkpoint hook, if there is one, with the state.
pub fn checkpoint<S>(hook: &mut Checkpoint<S>, state: &S) {
    if let Some(hook) = hook.as_mut() {
        hook(state);
    }
}

/// The wait a state records (`State::wait_until`), if any; an error when it ends past the
/// deadline (waiting for it would be in vain).
pub fn pending_wait(
    wait_until: Option<u64>,
    deadline: Option<SystemTime>,
    workflow: &'static str,
    step: &'static str,
) -> Result<Option<SystemTime>, WorkflowError> {
    let Some(until) = wait_until.map(from_unix_millis) else {
        return Ok(None);
    };
    match deadline {
        Some(deadline) if until > deadline => {
            Err(WorkflowError::DeadlineExceeded { workflow, step })
        }
        _ => Ok(Some(until)),
    }
}

/// An error once `now` is at or past the deadline.
pub fn check_deadline(
    deadline: Option<SystemTime>,
    now: SystemTime,
    workflow: &'static str,
    step: &'static str,
) -> Result<(), WorkflowError> {
    match deadline {
        Some(deadline) if now >= deadline => {
            Err(WorkflowError::DeadlineExceeded { workflow, step })
        }
        _ => Ok(()),
    }
}

/// `t` as Unix milliseconds, rounded up (so waiting until the stored time never ends early).
pub fn unix_millis(t: SystemTime) -> u64 {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let ms = d.as_millis() + u128::from(!d.subsec_nanos().is_multiple_of(1_000_000));
    u64::try_from(ms).unwrap_or(u64::MAX)
}

/// The time `ms` Unix milliseconds stand for.
pub fn from_unix_millis(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_send_counts_an_attempt_and_keys_only_keyed_steps() {
        let mut in_flight = None;
        let mut attempt = 2;
        let (a, key) = prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Safe).unwrap();
        assert_eq!((a, attempt, key), (3, 3, None));
        let (_, k1) = prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).unwrap();
        let (_, k2) = prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).unwrap();
        let (k1, k2) = (k1.unwrap(), k2.unwrap());
        assert!(k1.starts_with("w.s.") && k1.len() == 4 + 32, "{k1}");
        assert_ne!(k1, k2);
    }

    #[tokio::test]
    async fn keys_made_under_a_seed_are_the_same_every_time_the_transition_runs() {
        let keys = || async {
            let (mut in_flight, mut attempt) = (None, 0);
            let (_, a) =
                prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).unwrap();
            let (_, b) =
                prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).unwrap();
            (a.unwrap(), b.unwrap())
        };
        let first = with_key_seed(7, keys()).await;
        let again = with_key_seed(7, keys()).await;
        let other = with_key_seed(8, keys()).await;
        assert_eq!(first, again);
        assert_ne!(first.0, first.1, "two keys of one transition differ");
        assert_ne!(first.0, other.0, "another seed, another key");
        assert!(
            first.0.starts_with("w.s.") && first.0.len() == 4 + 32,
            "{}",
            first.0
        );
        // Outside a seed, keys stay random.
        assert_ne!(keys().await, keys().await);
    }

    #[test]
    fn resuming_an_in_flight_send() {
        let record = |key: Option<&str>| {
            Some(InFlight {
                step: "s".into(),
                attempt: 4,
                idempotency_key: key.map(str::to_owned),
            })
        };
        // Safe: the same attempt again, not a new one.
        let (mut in_flight, mut attempt) = (record(None), 4);
        let r = prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Safe).unwrap();
        assert_eq!((r, attempt, in_flight), ((4, None), 4, None));
        // Keyed: the same key.
        let (mut in_flight, mut attempt) = (record(Some("w.s.k")), 4);
        let r = prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).unwrap();
        assert_eq!(r, (4, Some("w.s.k".to_owned())));
        // Keyed, but recorded without a key (a state from before the step sent one): in doubt.
        let (mut in_flight, mut attempt) = (record(None), 4);
        assert!(prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::Keyed).is_err());
        // In doubt: an error naming the step and attempt, and the record kept.
        let (mut in_flight, mut attempt) = (record(None), 4);
        let err =
            prepare_send(&mut in_flight, &mut attempt, "w", "s", Resend::InDoubt).unwrap_err();
        assert!(matches!(
            err,
            WorkflowError::InDoubt {
                workflow: "w",
                step: "s",
                attempt: 4
            }
        ));
        assert_eq!(in_flight, record(None));
        // Another step's record is stale: a fresh send.
        let (mut in_flight, mut attempt) = (record(None), 1);
        let r = prepare_send(&mut in_flight, &mut attempt, "w", "t", Resend::InDoubt).unwrap();
        assert_eq!(r, (2, None));
    }

    #[test]
    fn waits_and_deadlines() {
        let at = |s: u64| UNIX_EPOCH + Duration::from_secs(s);
        assert_eq!(pending_wait(None, Some(at(1)), "w", "s").unwrap(), None);
        assert_eq!(
            pending_wait(Some(5_000), None, "w", "s").unwrap(),
            Some(at(5))
        );
        assert_eq!(
            pending_wait(Some(5_000), Some(at(5)), "w", "s").unwrap(),
            Some(at(5))
        );
        assert!(matches!(
            pending_wait(Some(5_001), Some(at(5)), "w", "s"),
            Err(WorkflowError::DeadlineExceeded {
                workflow: "w",
                step: "s"
            })
        ));
        assert!(check_deadline(None, at(9), "w", "s").is_ok());
        assert!(check_deadline(Some(at(9)), at(8), "w", "s").is_ok());
        assert!(check_deadline(Some(at(9)), at(9), "w", "s").is_err());
        let mut seen = Vec::new();
        let mut hook: Checkpoint<u32> = None;
        checkpoint(&mut hook, &1);
        let (tx, rx) = std::sync::mpsc::channel();
        hook = Some(Box::new(move |s: &u32| tx.send(*s).unwrap()));
        checkpoint(&mut hook, &2);
        seen.extend(rx.try_iter());
        assert_eq!(seen, [2]);
    }

    #[test]
    fn millis_round_up() {
        let t = UNIX_EPOCH + Duration::from_nanos(1_500_000_001);
        assert_eq!(unix_millis(t), 1_501);
        assert!(from_unix_millis(unix_millis(t)) >= t);
        assert_eq!(unix_millis(UNIX_EPOCH + Duration::from_secs(2)), 2_000);
    }
}
