//! The Task History API of the simulator through the generated client: seeded executions,
//! every filter, sorting, `nextLink` pages, replay.

mod common;

use futures_util::TryStreamExt;
use paragon_generated::task_history::{
    Client, GetWorkflowExecutionsOptions, GetWorkflowExecutionsSortBy, GetWorkflowExecutionsStatus,
    ReplayWorkflowExecutionResponses, WorkflowExecution, WorkflowExecutionStatus,
};
use paragon_runtime::{DateTime, ManualClock};
use paragon_sim::{Sim, SimConfig};

async fn all(c: &Client, options: &GetWorkflowExecutionsOptions) -> Vec<WorkflowExecution> {
    c.get_workflow_executions_stream("p1", options)
        .try_collect()
        .await
        .unwrap()
}

fn ids(executions: &[WorkflowExecution]) -> Vec<String> {
    executions.iter().filter_map(|e| e.id.clone()).collect()
}

#[tokio::test]
async fn the_stream_follows_next_link_through_pages_of_100() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::history_client(&sim, ManualClock::new());

    let first = c
        .get_workflow_executions("p1", &Default::default())
        .await
        .unwrap();
    assert_eq!(first.total, Some(250));
    assert_eq!(first.data.as_ref().map(Vec::len), Some(100));
    let link = first.next_link.unwrap();
    assert_eq!(
        link,
        format!(
            "{}/projects/p1/task-history/workflow-executions?offset=100",
            sim.base_url()
        )
    );
    sim.clear_requests();

    let executions = all(&c, &Default::default()).await;
    assert_eq!(executions.len(), 250);
    let mut unique = ids(&executions);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 250);
    // Newest first by default.
    let started: Vec<DateTime> = executions.iter().map(|e| e.date_started.unwrap()).collect();
    assert!(started.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(executions[0].id.as_deref(), Some("exec-0250"));

    let queries: Vec<Option<String>> = sim.request_log().into_iter().map(|r| r.query).collect();
    assert_eq!(
        queries,
        [None, Some("offset=100".into()), Some("offset=200".into())]
    );

    // Past the end: an empty page without a link.
    let beyond = c
        .get_workflow_executions(
            "p1",
            &GetWorkflowExecutionsOptions {
                offset: Some(300),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(beyond.data, Some(vec![]));
    assert_eq!(beyond.total, Some(250));
    assert_eq!(beyond.next_link, None);
}

#[tokio::test]
async fn every_filter_matches_what_a_client_side_filter_finds() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::history_client(&sim, ManualClock::new());
    let everything = all(&c, &Default::default()).await;
    let after: DateTime = "2026-01-10T00:00:00Z".parse().unwrap();
    let before: DateTime = "2026-01-20T00:00:00Z".parse().unwrap();

    let local = |keep: &dyn Fn(&WorkflowExecution) -> bool| -> Vec<String> {
        ids(&everything
            .iter()
            .filter(|e| keep(e))
            .cloned()
            .collect::<Vec<_>>())
    };

    let failed = all(
        &c,
        &GetWorkflowExecutionsOptions {
            status: Some(GetWorkflowExecutionsStatus::Failed),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&failed),
        local(&|e| e.status == Some(WorkflowExecutionStatus::Failed))
    );
    assert!(!failed.is_empty() && failed.len() < 125);

    // More than 100 matches: the filter has to survive the nextLink.
    let succeeded = all(
        &c,
        &GetWorkflowExecutionsOptions {
            status: Some(GetWorkflowExecutionsStatus::Succeeded),
            ..Default::default()
        },
    )
    .await;
    assert!(succeeded.len() > 100);
    assert_eq!(succeeded.len() + failed.len(), 250);
    assert!(
        succeeded
            .iter()
            .all(|e| e.status == Some(WorkflowExecutionStatus::Succeeded))
    );

    let by_workflow = all(
        &c,
        &GetWorkflowExecutionsOptions {
            workflow_id: Some("salesforce-create-lead".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&by_workflow),
        local(&|e| e.workflow_id.as_deref() == Some("salesforce-create-lead"))
    );
    assert_eq!(by_workflow.len(), 25);

    let by_integration = all(
        &c,
        &GetWorkflowExecutionsOptions {
            integration: Some("salesforce".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&by_integration),
        local(&|e| e
            .workflow_id
            .as_deref()
            .is_some_and(|w| w.starts_with("salesforce-")))
    );
    assert_eq!(by_integration.len(), 50);

    let by_user = all(
        &c,
        &GetWorkflowExecutionsOptions {
            user_id: Some("user-3".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(!by_user.is_empty());
    assert_eq!(
        ids(&by_user),
        local(&|e| e.user_id.as_deref() == Some("user-3"))
    );

    let window = all(
        &c,
        &GetWorkflowExecutionsOptions {
            after_date: Some(after),
            before_date: Some(before),
            ..Default::default()
        },
    )
    .await;
    assert!(!window.is_empty() && window.len() < 250);
    assert_eq!(
        ids(&window),
        local(&|e| e.date_started.is_some_and(|d| d > after && d < before))
    );

    let combined = all(
        &c,
        &GetWorkflowExecutionsOptions {
            integration: Some("jira".into()),
            status: Some(GetWorkflowExecutionsStatus::Succeeded),
            after_date: Some(after),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&combined),
        local(&|e| e
            .workflow_id
            .as_deref()
            .is_some_and(|w| w.starts_with("jira-"))
            && e.status == Some(WorkflowExecutionStatus::Succeeded)
            && e.date_started.is_some_and(|d| d > after))
    );

    let nobody = c
        .get_workflow_executions(
            "p1",
            &GetWorkflowExecutionsOptions {
                user_id: Some("user-99".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((nobody.total, nobody.next_link), (Some(0), None));
}

#[tokio::test]
async fn sort_by_asc_reverses_the_default_order() {
    let sim = Sim::start(SimConfig::default().executions(30))
        .await
        .unwrap();
    let c = common::history_client(&sim, ManualClock::new());
    let desc = all(&c, &Default::default()).await;
    let asc = all(
        &c,
        &GetWorkflowExecutionsOptions {
            sort_by: Some(GetWorkflowExecutionsSortBy::Asc),
            ..Default::default()
        },
    )
    .await;
    let explicit_desc = all(
        &c,
        &GetWorkflowExecutionsOptions {
            sort_by: Some(GetWorkflowExecutionsSortBy::Desc),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(asc.len(), 30);
    assert_eq!(asc[0].id.as_deref(), Some("exec-0001"));
    let mut reversed = ids(&asc);
    reversed.reverse();
    assert_eq!(ids(&desc), reversed);
    assert_eq!(ids(&explicit_desc), ids(&desc));
}

#[tokio::test]
async fn replay_creates_a_new_execution_that_is_listed_afterwards() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::history_client(&sim, ManualClock::new());
    let original = all(&c, &Default::default())
        .await
        .into_iter()
        .find(|e| e.status == Some(WorkflowExecutionStatus::Failed))
        .unwrap();
    let original_id = original.id.clone().unwrap();

    let replay = c
        .replay_workflow_execution("p1", &original_id)
        .await
        .unwrap();
    assert_eq!(replay.id.as_deref(), Some("exec-0251"));
    assert_eq!(replay.status, Some(WorkflowExecutionStatus::Succeeded));
    assert_eq!(replay.workflow_id, original.workflow_id);
    assert_eq!(replay.user_id, original.user_id);
    assert!(replay.date_started > original.date_started);

    let page = c
        .get_workflow_executions("p1", &Default::default())
        .await
        .unwrap();
    assert_eq!(page.total, Some(251));
    assert_eq!(page.data.unwrap()[0], replay, "newest first");

    // The simulator's (non-spec) single-execution endpoint sees it too.
    let (status, _, body) = common::get(
        &sim,
        "/projects/p1/task-history/workflow-executions/exec-0251",
        Some(paragon_sim::DEFAULT_TOKEN),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["workflowId"], original.workflow_id.unwrap().as_str());

    // A second replay gets the next id; other projects are untouched.
    let second = c
        .replay_workflow_execution("p1", &original_id)
        .await
        .unwrap();
    assert_eq!(second.id.as_deref(), Some("exec-0252"));
    let other = c
        .get_workflow_executions("p2", &Default::default())
        .await
        .unwrap();
    assert_eq!(other.total, Some(250));

    let gone = c
        .replay_workflow_execution_with_response("p1", "exec-9999")
        .await
        .unwrap();
    assert_eq!(gone.status.as_u16(), 404);
    assert!(matches!(
        gone.body,
        ReplayWorkflowExecutionResponses::NotFound
    ));
    let err = c
        .replay_workflow_execution("p1", "exec-9999")
        .await
        .unwrap_err();
    assert_eq!(
        common::message(&err),
        "workflow execution \"exec-9999\" not found"
    );
}
