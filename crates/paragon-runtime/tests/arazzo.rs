//! Tests of the Arazzo workflow support module.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use paragon_runtime::arazzo::{
    CmpOp, Event, Nav, Observer, Outcome, Progress, RequestRecord, StepResponse, WorkflowError,
    compare, emit, insert, jsonpath_compare, jsonpath_exists, jsonpath_length_compare, navigate,
    pointer, regex_matches, render, replace, to_value, truthy, typed,
};
use paragon_runtime::reqwest::Method;
use paragon_runtime::reqwest::header::{HeaderMap, HeaderValue};
use paragon_runtime::serde_json_path::JsonPath;
use paragon_runtime::{Client, Error, ManualClock, RetryPolicy};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use CmpOp::{Eq, Ge, Gt, Le, Lt, Ne};

const ALL_OPS: [CmpOp; 6] = [Eq, Ne, Lt, Le, Gt, Ge];

/// Asserts `compare(l, op, r)` for all six operators, in the order
/// `==, !=, <, <=, >, >=`.
#[track_caller]
fn check(l: Value, r: Value, expected: [bool; 6]) {
    for (op, want) in ALL_OPS.into_iter().zip(expected) {
        assert_eq!(compare(&l, op, &r), want, "{l} {op} {r}");
    }
}

#[test]
fn compare_numbers() {
    check(json!(1), json!(1), [true, false, false, true, false, true]);
    check(
        json!(1),
        json!(1.0),
        [true, false, false, true, false, true],
    );
    check(
        json!(2),
        json!(1.5),
        [false, true, false, false, true, true],
    );
    check(
        json!(1.5),
        json!(2),
        [false, true, true, true, false, false],
    );
    check(json!(-1), json!(0), [false, true, true, true, false, false]);
    check(
        json!(0.1),
        json!(0.2),
        [false, true, true, true, false, false],
    );
    check(
        json!(u64::MAX),
        json!(i64::MIN),
        [false, true, false, false, true, true],
    );
    // Integers are compared exactly, not through f64.
    check(
        json!(9_007_199_254_740_993_u64),
        json!(9_007_199_254_740_992_u64),
        [false, true, false, false, true, true],
    );
    check(
        json!(3),
        json!(3.0000001),
        [false, true, true, true, false, false],
    );
    check(
        json!(-3),
        json!(-3.5),
        [false, true, false, false, true, true],
    );
    check(
        json!(200),
        json!(1e300),
        [false, true, true, true, false, false],
    );
}

#[test]
fn compare_strings_ignore_case() {
    check(
        json!("SYNCING"),
        json!("syncing"),
        [true, false, false, true, false, true],
    );
    check(
        json!("Ärger"),
        json!("äRGER"),
        [true, false, false, true, false, true],
    );
    check(
        json!("abc"),
        json!("abd"),
        [false, true, true, true, false, false],
    );
    // Ordering uses the lowercase forms: "B" sorts after "a".
    check(
        json!("B"),
        json!("a"),
        [false, true, false, false, true, true],
    );
    check(
        json!("a"),
        json!("B"),
        [false, true, true, true, false, false],
    );
    check(
        json!(""),
        json!("a"),
        [false, true, true, true, false, false],
    );
    // Two numeric strings are not coerced: lexicographic.
    check(
        json!("10"),
        json!("9"),
        [false, true, true, true, false, false],
    );
}

#[test]
fn compare_numeric_strings_with_numbers_are_coerced() {
    check(
        json!("200"),
        json!(200),
        [true, false, false, true, false, true],
    );
    check(
        json!(9),
        json!(" 10 "),
        [false, true, true, true, false, false],
    );
    check(
        json!("1.5"),
        json!(1),
        [false, true, false, false, true, true],
    );
    // Not numbers in JSON grammar: plain type mismatch.
    for s in ["abc", "", "NaN", "inf", "0x10", "+1", "1,5"] {
        check(
            json!(s),
            json!(1),
            [false, true, false, false, false, false],
        );
    }
}

#[test]
fn compare_booleans_only_equality() {
    check(
        json!(true),
        json!(true),
        [true, false, false, false, false, false],
    );
    check(
        json!(true),
        json!(false),
        [false, true, false, false, false, false],
    );
    check(
        json!(false),
        json!(true),
        [false, true, false, false, false, false],
    );
    // No coercion between booleans and strings.
    check(
        json!(true),
        json!("true"),
        [false, true, false, false, false, false],
    );
}

#[test]
fn compare_null() {
    check(
        Value::Null,
        Value::Null,
        [true, false, false, false, false, false],
    );
    for other in [json!(0), json!(""), json!(false), json!([]), json!({})] {
        check(
            Value::Null,
            other.clone(),
            [false, true, false, false, false, false],
        );
        check(
            other,
            Value::Null,
            [false, true, false, false, false, false],
        );
    }
}

#[test]
fn compare_mismatched_types_and_containers() {
    check(
        json!(1),
        json!("one"),
        [false, true, false, false, false, false],
    );
    check(
        json!(1),
        json!(true),
        [false, true, false, false, false, false],
    );
    check(
        json!([1]),
        json!(1),
        [false, true, false, false, false, false],
    );
    check(
        json!([1, "A"]),
        json!([1.0, "a"]),
        [true, false, false, false, false, false],
    );
    check(
        json!([1, 2]),
        json!([2, 1]),
        [false, true, false, false, false, false],
    );
    check(
        json!({"a": 1, "b": [true]}),
        json!({"b": [true], "a": 1}),
        [true, false, false, false, false, false],
    );
    check(
        json!({"a": 1}),
        json!({"a": 1, "b": 2}),
        [false, true, false, false, false, false],
    );
}

#[test]
fn truthy_only_true() {
    assert!(truthy(&json!(true)));
    for v in [
        json!(false),
        Value::Null,
        json!(1),
        json!("true"),
        json!([true]),
        json!({}),
    ] {
        assert!(!truthy(&v), "{v}");
    }
}

#[test]
fn navigate_and_pointer() {
    let doc = json!({"data": [{"id": 7, "a/b": "slash", "m~n": "tilde"}], "n": null});
    assert_eq!(
        navigate(
            doc.clone(),
            &[Nav::Member("data"), Nav::Index(0), Nav::Member("id")]
        ),
        json!(7)
    );
    assert_eq!(navigate(doc.clone(), &[]), doc);
    for nav in [
        &[Nav::Member("missing")][..],
        &[Nav::Member("data"), Nav::Index(1)],
        &[Nav::Member("data"), Nav::Member("0")],
        &[Nav::Index(0)],
        &[Nav::Member("n"), Nav::Member("x")],
        &[
            Nav::Member("data"),
            Nav::Index(0),
            Nav::Member("id"),
            Nav::Member("x"),
        ],
    ] {
        assert_eq!(navigate(doc.clone(), nav), Value::Null, "{nav:?}");
    }

    assert_eq!(pointer(&doc, "/data/0/id"), json!(7));
    assert_eq!(pointer(&doc, "/data/0/a~1b"), json!("slash"));
    assert_eq!(pointer(&doc, "/data/0/m~0n"), json!("tilde"));
    assert_eq!(pointer(&doc, ""), doc);
    assert_eq!(pointer(&doc, "/data/1/id"), Value::Null);
    assert_eq!(pointer(&doc, "/nope"), Value::Null);
    assert_eq!(pointer(&doc, "/data/01"), Value::Null);
    assert_eq!(pointer(&doc, "data"), Value::Null);
}

fn jp(s: &str) -> JsonPath {
    match JsonPath::parse(s) {
        Ok(p) => p,
        Err(e) => panic!("bad test path {s}: {e}"),
    }
}

#[test]
fn jsonpath_exists_needs_a_node() {
    let body = json!({"pets": [{"name": "a"}], "empty": [], "flag": false, "nothing": null});
    assert!(jsonpath_exists(&jp("$.pets[*]"), &body));
    assert!(jsonpath_exists(
        &jp("$[?count(@.pets) > 0]"),
        &json!([body.clone()])
    ));
    assert!(!jsonpath_exists(&jp("$.empty[*]"), &body));
    assert!(!jsonpath_exists(&jp("$.missing"), &body));
    // A node whose value is false or null still exists.
    assert!(jsonpath_exists(&jp("$.flag"), &body));
    assert!(jsonpath_exists(&jp("$.nothing"), &body));
    // A null context always fails.
    assert!(!jsonpath_exists(&jp("$"), &Value::Null));
}

#[test]
fn jsonpath_length_of_arrays_and_strings_else_the_member_length() {
    let items = jp("$.items");
    let zero = json!(0);
    assert!(jsonpath_length_compare(
        &items,
        &json!({"items": []}),
        Eq,
        &zero
    ));
    assert!(!jsonpath_length_compare(
        &items,
        &json!({"items": [1]}),
        Eq,
        &zero
    ));
    assert!(jsonpath_length_compare(
        &items,
        &json!({"items": [1, 2]}),
        Gt,
        &json!(1)
    ));
    // Characters, not bytes.
    assert!(jsonpath_length_compare(
        &items,
        &json!({"items": "héé"}),
        Eq,
        &json!(3)
    ));
    // An object has no length: its member `length` is compared.
    assert!(jsonpath_length_compare(
        &items,
        &json!({"items": {"length": 5}}),
        Eq,
        &json!(5)
    ));
    assert!(!jsonpath_length_compare(
        &items,
        &json!({"items": {}}),
        Ge,
        &zero
    ));
    // Nothing selected, a number, null context: false.
    assert!(!jsonpath_length_compare(&items, &json!({}), Ge, &zero));
    assert!(!jsonpath_length_compare(
        &items,
        &json!({"items": 3}),
        Ge,
        &zero
    ));
    assert!(!jsonpath_length_compare(&items, &Value::Null, Ge, &zero));
}

#[test]
fn jsonpath_compare_every_node_and_empty_fails() {
    let status = jp("$.status");
    let syncing = json!("SYNCING");
    assert!(jsonpath_compare(
        &status,
        &json!({"status": "IDLE"}),
        Ne,
        &syncing
    ));
    assert!(!jsonpath_compare(
        &status,
        &json!({"status": "SYNCING"}),
        Ne,
        &syncing
    ));
    assert!(!jsonpath_compare(
        &status,
        &json!({"status": "syncing"}),
        Ne,
        &syncing
    ));
    for op in ALL_OPS {
        assert!(
            !jsonpath_compare(&status, &json!({"other": 1}), op, &syncing),
            "{op}"
        );
        assert!(
            !jsonpath_compare(&status, &Value::Null, op, &syncing),
            "{op}"
        );
    }

    let total = jp("$.total");
    assert!(jsonpath_compare(
        &total,
        &json!({"total": 3}),
        Gt,
        &json!(0)
    ));
    assert!(!jsonpath_compare(
        &total,
        &json!({"total": 0}),
        Gt,
        &json!(0)
    ));
    assert!(!jsonpath_compare(
        &total,
        &json!({"total": "many"}),
        Gt,
        &json!(0)
    ));

    let allowed = jp("$.allowed");
    assert!(jsonpath_compare(
        &allowed,
        &json!({"allowed": true}),
        Eq,
        &json!(true)
    ));
    assert!(!jsonpath_compare(
        &allowed,
        &json!({"allowed": false}),
        Eq,
        &json!(true)
    ));
    assert!(!jsonpath_compare(
        &allowed,
        &json!({"allowed": "true"}),
        Eq,
        &json!(true)
    ));

    // Several nodes: all must satisfy.
    let ids = jp("$.items[*].id");
    assert!(jsonpath_compare(
        &ids,
        &json!({"items": [{"id": 1}, {"id": 2}]}),
        Gt,
        &json!(0)
    ));
    assert!(!jsonpath_compare(
        &ids,
        &json!({"items": [{"id": 1}, {"id": -2}]}),
        Gt,
        &json!(0)
    ));
    assert!(!jsonpath_compare(
        &ids,
        &json!({"items": []}),
        Gt,
        &json!(0)
    ));
}

#[test]
fn regex_on_strings_numbers_and_bools() {
    let two_xx = regex::Regex::new(r"^2\d{2}$").unwrap_or_else(|e| panic!("{e}"));
    assert!(regex_matches(&two_xx, &json!(204)));
    assert!(regex_matches(&two_xx, &json!("201")));
    assert!(!regex_matches(&two_xx, &json!(404)));
    assert!(!regex_matches(&two_xx, &json!("2000")));
    let unanchored = regex::Regex::new("ok").unwrap_or_else(|e| panic!("{e}"));
    assert!(regex_matches(&unanchored, &json!("it is ok!")));
    let tru = regex::Regex::new("^true$").unwrap_or_else(|e| panic!("{e}"));
    assert!(regex_matches(&tru, &json!(true)));
    let any = regex::Regex::new(".*").unwrap_or_else(|e| panic!("{e}"));
    for v in [Value::Null, json!(["a"]), json!({"a": "b"})] {
        assert!(!regex_matches(&any, &v), "{v}");
    }
}

#[test]
fn insert_omits_null_only_when_asked() {
    let mut map = serde_json::Map::new();
    insert(&mut map, "a", json!(1), true);
    insert(&mut map, "b", Value::Null, true);
    insert(&mut map, "c", Value::Null, false);
    insert(&mut map, "d", json!(false), true);
    assert_eq!(Value::Object(map), json!({"a": 1, "c": null, "d": false}));
}

#[test]
fn replace_targets() {
    let mut body = json!({"pet": {"id": 1, "tags": ["a", "b"]}, "x/y": 0});
    replace(&mut body, "/pet/id", json!(9)).unwrap_or_else(|e| panic!("{e}"));
    replace(&mut body, "/pet/name", json!("rex")).unwrap_or_else(|e| panic!("{e}"));
    replace(&mut body, "/pet/tags/1", json!("B")).unwrap_or_else(|e| panic!("{e}"));
    replace(&mut body, "/pet/tags/-", json!("c")).unwrap_or_else(|e| panic!("{e}"));
    replace(&mut body, "/pet/tags/3", json!("d")).unwrap_or_else(|e| panic!("{e}"));
    replace(&mut body, "/x~1y", json!(1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        body,
        json!({"pet": {"id": 9, "tags": ["a", "B", "c", "d"], "name": "rex"}, "x/y": 1})
    );

    let before = body.clone();
    for bad in [
        "/missing/id",
        "/pet/tags/9",
        "/pet/tags/01",
        "/pet/tags/x",
        "/pet/id/x",
        "/pet/tags/7/x",
        "pet",
        "/pet/~2",
    ] {
        assert!(replace(&mut body, bad, json!(0)).is_err(), "{bad}");
    }
    assert_eq!(body, before);

    replace(&mut body, "", json!([1])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body, json!([1]));
}

#[test]
fn render_values() {
    assert_eq!(render(&json!("a b")), "a b");
    assert_eq!(render(&Value::Null), "");
    assert_eq!(render(&json!(42)), "42");
    assert_eq!(render(&json!(1.5)), "1.5");
    assert_eq!(render(&json!(true)), "true");
    assert_eq!(render(&json!(["x", 1])), r#"["x",1]"#);
    assert_eq!(render(&json!({"k": "v"})), r#"{"k":"v"}"#);
}

#[derive(Debug, Deserialize, PartialEq, serde::Serialize)]
struct Pet {
    id: i64,
    name: String,
}

#[test]
fn typed_and_to_value() {
    let none: Option<Pet> = typed("getPet", "pet", Value::Null).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(none, None);
    let pet: Option<Pet> =
        typed("getPet", "pet", json!({"id": 1, "name": "rex"})).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        pet,
        Some(Pet {
            id: 1,
            name: "rex".into()
        })
    );
    let err = typed::<Pet>("getPet", "pet", json!({"id": "one"}))
        .err()
        .unwrap_or_else(|| panic!("mismatch accepted"));
    assert!(
        matches!(
            err,
            WorkflowError::Output {
                step: "getPet",
                output: "pet",
                ..
            }
        ),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(text.contains("getPet") && text.contains("`pet`"), "{text}");
    assert!(typed::<i64>("s", "o", json!("5")).is_err());

    assert_eq!(
        to_value(&Pet {
            id: 2,
            name: "a".into()
        }),
        json!({"id": 2, "name": "a"})
    );
    assert_eq!(to_value("s"), json!("s"));
    assert_eq!(to_value(&None::<i32>), Value::Null);
    // A map with non-string keys cannot be JSON: null, no panic.
    let mut bad = std::collections::BTreeMap::new();
    bad.insert(vec![1u8], 1);
    assert_eq!(to_value(&bad), Value::Null);
}

/// Collects tracing events with target `paragon.workflow`.
#[derive(Default)]
struct Capture {
    events: Mutex<Vec<Vec<(String, String)>>>,
}

struct Fields(Vec<(String, String)>);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        if event.metadata().target() == "paragon.workflow" {
            let mut fields = Fields(Vec::new());
            event.record(&mut fields);
            if let Ok(mut events) = self.events.lock() {
                events.push(fields.0);
            }
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn emit_traces_and_calls_observer() {
    let seen: Arc<Mutex<Vec<Event>>> = Arc::default();
    let sink = seen.clone();
    let mut observer: Observer = Some(Box::new(move |e: &Event| {
        if let Ok(mut v) = sink.lock() {
            v.push(e.clone());
        }
    }));
    let retry = Event {
        workflow: "sync",
        step: "pollSyncStatus",
        status: Some(200),
        attempt: 2,
        outcome: Outcome::Retry {
            wait: Duration::from_millis(1500),
            action: "waitMore",
        },
    };
    let failed = Event {
        workflow: "sync",
        step: "pollSyncStatus",
        status: None,
        attempt: 1,
        outcome: Outcome::Failed {
            criterion: "$statusCode == 200".into(),
        },
    };
    let capture = Arc::new(Capture::default());
    tracing::subscriber::with_default(capture.clone(), || {
        emit(&mut observer, retry.clone());
        emit(&mut observer, failed.clone());
    });
    assert_eq!(
        *seen.lock().unwrap_or_else(|e| e.into_inner()),
        vec![retry, failed]
    );

    let traced = capture
        .events
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    assert_eq!(traced.len(), 2, "{traced:?}");
    let field = |i: usize, name: &str| {
        traced[i]
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(field(0, "workflow").as_deref(), Some("sync"));
    assert_eq!(field(0, "step").as_deref(), Some("pollSyncStatus"));
    assert_eq!(field(0, "status").as_deref(), Some("200"));
    assert_eq!(field(0, "attempt").as_deref(), Some("2"));
    assert_eq!(field(0, "outcome").as_deref(), Some("retry"));
    assert_eq!(field(0, "action").as_deref(), Some("waitMore"));
    assert_eq!(field(0, "wait_ms").as_deref(), Some("1500"));
    assert_eq!(field(1, "outcome").as_deref(), Some("failed"));
    assert_eq!(field(1, "criterion").as_deref(), Some("$statusCode == 200"));
    assert_eq!(field(1, "status"), None);

    // No observer: only traces.
    let mut none: Observer = None;
    emit(
        &mut none,
        Event {
            workflow: "w",
            step: "s",
            status: Some(204),
            attempt: 1,
            outcome: Outcome::End,
        },
    );
    assert_eq!(Progress::<()>::Continue, Progress::Continue);
}

#[test]
fn workflow_error_messages() {
    let e = WorkflowError::StepFailed {
        workflow: "x",
        step: "pollSyncStatus",
        status: Some(200),
        criterion: "$.status != 'SYNCING'".into(),
        attempts: 31,
        client_retries: 0,
    };
    assert_eq!(
        e.to_string(),
        "step `pollSyncStatus` of workflow `x` failed with status 200: criterion `$.status != 'SYNCING'` did not hold (after 31 attempts)"
    );
    let once = WorkflowError::StepFailed {
        workflow: "x",
        step: "s",
        status: None,
        criterion: "$statusCode == 200".into(),
        attempts: 1,
        client_retries: 0,
    };
    assert_eq!(
        once.to_string(),
        "step `s` of workflow `x` failed: criterion `$statusCode == 200` did not hold"
    );
    let throttled = WorkflowError::StepFailed {
        workflow: "x",
        step: "s",
        status: Some(429),
        criterion: "$statusCode == 200".into(),
        attempts: 2,
        client_retries: 3,
    };
    assert_eq!(
        throttled.to_string(),
        "step `s` of workflow `x` failed with status 429: criterion `$statusCode == 200` did not hold (after 2 attempts; the client sent the last one 4 times)"
    );
    let ended = WorkflowError::Ended {
        workflow: "x",
        step: "s",
        action: "giveUp",
        status: Some(404),
    };
    let text = ended.to_string();
    assert!(
        text.contains("`s`") && text.contains("giveUp") && text.contains("404"),
        "{text}"
    );

    let sub = WorkflowError::SubWorkflow {
        workflow: "outer",
        step: "callInner",
        source: Box::new(WorkflowError::TooManyTransitions {
            workflow: "inner",
            limit: 100,
        }),
    };
    let text = sub.to_string();
    assert!(
        text.contains("callInner") && text.contains("inner") && text.contains("100"),
        "{text}"
    );
    let source = std::error::Error::source(&sub).map(ToString::to_string);
    assert_eq!(
        source.as_deref(),
        Some("workflow `inner` exceeded 100 transitions (a goto loop?)")
    );
    assert_eq!(sub.step(), Some("callInner"));
    assert_eq!(sub.workflow(), Some("outer"));

    for e in [
        WorkflowError::Inputs {
            workflow: "w",
            message: "missing `petId`".into(),
        },
        WorkflowError::Request {
            workflow: "w",
            step: "s",
            message: "target /a does not exist".into(),
        },
        WorkflowError::Finished { workflow: "w" },
    ] {
        let text = e.to_string();
        assert!(text.contains("`w`") && !text.contains('\n'), "{text}");
        assert!(std::error::Error::source(&e).is_none());
    }
}

fn step_response(headers: &[(&'static str, &str)], body: &'static [u8]) -> StepResponse {
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        if let Ok(v) = HeaderValue::from_str(v) {
            map.append(*k, v);
        }
    }
    StepResponse::new(
        "GET",
        "http://x/".into(),
        200,
        map,
        bytes::Bytes::from_static(body),
        RequestRecord::default(),
    )
}

#[test]
fn retry_after_forms_and_headers() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
    let r = step_response(&[("retry-after", later.as_str())], b"");
    assert_eq!(r.retry_after(now), Some(Duration::from_secs(30)));
    let r = step_response(&[("retry-after", "soon")], b"");
    assert_eq!(r.retry_after(now), None);
    let r = step_response(&[], b"");
    assert_eq!(r.retry_after(now), None);

    let r = step_response(&[("x-a", "1"), ("x-a", "2")], b"not json");
    assert_eq!(r.header("X-A"), json!("1, 2"));
    assert_eq!(r.header("bad header name"), Value::Null);
    assert_eq!(r.json(), &Value::Null);
    assert_eq!(r.body_at(Some("/a")), Value::Null);
    assert_eq!(r.request_body_at(None), Value::Null);
}

fn client(server: &MockServer) -> Client {
    Client::builder(&server.uri())
        .clock(ManualClock::new())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn send_captures_response_and_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/items/7"))
        .and(query_param("q", "x"))
        .and(header("x-trace", "abc"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Rate-Remaining", "5")
                .insert_header("Retry-After", "1.5")
                .set_body_json(json!({"data": [{"id": 1, "name": "a/b"}], "status": "IDLE"})),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let request_body = json!({"name": "rex", "tags": ["a"]});
    let builder = client
        .request(Method::POST, "/items/7")
        .query("q", "x")
        .header("X-Trace", "abc")
        .json(&request_body);
    let url = format!("{}/items/7", server.uri());
    let mut record = RequestRecord::default();
    record.path.insert("id".into(), json!(7));
    record.query.insert("q".into(), json!("x"));
    record.header.insert("X-Trace".into(), json!("abc"));
    record.body = Some(request_body.clone());

    let r = StepResponse::send(builder, "POST", url.clone(), record)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status, 201);
    assert_eq!(r.method, "POST");
    assert_eq!(r.url, url);
    assert_eq!(r.header("x-rate-remaining"), json!("5"));
    assert_eq!(r.header("X-RATE-REMAINING"), json!("5"));
    assert!(compare(&r.header("X-Rate-Remaining"), Gt, &json!(0)));
    assert_eq!(r.header("X-Missing"), Value::Null);
    assert_eq!(r.body_at(Some("/data/0/id")), json!(1));
    assert_eq!(r.body_at(Some("/data/0/name")), json!("a/b"));
    assert_eq!(r.body_at(Some("/data/1/id")), Value::Null);
    assert_eq!(r.body_at(None), r.json().clone());
    assert_eq!(r.json()["status"], json!("IDLE"));
    assert!(jsonpath_compare(
        &jp("$.status"),
        r.json(),
        Ne,
        &json!("SYNCING")
    ));
    assert_eq!(
        r.retry_after(SystemTime::now()),
        Some(Duration::from_millis(1500))
    );

    assert_eq!(r.request_header("x-trace"), json!("abc"));
    assert_eq!(r.request_header("X-TRACE"), json!("abc"));
    assert_eq!(r.request_header("other"), Value::Null);
    assert_eq!(r.request_query("q"), json!("x"));
    assert_eq!(r.request_query("Q"), Value::Null);
    assert_eq!(r.request_path("id"), json!(7));
    assert_eq!(r.request_path("nope"), Value::Null);
    assert_eq!(r.request_body_at(None), request_body);
    assert_eq!(r.request_body_at(Some("/tags/0")), json!("a"));
    assert_eq!(r.request_body_at(Some("/tags/5")), Value::Null);
}

#[tokio::test]
async fn send_empty_and_non_json_bodies() {
    let server = MockServer::start().await;
    Mock::given(path("/empty"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/text"))
        .respond_with(ResponseTemplate::new(404).set_body_string("not found"))
        .mount(&server)
        .await;
    let client = client(&server);

    let r = StepResponse::send(
        client.request(Method::DELETE, "/empty"),
        "DELETE",
        format!("{}/empty", server.uri()),
        RequestRecord::default(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status, 204);
    assert!(r.body.is_empty());
    assert_eq!(r.json(), &Value::Null);
    assert_eq!(r.body_at(None), Value::Null);
    assert!(!jsonpath_exists(&jp("$"), r.json()));

    let r = StepResponse::send(
        client.request(Method::GET, "/text"),
        "GET",
        format!("{}/text", server.uri()),
        RequestRecord::default(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status, 404);
    assert_eq!(&r.body[..], b"not found");
    assert_eq!(r.json(), &Value::Null);
}

#[tokio::test]
async fn send_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        listener
            .local_addr()
            .unwrap_or_else(|e| panic!("{e}"))
            .port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let client = Client::builder(&base)
        .clock(ManualClock::new())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let result = StepResponse::send(
        client.request(Method::GET, "/x"),
        "GET",
        format!("{base}/x"),
        RequestRecord::default(),
    )
    .await;
    assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
    if let Err(source) = result {
        let e = WorkflowError::Transport {
            workflow: "w",
            step: "s",
            attempt: 3,
            source,
        };
        assert!(
            e.to_string()
                .starts_with("step `s` of workflow `w` (attempt 3)"),
            "{e}"
        );
        assert!(std::error::Error::source(&e).is_some());
    }
}

#[test]
fn typed_ref_decodes_in_place_and_names_a_bad_shape() {
    use paragon_runtime::arazzo::{WorkflowError, typed_ref};
    let body = serde_json::json!({"records": [{"id": "r1"}], "count": "many"});
    let ids: Option<Vec<serde_json::Map<String, serde_json::Value>>> =
        typed_ref("pull", "records", body.pointer("/records")).unwrap();
    assert_eq!(ids.unwrap()[0]["id"], "r1");
    assert_eq!(
        typed_ref::<i64>("pull", "missing", body.pointer("/nope")).unwrap(),
        None
    );
    assert_eq!(
        typed_ref::<i64>("pull", "null", Some(&serde_json::Value::Null)).unwrap(),
        None
    );
    match typed_ref::<i64>("pull", "count", body.pointer("/count")) {
        Err(WorkflowError::Output {
            step,
            output,
            message,
        }) => {
            assert_eq!((step, output), ("pull", "count"));
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("expected an output error, got {other:?}"),
    }
}

fn response(body: &str) -> StepResponse {
    StepResponse::new(
        "GET",
        "http://x/y".into(),
        200,
        HeaderMap::new(),
        bytes::Bytes::from(body.to_owned()),
        Default::default(),
    )
}

#[test]
fn typed_at_follows_pointers_through_the_bytes() {
    use paragon_runtime::arazzo::{WorkflowError, typed_at};
    let body = r#"{"skip": {"deep": [1, 2, {"x": "y"}]}, "records": [{"id": "r1"}, {"id": "r2", "tags": ["a", "b"]}], "a/b": {"~c": 5}, "n": null, "s": "text", "count": "many"}"#;
    let r = response(body);
    let ids: Vec<serde_json::Map<String, Value>> = typed_at("s", "records", &r, Some("/records"))
        .unwrap()
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(
        typed_at::<String>("s", "o", &r, Some("/records/1/tags/1"))
            .unwrap()
            .as_deref(),
        Some("b")
    );
    assert_eq!(
        typed_at::<i64>("s", "o", &r, Some("/a~1b/~0c")).unwrap(),
        Some(5)
    );
    assert_eq!(
        typed_at::<String>("s", "o", &r, Some("/skip/deep/2/x"))
            .unwrap()
            .as_deref(),
        Some("y")
    );
    // Missing, null, past the end, into a scalar: nothing.
    for p in ["/nope", "/n", "/records/9", "/s/0", "/records/x"] {
        assert_eq!(
            typed_at::<Value>("s", "o", &r, Some(p)).unwrap(),
            None,
            "{p}"
        );
    }
    // The whole body.
    let whole: Value = typed_at("s", "o", &r, None).unwrap().unwrap();
    assert_eq!(whole["records"][0]["id"], "r1");
    // A value of another shape is an output error naming the step and output.
    match typed_at::<i64>("pull", "count", &r, Some("/count")) {
        Err(WorkflowError::Output { step, output, .. }) => {
            assert_eq!((step, output), ("pull", "count"))
        }
        other => panic!("expected an output error, got {other:?}"),
    }
    // Not JSON or empty: `$response.body` is null.
    assert_eq!(
        typed_at::<i64>("s", "o", &response("<html>"), Some("/a")).unwrap(),
        None
    );
    assert_eq!(
        typed_at::<i64>("s", "o", &response("  "), None).unwrap(),
        None
    );
}

#[test]
fn typed_at_agrees_with_the_tree_once_it_is_parsed() {
    use paragon_runtime::arazzo::typed_at;
    let r = response(r#"{"status": "IDLE", "items": [{"k": 1}]}"#);
    let before: Option<i64> = typed_at("s", "o", &r, Some("/items/0/k")).unwrap();
    assert_eq!(r.json()["status"], "IDLE"); // an expression parses the tree
    let after: Option<i64> = typed_at("s", "o", &r, Some("/items/0/k")).unwrap();
    assert_eq!((before, after), (Some(1), Some(1)));
}

#[test]
fn typed_at_answers_as_the_tree_does_on_odd_bodies() {
    use paragon_runtime::arazzo::{typed_at, typed_ref};
    #[derive(Debug, Deserialize, PartialEq)]
    struct Pet {
        name: String,
    }
    let bodies = [
        // Duplicate keys: the last wins.
        (r#"{"a": 1, "a": 2}"#, "/a"),
        // A duplicate field inside the target struct.
        (r#"{"pet": {"name": "x", "name": "y"}}"#, "/pet"),
        // Index tokens a JSON Pointer does not allow.
        (r#"{"xs": [10, 20]}"#, "/xs/01"),
        (r#"{"xs": [10, 20]}"#, "/xs/+1"),
        (r#"{"xs": [10, 20]}"#, "/xs/-"),
        (r#"{"xs": [10, 20]}"#, "/xs/1"),
    ];
    for (body, p) in bodies {
        let streamed_int = typed_at::<i64>("s", "o", &response(body), Some(p))
            .ok()
            .flatten();
        let r = response(body);
        let tree_int = typed_ref::<i64>("s", "o", r.json().pointer(p))
            .ok()
            .flatten();
        assert_eq!(streamed_int, tree_int, "{body} {p}");
        let streamed_pet = typed_at::<Pet>("s", "o", &response(body), Some(p))
            .ok()
            .flatten();
        let tree_pet = typed_ref::<Pet>("s", "o", r.json().pointer(p))
            .ok()
            .flatten();
        assert_eq!(streamed_pet, tree_pet, "{body} {p}");
    }
    assert_eq!(
        typed_at::<i64>("s", "o", &response(r#"{"a": 1, "a": 2}"#), Some("/a")).unwrap(),
        Some(2)
    );
}

/// Bodies on which the byte-level fast paths must answer exactly as the JSON tree does,
/// including bodies the tree parser refuses somewhere the pointer does not go.
fn odd_bodies() -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = [
        r#"{"status": "IDLE", "count": 3}"#,
        r#"{"status": "SYNCING"}"#,
        r#"{"status": "syncing"}"#,
        r#"{"status": null}"#,
        r#"{"count": 3}"#,
        r#"{"status": "IDLE", "status": "SYNCING"}"#,
        r#"{"status": "SYNCING", "status": "IDLE"}"#,
        r#"{"data": {"status": "IDLE"}, "status": 1}"#,
        r#"[{"status": "IDLE"}]"#,
        r#""IDLE""#,
        "null",
        "",
        "<html>",
        r#"{"status": "IDLE"} trailing"#,
        // Not JSON to the tree parser, in a member no pointer reaches.
        r#"{"status": "IDLE", "x": "\ud800"}"#,
        r#"{"status": "IDLE", "x": 1e400}"#,
        r#"{"x": [1, "\ud800"], "status": "IDLE"}"#,
    ]
    .iter()
    .map(|b| b.as_bytes().to_vec())
    .collect();
    bodies.push(b"{\"status\": \"IDLE\", \"x\": \"\xff\"}".to_vec());
    let deep = format!(
        r#"{{"status": "IDLE", "x": {}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    bodies.push(deep.into_bytes());
    bodies
}

fn response_bytes(body: &[u8]) -> StepResponse {
    StepResponse::new(
        "GET",
        "http://x/y".into(),
        200,
        HeaderMap::new(),
        bytes::Bytes::from(body.to_vec()),
        Default::default(),
    )
}

#[test]
fn body_compare_and_exists_answer_as_jsonpath_on_the_tree() {
    use paragon_runtime::arazzo::{body_compare, body_exists};
    let queries = [
        ("$.status", "/status"),
        ("$.data.status", "/data/status"),
        ("$['a/b']", "/a~1b"),
    ];
    let literals = [json!("SYNCING"), json!("idle"), json!(null), json!(1)];
    for body in odd_bodies() {
        let shown = String::from_utf8_lossy(&body);
        for (query, pointer) in queries {
            let path = JsonPath::parse(query).unwrap();
            let tree = response_bytes(&body);
            let tree_exists = jsonpath_exists(&path, tree.json());
            // Before any tree is parsed (from the bytes) and after (from the tree).
            let fresh = response_bytes(&body);
            assert_eq!(
                body_exists(&fresh, pointer),
                tree_exists,
                "{query} on {shown}"
            );
            assert_eq!(
                body_exists(&tree, pointer),
                tree_exists,
                "{query} on {shown} (tree)"
            );
            for lit in &literals {
                for op in ALL_OPS {
                    let want = jsonpath_compare(&path, tree.json(), op, lit);
                    let fresh = response_bytes(&body);
                    assert_eq!(
                        body_compare(&fresh, pointer, op, lit),
                        want,
                        "{query} {op} {lit} on {shown}"
                    );
                    assert_eq!(body_compare(&tree, pointer, op, lit), want);
                }
            }
        }
    }
}

#[test]
fn decode_members_answers_as_each_output_on_its_own_or_not_at_all() {
    use paragon_runtime::arazzo::{decode_members, typed_at};
    #[derive(Debug, Deserialize)]
    struct Members {
        #[serde(default)]
        status: Option<String>,
        #[serde(default)]
        count: Option<i64>,
    }
    let mut answered = 0;
    for body in odd_bodies() {
        let shown = String::from_utf8_lossy(&body).into_owned();
        for parsed_first in [false, true] {
            let r = response_bytes(&body);
            if parsed_first {
                let _ = r.json();
            }
            let status = typed_at::<String>("s", "status", &r, Some("/status"));
            let count = typed_at::<i64>("s", "count", &r, Some("/count"));
            let Some(m) = decode_members::<Members>(&r) else {
                continue;
            };
            answered += 1;
            assert_eq!(Ok(m.status), status.map_err(|e| e.to_string()), "{shown}");
            assert_eq!(Ok(m.count), count.map_err(|e| e.to_string()), "{shown}");
        }
    }
    // The five objects of the right shapes, from the bytes and from the tree, and the two with
    // a duplicate key once a tree (which keeps the last) is parsed.
    assert_eq!(answered, 12, "bodies decoded in one pass");
    // A member of another shape is left to the one-by-one path, which names it.
    let r = response(r#"{"status": 5, "count": 3}"#);
    assert!(decode_members::<Members>(&r).is_none());
    assert!(typed_at::<String>("s", "status", &r, Some("/status")).is_err());
}

#[test]
fn string_equality_ignores_case_in_and_beyond_ascii() {
    assert!(compare(&json!("Idle"), Eq, &json!("IDLE")));
    assert!(compare(&json!("ÉTÉ"), Eq, &json!("été")));
    assert!(compare(&json!("idle"), Ne, &json!("idle ")));
    assert!(!compare(&json!("é"), Eq, &json!("e")));
}

#[test]
fn typed_outputs_read_no_body_that_the_tree_parser_refuses() {
    use paragon_runtime::arazzo::typed_at;
    for body in odd_bodies() {
        let shown = String::from_utf8_lossy(&body);
        let fresh = typed_at::<Value>("s", "o", &response_bytes(&body), Some("/status"));
        let r = response_bytes(&body);
        let _ = r.json();
        let tree = typed_at::<Value>("s", "o", &r, Some("/status"));
        assert_eq!(
            fresh.map_err(|e| e.to_string()),
            tree.map_err(|e| e.to_string()),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn requests_the_client_retried_on_its_own_are_reported_to_the_observer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri())
        .clock(ManualClock::new())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let r = StepResponse::send(
        client.request(Method::GET, "/busy"),
        "GET",
        String::new(),
        RequestRecord::default(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((r.status, r.client_retries), (200, 2));
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = events.clone();
    let mut observer: Observer = Some(Box::new(move |e: &Event| {
        seen.lock().unwrap().push(e.clone())
    }));
    paragon_runtime::arazzo::report_client_retries(&mut observer, "wf", "busy", 1, &r);
    let events = events.lock().unwrap().clone();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].outcome, Outcome::ClientRetried { retries: 2 });
    assert_eq!(
        (events[0].step, events[0].status, events[0].outcome.kind()),
        ("busy", Some(200), "client_retried")
    );
    // No retry, no event.
    let quiet = StepResponse::new(
        "GET",
        String::new(),
        200,
        HeaderMap::new(),
        bytes::Bytes::new(),
        RequestRecord::default(),
    );
    paragon_runtime::arazzo::report_client_retries(&mut observer, "wf", "busy", 1, &quiet);
    assert_eq!(received_count(&server).await, 3);
}

async fn received_count(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

/// One decoding of JSON Pointers in the runtime: the byte-level reads, the parsed tree, and
/// `pointer()` answer alike, and a `~` that is not `~0` or `~1` reaches nothing in all of
/// them (as it is an error for replacement targets).
#[test]
fn pointer_reads_agree_on_every_token() {
    let body = json!({"a~2": 1, "a~b": 2, "x/y": 3, "list": [10, 11], "": 4});
    let cases = [
        ("/a~2", false),
        ("/a~0b", true),
        ("/x~1y", true),
        ("/list/1", true),
        ("/list/01", false),
        ("/list/-", false),
        ("/list/2", false),
        ("/", true),
        ("/a~", false),
    ];
    for (p, present) in cases {
        let bytes = StepResponse::synthetic(body.clone());
        let tree = StepResponse::synthetic(body.clone());
        let _ = tree.json();
        assert_eq!(
            paragon_runtime::arazzo::body_exists(&bytes, p),
            present,
            "bytes {p}"
        );
        assert_eq!(
            paragon_runtime::arazzo::body_exists(&tree, p),
            present,
            "tree {p}"
        );
        assert_eq!(!pointer(&body, p).is_null(), present, "pointer() {p}");
    }
}

/// `x-operation` URLs: each `{name}` a parameter fills is replaced (once per occurrence);
/// names no parameter fills, and a `{` that is never closed, stay as written.
#[test]
fn fill_url_replaces_only_the_names_given() {
    use paragon_runtime::arazzo::fill_url;
    let params = [("id", "a%20b".to_owned()), ("v", "2".to_owned())];
    assert_eq!(
        fill_url("https://h/{id}/x/{id}?v={v}", &params),
        "https://h/a%20b/x/a%20b?v=2"
    );
    assert_eq!(
        fill_url("https://h/{other}/{id", &params),
        "https://h/{other}/{id"
    );
    assert_eq!(fill_url("https://h/{}", &params), "https://h/{}");
    assert_eq!(fill_url("", &params), "");
}
