//! The demo (connected users' workflows, their progress live) and the kill tests.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result, bail, ensure};
use paragon_restate::ingress::{Ended, Submitted};
use paragon_restate::{SEED_SERVICE, SeedKey};
use paragon_runtime::serde_json::{self, Value};

use crate::Common;
use crate::harness::{Harness, PROJECT, Setup, inputs, keys_for, users};

/// Submits every key; fails unless each starts a new workflow.
async fn submit_all(h: &Harness, keys: &[SeedKey]) -> Result<()> {
    for key in keys {
        let taken = h
            .restate
            .submit(SEED_SERVICE, &key.to_string(), &inputs(key))
            .await?;
        ensure!(
            taken == Submitted::Accepted,
            "{key} was not a new workflow ({taken:?})"
        );
    }
    Ok(())
}

/// `n records, status IDLE` for a finished seed workflow's outputs.
fn describe(outputs: &Value) -> String {
    let records = outputs
        .get("records")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let status = outputs.get("status").and_then(Value::as_str).unwrap_or("?");
    let more = if outputs.get("nextCursor").is_some_and(|c| !c.is_null()) {
        ", more pages"
    } else {
        ""
    };
    format!("status {status}, {records} records{more}")
}

/// `demo`: connected users' syncs through one Restate node, watched live.
pub async fn demo(common: &Common) -> Result<()> {
    let n = common.count;
    let users = users(n);
    println!("starting the simulator, a Restate node and the paragon-restate service…");
    let h = Harness::up(
        common,
        &Setup {
            nodes: 1,
            users: users.clone(),
            syncing_polls: 2,
            refused_users: Vec::new(),
        },
    )
    .await?;
    let keys = keys_for(&users)?;
    let started = Instant::now();
    submit_all(&h, &keys).await?;
    println!(
        "submitted {n} workflows `{SEED_SERVICE}` (key projectId:user:integration:syncType)\n"
    );
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let mut ended: BTreeMap<usize, Ended> = BTreeMap::new();
    let deadline = started + Duration::from_secs(180);
    while ended.len() < n {
        if Instant::now() > deadline {
            bail!("{} workflows had not ended after 180 s", n - ended.len());
        }
        let mut by_step: BTreeMap<String, usize> = BTreeMap::new();
        for (i, key) in names.iter().enumerate() {
            if ended.contains_key(&i) {
                continue;
            }
            if let Some(end) = h.restate.output(SEED_SERVICE, key).await? {
                let line = match &end {
                    Ended::Done(outputs) => describe(outputs),
                    Ended::Failed(code, report) => format!("FAILED ({code}): {}", report.message),
                };
                println!(
                    "  {:>6.1} s  {key:<45} finished: {line}",
                    started.elapsed().as_secs_f64()
                );
                ended.insert(i, end);
                continue;
            }
            let p = h.restate.progress(SEED_SERVICE, key).await?;
            let label = match (p.next.as_deref(), paragon_runtime::restate::wait_until(&p)) {
                (Some(step), Some(until)) if until > SystemTime::now() => {
                    format!("{step} (waiting)")
                }
                (Some(step), _) => step.to_owned(),
                (None, _) => "ending".to_owned(),
            };
            *by_step.entry(label).or_insert(0) += 1;
        }
        if !by_step.is_empty() {
            let summary: Vec<String> = by_step.iter().map(|(s, c)| format!("{c} at {s}")).collect();
            println!(
                "  {:>6.1} s  running: {}",
                started.elapsed().as_secs_f64(),
                summary.join(", ")
            );
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
    }
    let done = ended
        .values()
        .filter(|e| matches!(e, Ended::Done(_)))
        .count();
    println!(
        "\n{done} of {n} workflows finished in {:.1} s:",
        started.elapsed().as_secs_f64()
    );
    for (i, end) in &ended {
        if let Ended::Done(outputs) = end {
            println!("  {:<45} {}", names[*i], describe(outputs));
        }
    }
    let enables = h.enables_by_token();
    h.down().await?;
    ensure!(done == n, "{} workflows failed", n - done);
    ensure!(
        enables.values().all(|&c| c == 1) && enables.len() == n,
        "enableSync was not sent exactly once per user: {enables:?}"
    );
    Ok(())
}

/// Waits until every workflow of `keys` is in a retry wait (between two status polls).
async fn wait_until_waiting(h: &Harness, keys: &[SeedKey]) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut all = true;
        for key in keys {
            let p = h.restate.progress(SEED_SERVICE, &key.to_string()).await?;
            let waiting = p.next.as_deref() == Some("pollSyncStatus")
                && paragon_runtime::restate::wait_until(&p).is_some_and(|u| u > SystemTime::now());
            all &= waiting;
        }
        if all {
            return Ok(());
        }
        ensure!(
            Instant::now() < deadline,
            "the workflows never reached a wait between polls"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every key's workflow finished with outputs, and the simulator saw one `enableSync` per key.
async fn check_finished(h: &Harness, keys: &[SeedKey], what: &str) -> Result<()> {
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let ended = h
        .restate
        .wait_all(SEED_SERVICE, &names, Duration::from_secs(120))
        .await
        .with_context(|| format!("{what}: service log:\n{}", h.service.log_tail()))?;
    let enables = h.enables_by_token();
    for (key, end) in keys.iter().zip(ended) {
        match end {
            Ended::Done(outputs) => {
                ensure!(
                    outputs.get("status").and_then(Value::as_str) == Some("IDLE"),
                    "{what}: {key} ended with {outputs}"
                );
                let records = outputs
                    .get("records")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                ensure!(
                    records == 10,
                    "{what}: {key} has {records} records, not a page of 10"
                );
            }
            Ended::Failed(code, report) => {
                bail!("{what}: {key} failed ({code}): {}", report.message)
            }
        }
        let sent = enables
            .get(&crate::harness::token_of(&key.user))
            .copied()
            .unwrap_or(0);
        ensure!(
            sent == 1,
            "{what}: the simulator saw enableSync {sent} times for {key}"
        );
    }
    println!(
        "ok   {what}: {} workflows finished, enableSync once each",
        keys.len()
    );
    Ok(())
}

/// `test`: the kill tests. Each check must hold; the first that does not fails the run.
pub async fn test(common: &Common) -> Result<()> {
    let all_users = users(18);
    let mut h = Harness::up(
        common,
        &Setup {
            nodes: 1,
            users: all_users.clone(),
            syncing_polls: 2,
            refused_users: vec!["intruder".into()],
        },
    )
    .await?;
    let keys = keys_for(&all_users)?;
    let (service_kill, rest) = keys.split_at(8);
    let (server_kill, rest) = rest.split_at(8);
    let twice = &rest[0];
    let failing_user_key =
        SeedKey::new(PROJECT, "intruder", "googleDrive", "files").map_err(anyhow::Error::msg)?;

    // 1. SIGKILL the service while every workflow waits between two polls.
    submit_all(&h, service_kill).await?;
    wait_until_waiting(&h, service_kill).await?;
    let pid = h.service.pid().unwrap_or_default();
    h.service.kill().await?;
    println!(
        "     SIGKILLed the service (pid {pid}) with {} workflows waiting",
        service_kill.len()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    h.service.restart()?;
    check_finished(&h, service_kill, "service killed mid-run").await?;

    // 2. SIGKILL the Restate server itself, restart it on the same data directory.
    submit_all(&h, server_kill).await?;
    wait_until_waiting(&h, server_kill).await?;
    let pid = h.nodes[0].pid().unwrap_or_default();
    h.nodes[0].kill().await?;
    println!(
        "     SIGKILLed the Restate server (pid {pid}) with {} workflows waiting",
        server_kill.len()
    );
    h.nodes[0].restart()?;
    let http = h.http.clone();
    h.nodes[0]
        .wait_ready(&http, Duration::from_secs(90))
        .await?;
    check_finished(&h, server_kill, "server killed mid-run").await?;

    // 3. The same key twice: one execution.
    let name = twice.to_string();
    let body = inputs(twice);
    let (first, second) = tokio::join!(
        h.restate.submit(SEED_SERVICE, &name, &body),
        h.restate.submit(SEED_SERVICE, &name, &body),
    );
    let mut taken = [first?, second?];
    taken.sort_by_key(|t| *t == Submitted::PreviouslyAccepted);
    ensure!(
        taken == [Submitted::Accepted, Submitted::PreviouslyAccepted],
        "the same key submitted twice was taken as {taken:?}"
    );
    check_finished(&h, std::slice::from_ref(twice), "same key submitted twice").await?;
    let again = h
        .restate
        .submit(SEED_SERVICE, &name, &inputs(twice))
        .await?;
    ensure!(
        again == Submitted::PreviouslyAccepted,
        "a finished key submitted again was taken as {again:?}"
    );

    // 4. A step that fails for good ends with the typed error, visible through Restate.
    let name = failing_user_key.to_string();
    h.restate
        .submit(SEED_SERVICE, &name, &inputs(&failing_user_key))
        .await?;
    let ended = h
        .restate
        .wait_all(
            SEED_SERVICE,
            std::slice::from_ref(&name),
            Duration::from_secs(60),
        )
        .await?;
    match ended.first() {
        Some(Ended::Failed(422, report))
            if report.kind == "step-failed"
                && report.step.as_deref() == Some("enableSync")
                && report.status == Some(401) =>
        {
            println!("ok   a step that fails for good: 422 {}", report.message);
        }
        other => bail!("the refused user's workflow ended with {other:?}"),
    }

    // 5. A key that does not name the inputs is refused before any request.
    let wrong =
        SeedKey::new(PROJECT, "user-018", "salesforce", "files").map_err(anyhow::Error::msg)?;
    let mut mismatched = inputs(&wrong);
    mismatched["integration"] = Value::from("hubspot");
    h.restate
        .submit(SEED_SERVICE, &wrong.to_string(), &mismatched)
        .await?;
    let ended = h
        .restate
        .wait_all(SEED_SERVICE, &[wrong.to_string()], Duration::from_secs(60))
        .await?;
    match ended.first() {
        Some(Ended::Failed(400, report)) if report.kind == "inputs" => {
            println!(
                "ok   a key that does not match its inputs: 400 {}",
                report.message
            );
        }
        other => bail!("the mismatched key ended with {other:?}"),
    }

    // 6. Inputs that do not decode end the same way, with the decoder's words.
    let bad = SeedKey::new(PROJECT, "user-018", "jira", "tickets").map_err(anyhow::Error::msg)?;
    h.restate
        .submit(
            SEED_SERVICE,
            &bad.to_string(),
            &serde_json::json!({"projectId": 7}),
        )
        .await?;
    let ended = h
        .restate
        .wait_all(SEED_SERVICE, &[bad.to_string()], Duration::from_secs(60))
        .await?;
    match ended.first() {
        Some(Ended::Failed(400, report))
            if report.kind == "inputs" && report.message.contains("do not decode") =>
        {
            println!("ok   inputs that do not decode: 400 {}", report.message);
        }
        other => bail!("the undecodable inputs ended with {other:?}"),
    }
    h.down().await
}
