//! `xpath` criteria on XML bodies: both forms of the type, a body read once by the criteria
//! and the action that share it, a context that is an earlier step's output, and each side of
//! every criterion (it holds; it does not, and the step fails naming it).

use paragon_runtime::arazzo::WorkflowError;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/xml.arazzo.yml", allow_path("../fixtures"));

const TWO: &str = r#"<?xml version="1.0"?>
<shelter><pet available="true"><name>Rex</name></pet><pet available="true"><name>Tom</name></pet></shelter>"#;
const ONE: &str = r#"<shelter><pet available="true"><name>Rex</name></pet><pet available="false"><name>Tom</name></pet></shelter>"#;
const NONE: &str = r#"<shelter><pet available="false"><name>Rex</name></pet></shelter>"#;

async fn server(listing: &str, record: &str) -> MockServer {
    let s = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/shelters/s1/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(listing.to_owned(), "application/xml"))
        .mount(&s)
        .await;
    Mock::given(method("POST"))
        .and(path("/shelters/s1/adoptions"))
        .and(query_param("pet", "rex"))
        .respond_with(ResponseTemplate::new(201).set_body_raw(record.to_owned(), "application/xml"))
        .mount(&s)
        .await;
    s
}

async fn run(s: &MockServer) -> Result<adopt::Outputs, WorkflowError> {
    let client = shelter::Client::builder().base_url(&s.uri()).build().unwrap();
    let inputs = adopt::Inputs { shelter: "s1".into(), pet: "rex".into() };
    adopt::Workflow::new(client, inputs).run().await
}

fn failed_on(r: Result<adopt::Outputs, WorkflowError>) -> (&'static str, String) {
    match r {
        Err(WorkflowError::StepFailed { step, criterion, .. }) => (step, criterion),
        other => panic!("expected a failed criterion, got {other:?}"),
    }
}

#[tokio::main]
async fn main() {
    let done = r#"<adoption status="done"><pet>rex</pet></adoption>"#;

    // Two pets available: every criterion holds, the action's does not (a second one is
    // there), so the workflow goes on to adopt.
    let s = server(TWO, done).await;
    let out = run(&s).await.unwrap();
    assert_eq!(out.listing.as_deref(), Some(TWO));
    assert_eq!(out.record.as_deref(), Some(done));
    assert_eq!(s.received_requests().await.unwrap().len(), 2);

    // One available: the action's criterion holds and ends the workflow after `list`.
    let s = server(ONE, done).await;
    let out = run(&s).await.unwrap();
    assert_eq!(out.listing.as_deref(), Some(ONE));
    assert_eq!(out.record, None);
    assert_eq!(s.received_requests().await.unwrap().len(), 1);

    // None available: the first xpath criterion fails and is named.
    let s = server(NONE, done).await;
    assert_eq!(failed_on(run(&s).await), ("list", "//pet[@available = 'true']".to_owned()));

    // A body that is not XML fails the criterion; it does not stop the program.
    let s = server(r#"{"pets": [{"available": true}]}"#, done).await;
    assert_eq!(failed_on(run(&s).await).0, "list");

    // The adoption answered with another status attribute: the last criterion fails. The
    // one on the earlier step's output (Rex is listed) held.
    let s = server(TWO, r#"<adoption status="pending"/>"#).await;
    assert_eq!(failed_on(run(&s).await), ("take", "/adoption/@status = 'done'".to_owned()));

    // The output context: a listing without Rex fails that criterion.
    let no_rex = r#"<shelter><pet available="true"><name>Tom</name></pet><pet available="true"><name>Ann</name></pet></shelter>"#;
    let s = server(no_rex, done).await;
    assert_eq!(failed_on(run(&s).await), ("take", "/shelter/pet[name = 'Rex']".to_owned()));
}
