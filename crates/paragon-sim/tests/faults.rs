//! Injected faults reach the generated client as the typed errors they should be, and a seeded
//! share of requests is faulted.

use std::time::Duration;

use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_runtime::{Error, Limits};
use paragon_sim::{Faults, Sim, SimConfig};

async fn client(faults: &str) -> (paragon_sim::SimHandle, Client) {
    let sim = Sim::start(SimConfig::default().faults(Faults::parse(faults).unwrap()))
        .await
        .unwrap();
    let client = Client::builder()
        .base_url(&sim.base_url())
        .bearer_auth(paragon_sim::DEFAULT_TOKEN)
        .runtime(|r| {
            r.retry_policy(paragon_runtime::RetryPolicy::none())
                .limits(Limits {
                    read_idle: Duration::from_millis(300),
                    ..Limits::default()
                })
        })
        .build()
        .unwrap();
    (sim, client)
}

async fn status(client: &Client) -> Result<(), Error> {
    client
        .get_sync_status("p1", "googleDrive", "files")
        .await
        .map(|_| ())
}

#[tokio::test]
async fn each_fault_is_a_typed_error() {
    for (spec, check) in [
        (
            "500=1",
            (|e: &Error| {
                e.status().map(|s| s.as_u16()) == Some(500) && !matches!(e, Error::Decode { .. })
            }) as fn(&Error) -> bool,
        ),
        ("429=1", |e| e.status().map(|s| s.as_u16()) == Some(429)),
        ("reset=1", |e| {
            matches!(e, Error::Transport(_) | Error::Decode { .. })
        }),
        ("truncate=1", |e| matches!(e, Error::Decode { .. })),
        ("invalid=1", |e| matches!(e, Error::Decode { .. })),
        ("stall=1,stall-secs=2", |e| {
            matches!(e, Error::Timeout { .. })
        }),
    ] {
        let (_sim, client) = client(spec).await;
        let err = status(&client).await.unwrap_err();
        assert!(check(&err), "{spec}: {err:?}");
    }
    // A slow body under the idle timeout is read whole.
    let (_sim, client) = client("slow=1,slow-ms=100").await;
    status(&client).await.unwrap();
}

#[tokio::test]
async fn a_share_of_requests_is_faulted() {
    let (sim, client) = client("seed=3,500=0.3").await;
    let mut failed = 0;
    for _ in 0..200 {
        failed += usize::from(status(&client).await.is_err());
    }
    assert!((30..90).contains(&failed), "{failed} of 200");
    assert_eq!(sim.requests().len(), 200);
}
