//! Rules that can reject an OpenAPI document before planning. Each produces a located
//! [`Diagnostic`](crate::diag::Diagnostic); all are collected.

use std::collections::HashMap;

use serde_json::Value;

use crate::diag::Diagnostics;
use crate::load::{Loc, Sources};

/// The OpenAPI major/minor version of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// 3.0.x: upgraded to 3.1 on load.
    V30,
    /// 3.1.x and 3.2.x.
    V31,
}

/// Checks the document's shape; `None` when it is not an OpenAPI 3 document at all.
pub fn openapi(sources: &Sources, root: &Loc, diags: &mut Diagnostics) -> Option<Version> {
    let Some(Value::Object(doc)) = sources.get(root) else {
        diags.push(sources.error_at(
            root,
            "an OpenAPI document must be a mapping at the top level",
        ));
        return None;
    };
    let version = match (doc.get("openapi"), doc.get("swagger")) {
        (Some(Value::String(v)), _) if v.starts_with("3.0") => Version::V30,
        (Some(Value::String(v)), _) if v.starts_with("3.1") || v.starts_with("3.2") => Version::V31,
        (Some(v), _) => {
            diags.push(sources.error_at(
                &root.join("openapi"),
                format!("unsupported OpenAPI version {v}; 3.0.x and 3.1.x are supported"),
            ));
            return None;
        }
        (None, Some(v)) => {
            // 2.0 was upgraded on load; what is left is another version.
            diags.push(
                sources
                    .error_at(
                        &root.join("swagger"),
                        format!("unsupported Swagger version {v}; Swagger 2.0 and OpenAPI 3.0/3.1 are supported"),
                    )
                    .with_help("convert it to OpenAPI 3 first"),
            );
            return None;
        }
        (None, None) => {
            diags.push(
                sources
                    .error_at(root, "not an OpenAPI document: there is no `openapi` field")
                    .with_help("add `openapi: 3.1.0` at the top level"),
            );
            return None;
        }
    };
    if !matches!(doc.get("info"), Some(Value::Object(_))) {
        diags.push(sources.warning_at(root, "the document has no `info` object"));
    }
    match doc.get("paths") {
        None | Some(Value::Object(_)) | Some(Value::Null) => {}
        Some(_) => diags.push(sources.error_at(&root.join("paths"), "`paths` must be a mapping")),
    }
    duplicate_operation_ids(sources, root, diags);
    Some(version)
}

fn duplicate_operation_ids(sources: &Sources, root: &Loc, diags: &mut Diagnostics) {
    let Some(Value::Object(paths)) = sources.get(&root.join("paths")) else {
        return;
    };
    let mut seen: HashMap<&str, Loc> = HashMap::new();
    for (path, item) in paths {
        let Value::Object(item) = item else { continue };
        for (method, op) in item {
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let loc = root
                .join("paths")
                .join(path)
                .join(method)
                .join("operationId");
            if let Some(first) = seen.get(id) {
                let first_pos = sources
                    .pos(first)
                    .map(|p| format!(" (first at line {})", p.line));
                diags.push(sources.warning_at(
                    &loc,
                    format!(
                        "operationId `{id}` is used twice{}; the second function gets a numbered name",
                        first_pos.unwrap_or_default()
                    ),
                ));
            } else {
                seen.insert(id, loc);
            }
        }
    }
}
