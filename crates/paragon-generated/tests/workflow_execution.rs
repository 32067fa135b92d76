//! The Workflow Execution type, generated from `specs/json-schema/workflow-execution.json`,
//! decodes what the schema allows and refuses the rest, naming the JSON Pointer and keyword.

use paragon_generated::schemas::workflow_execution::{
    SCHEMA, WorkflowExecution, WorkflowExecutionStatus,
};
use paragon_runtime::serde_json::{self, json};

const SAMPLE: &str = r#"{
    "id": "we_01HZX3",
    "userId": "user-42",
    "workflowId": "wf-sync-drive",
    "status": "SUCCEEDED",
    "taskCount": 12,
    "runDuration": 5310,
    "dateStarted": "2026-11-30T10:15:00Z",
    "dateEnded": "2026-11-30T10:15:05.310Z"
}"#;

#[test]
fn a_sample_execution_decodes_into_its_types() {
    let e: WorkflowExecution = serde_json::from_str(SAMPLE).expect("the sample is valid");
    assert_eq!(e.id.as_deref(), Some("we_01HZX3"));
    assert_eq!(e.status, Some(WorkflowExecutionStatus::Succeeded));
    assert_eq!(e.task_count, Some(12));
    let started = e.date_started.as_ref().expect("dateStarted");
    let ended = e.date_ended.as_ref().expect("dateEnded");
    assert!(started < ended);
    // What it encodes decodes to the same value.
    let again: WorkflowExecution =
        serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
    assert_eq!(again, e);
    assert!(e.validate().is_ok());
}

#[test]
fn a_task_count_that_is_a_string_is_refused_with_its_pointer() {
    let body = SAMPLE.replace("\"taskCount\": 12", "\"taskCount\": \"12\"");
    let err = serde_json::from_str::<WorkflowExecution>(&body).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("/taskCount: expected integer, found string (`type`)"),
        "{text}"
    );
    // Every rule a value breaks is reported, not only the first.
    let err = serde_json::from_value::<WorkflowExecution>(
        json!({"taskCount": 1.5, "runDuration": "long", "dateEnded": 3}),
    )
    .unwrap_err()
    .to_string();
    for pointer in ["/taskCount", "/runDuration", "/dateEnded"] {
        assert!(err.contains(&format!("{pointer}: expected")), "{err}");
    }
    // The same check, on a value that is not decoded into the type.
    let invalid = SCHEMA.check("", &json!({"taskCount": "12"})).unwrap_err();
    assert_eq!(invalid.violations()[0].pointer, "/taskCount");
    assert_eq!(invalid.violations()[0].keyword, "type");
}

#[test]
fn an_unknown_status_is_kept_because_enums_stay_open() {
    let body = SAMPLE.replace("SUCCEEDED", "CANCELLED");
    let e: WorkflowExecution = serde_json::from_str(&body).expect("open enum");
    assert_eq!(
        e.status,
        Some(WorkflowExecutionStatus::Unknown("CANCELLED".into()))
    );
    assert_eq!(
        serde_json::to_value(&e).unwrap()["status"],
        json!("CANCELLED")
    );
}

#[test]
fn a_value_built_in_code_is_checked_by_validate() {
    let e = WorkflowExecution {
        task_count: Some(3),
        ..Default::default()
    };
    assert!(e.validate().is_ok());
}
