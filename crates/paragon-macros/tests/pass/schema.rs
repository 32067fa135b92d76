//! `paragon_schema!` on a document with `$id`, an `$anchor`, a `$ref` into another file,
//! `$defs`, constrained scalars (newtypes), a closed enum, `additionalProperties: false`,
//! `unevaluatedProperties: false`, `dependentRequired` and an `if` (typed as any JSON): values
//! that break a rule are refused with the pointer and keyword, valid ones decode and round-trip.

mod order {
    paragon_macros::paragon_schema!(
        "../fixtures/schemas/order.schema.json",
        allow_path("../fixtures"),
        closed_enums
    );
}

use order::{Order, OrderStatus};
use paragon_runtime::serde_json::{self, json};

fn refused(value: serde_json::Value) -> String {
    serde_json::from_value::<Order>(value)
        .expect_err("refused")
        .to_string()
}

fn main() {
    let valid = json!({
        "id": "ord_0042",
        "currency": "EUR",
        "status": "paid",
        "lines": [{"sku": "abc-1", "quantity": 2}, {"sku": "xyz", "quantity": 1, "gift": true}],
        "total": 19.99,
        "tags": ["a", "b"]
    });
    let order: Order = serde_json::from_value(valid.clone()).expect("valid");
    assert_eq!(order.status, Some(OrderStatus::Paid));
    assert_eq!(order.id.as_str(), "ord_0042");
    assert_eq!(order.lines[0].quantity.into_inner(), 2);
    assert_eq!(serde_json::to_value(&order).unwrap(), valid);
    let mut with_null = valid.clone();
    with_null["note"] = json!(null);
    let same: Order = serde_json::from_value(with_null).expect("`note` may be null");
    assert_eq!(same.note, None);

    // Constrained scalars are newtypes: built through TryFrom, read through Deref.
    assert!(order::OrderId::try_from("ord_12".to_owned()).is_err());
    let id = order::OrderId::try_from("ord_1234".to_owned()).unwrap();
    assert_eq!(id.len(), 8);

    let mut bad = valid.clone();
    bad["id"] = json!("ord_x");
    let e = refused(bad);
    assert!(e.starts_with("/id: does not match the pattern"), "{e}");
    // ECMA-262's `\d` is ASCII only.
    let mut bad = valid.clone();
    bad["id"] = json!("ord_١٢٣٤");
    assert!(refused(bad).contains("`pattern`"));

    let mut bad = valid.clone();
    bad["lines"][1]["quantity"] = json!(100);
    let e = refused(bad);
    assert!(e.starts_with("/lines/1/quantity: must be at most 99 (`maximum`)"), "{e}");

    let mut bad = valid.clone();
    bad["lines"][0]["colour"] = json!("red");
    assert!(refused(bad).contains("/lines/0/colour: is a property no other keyword of the schema allows (`unevaluatedProperties`)"));

    let mut bad = valid.clone();
    bad["extra"] = json!(1);
    assert!(refused(bad).contains("/extra: is not a property the schema allows (`additionalProperties`)"));

    let mut bad = valid.clone();
    bad["status"] = json!("lost");
    assert!(refused(bad).contains("(`enum`)"), "closed enum");

    let mut bad = valid.clone();
    bad["currency"] = json!("GBP");
    assert!(refused(bad).contains("/currency"));

    let mut bad = valid.clone();
    bad["total"] = json!(1.001);
    assert!(refused(bad).contains("/total: must be a multiple of 0.01 (`multipleOf`)"));

    let mut bad = valid.clone();
    bad["tags"] = json!(["a", "a"]);
    assert!(refused(bad).contains("(`uniqueItems`)"));

    let mut bad = valid.clone();
    bad["lines"] = json!([]);
    assert!(refused(bad).contains("/lines: has 0 items; at least 1 are needed (`minItems`)"));

    // Every broken rule at once.
    let e = refused(json!({"id": 7, "lines": [{"sku": "a", "quantity": 0}]}));
    for part in ["/id: expected string", "/lines/0/sku", "/lines/0/quantity", "`currency` is missing"] {
        assert!(e.contains(part), "{part}: {e}");
    }

    // `if`/`then` has no Rust shape: any JSON, still checked.
    let shape: order::Shape = serde_json::from_value(json!({"kind": "square"})).unwrap();
    assert_eq!(shape.into_inner(), json!({"kind": "square"}));
    assert!(serde_json::from_value::<order::Shape>(json!({"kind": "circle"})).is_err());

    // A value built in code is checked on request.
    let mut built = order.clone();
    built.lines.clear();
    assert!(built.validate().is_err());
}
