//! A synthetic OpenAPI 3.0 document of any size, shaped like a large vendor description: many
//! object schemas that refer to each other, string enums, arrays, `allOf`, nullable fields and
//! long descriptions; operations with path, query and header parameters, JSON bodies and several
//! responses, grouped under tags. Deterministic: the same size gives the same bytes.
//!
//! About 4 MB for 1,500 operations and 7,000 schemas, the size of the largest vendor documents
//! seen (one has 470 operations and 5,800 schemas in 4.2 MB).

use std::fmt::Write as _;

/// Operations and schemas for a document of about `megabytes` MB (1,500 and 7,000 at 4 MB).
pub fn counts(megabytes: f64) -> (usize, usize) {
    let scale = megabytes / 4.0;
    (
        ((1500.0 * scale).round() as usize).max(2),
        ((7000.0 * scale).round() as usize).max(8),
    )
}

/// The document as minified JSON (as many vendors publish it), with `operations` operations
/// (a `get` and a `put` per path) and `schemas` named schemas.
pub fn document(operations: usize, schemas: usize) -> String {
    let mut out = String::with_capacity(operations * 1200 + schemas * 420);
    out.push_str(r#"{"openapi":"3.0.3","info":{"title":"Synthetic vendor API","version":"1.0.0","description":"Generated for benchmarks."},"servers":[{"url":"https://api.example.com/v1"}],"components":{"securitySchemes":{"token":{"type":"http","scheme":"bearer"}},"schemas":{"#);
    for i in 0..schemas {
        if i > 0 {
            out.push(',');
        }
        schema(&mut out, i, schemas);
    }
    out.push_str(r#"}},"security":[{"token":[]}],"paths":{"#);
    // Two operations (get, put) per path.
    for i in 0..operations.div_ceil(2) {
        if i > 0 {
            out.push(',');
        }
        operation(&mut out, i, schemas);
    }
    out.push_str("}}");
    out
}

/// Schemas are in ten layers by index; a schema refers to one of a lower layer, chosen by a
/// hash, and those of the lowest layer refer to none, as in real descriptions (a resource refers
/// to shared, simpler ones) and so the longest chain of references is ten links. (Referring to
/// any schema makes one strongly connected component of thousands of types, a shape no
/// published description has, on which rustc's drop check overflows its recursion limit.)
fn lower(i: usize, salt: usize, n: usize) -> Option<usize> {
    let layer_size = n.div_ceil(10).max(1);
    let below = (i / layer_size) * layer_size;
    (below > 0).then(|| {
        let h = ((i as u64) << 8 | salt as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 20) as usize % below
    })
}

/// A small deterministic mix so that references spread over the schemas.
fn pick(i: usize, salt: usize, n: usize) -> usize {
    (i.wrapping_mul(2654435761)
        .wrapping_add(salt.wrapping_mul(40503)))
        % n.max(1)
}

fn schema(out: &mut String, i: usize, n: usize) {
    let _ = write!(out, r#""Model{i}":"#);
    match i % 10 {
        // A string enum.
        0 => {
            let _ = write!(
                out,
                r#"{{"type":"string","description":"The state of a model {i}.","enum":["active","archived","pending_review","deleted_{i}"]}}"#
            );
        }
        // An object schema of a lower layer plus its own fields.
        1 if lower(i, 1, n).is_some() => {
            let b = lower(i, 1, n).unwrap_or(2);
            let base = b - b % 10 + 2;
            let _ = write!(
                out,
                r##"{{"allOf":[{{"$ref":"#/components/schemas/Model{base}"}},{{"type":"object","properties":{{"extra{i}":{{"type":"string","description":"Something model {i} adds."}}}}}}]}}"##
            );
        }
        _ => {
            let reference = |to: Option<usize>| match to {
                Some(t) => format!(r##"{{"$ref":"#/components/schemas/Model{t}"}}"##),
                None => r#"{"type":"string"}"#.to_owned(),
            };
            let owner = reference(lower(i, 2, n));
            let items = reference(lower(i, 3, n));
            let _ = write!(
                out,
                r##"{{"type":"object","description":"Model {i}, a resource.","required":["id","name"],"properties":{{"id":{{"type":"string","description":"Unique identifier."}},"name":{{"type":"string"}},"count":{{"type":"integer","format":"int64","nullable":true}},"enabled":{{"type":"boolean","default":true}},"created":{{"type":"string","format":"date-time"}},"tags":{{"type":"array","items":{{"type":"string"}}}},"owner":{owner},"items":{{"type":"array","items":{items}}},"metadata":{{"type":"object","additionalProperties":{{"type":"string"}}}},"parent":{{"$ref":"#/components/schemas/Model{i}"}}}}}}"##
            );
        }
    }
}

fn operation(out: &mut String, i: usize, n: usize) {
    let model = pick(i, 5, n);
    let body = pick(i, 7, n);
    let tag = i % 30;
    let _ = write!(
        out,
        r##""/resources{tag}/items{i}/{{itemId}}":{{"parameters":[{{"name":"itemId","in":"path","required":true,"schema":{{"type":"string"}}}}],"get":{{"operationId":"getItem{i}","tags":["group{tag}"],"summary":"Fetches an item of kind {i}.","description":"Returns the item, or 404 when there is none. Long descriptions like this one are common in vendor documents.","parameters":[{{"name":"expand","in":"query","schema":{{"type":"array","items":{{"type":"string"}}}}}},{{"name":"limit","in":"query","schema":{{"type":"integer","format":"int32","minimum":1,"maximum":100}}}},{{"name":"X-Request-Id","in":"header","schema":{{"type":"string"}}}}],"responses":{{"200":{{"description":"The item.","content":{{"application/json":{{"schema":{{"$ref":"#/components/schemas/Model{model}"}}}}}}}},"404":{{"description":"Not found.","content":{{"application/json":{{"schema":{{"type":"object","properties":{{"code":{{"type":"integer"}},"message":{{"type":"string"}}}}}}}}}}}}}}}},"put":{{"operationId":"putItem{i}","tags":["group{tag}"],"requestBody":{{"required":true,"content":{{"application/json":{{"schema":{{"$ref":"#/components/schemas/Model{body}"}}}}}}}},"responses":{{"200":{{"description":"Stored.","content":{{"application/json":{{"schema":{{"$ref":"#/components/schemas/Model{model}"}}}}}}}},"400":{{"description":"Invalid."}}}}}}}}"##
    );
}
