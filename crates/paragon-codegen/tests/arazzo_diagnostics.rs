//! Bad Arazzo documents: every problem located at its line and column, all in one run.
//! The same fixtures are compile-fail cases of `paragon-macros` (there as rendered snippets).

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../paragon-macros/tests/fixtures")
        .join(name)
}

/// `file:line:col: severity: message` of every diagnostic, the directory stripped.
fn diagnostics(name: &str) -> Vec<String> {
    let path = fixture(name);
    let dir = format!("{}/", path.parent().unwrap().display());
    // Documents named by a source are read at their normalized path.
    let normalized = format!(
        "{}/",
        paragon_codegen::load::normalize(path.parent().unwrap()).display()
    );
    // The fixtures share `fixtures/pets.yml`, one directory up from the `bad/` documents.
    let options = paragon_codegen::LoadOptions {
        root_dir: Some(fixture("")),
        ..Default::default()
    };
    let diags = match paragon_codegen::Generator::new()
        .with_load((options).clone())
        .workflows(&path)
    {
        Ok(g) => g.diagnostics,
        Err(d) => d,
    };
    diags
        .iter()
        .map(|d| d.to_string().replace(&dir, "").replace(&normalized, ""))
        .map(|s| s.lines().next().unwrap_or_default().to_owned())
        .collect()
}

/// The first line of every diagnostic of compiling `path` (paths as they are).
fn first_lines(path: &Path, options: &paragon_codegen::LoadOptions) -> Vec<String> {
    let diags = match paragon_codegen::Generator::new()
        .with_load(options.clone())
        .workflows(path)
    {
        Ok(g) => g.diagnostics,
        Err(d) => d,
    };
    diags
        .iter()
        .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
        .collect()
}

/// A fresh directory holding a copy of `pets.openapi.yml`, and options that read from it.
fn scratch_dir(test: &str) -> (PathBuf, paragon_codegen::LoadOptions) {
    let dir = std::env::temp_dir().join(format!("paragon-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("pets.openapi.yml"), dir.join("pets.openapi.yml")).unwrap();
    let options = paragon_codegen::LoadOptions {
        root_dir: Some(dir.clone()),
        ..Default::default()
    };
    (dir, options)
}

#[test]
fn step_and_target_errors() {
    assert_eq!(
        diagnostics("bad/steps.arazzo.yml"),
        [
            "steps.arazzo.yml:21:17: error: stepId `get` is used twice in workflow `flow`",
            "steps.arazzo.yml:17:47: error: action `again` goes to step `nowhere`, which this workflow does not have",
            "steps.arazzo.yml:18:52: error: action `other` goes to workflow `no-such-flow`, which this document does not define (help: its workflows are: flow)",
            // The runners read an undeclared output as `undefined`: absent, with a warning.
            "steps.arazzo.yml:26:13: warning: step `get` defines no output `nickname`; the value is always absent (help: its outputs are: name; declare `nickname` there, or use one of them)",
        ]
    );
}

#[test]
fn operation_errors() {
    assert_eq!(
        diagnostics("bad/operations.arazzo.yml"),
        [
            "operations.arazzo.yml:10:22: error: source `pets` has no operation `feedPet`",
            "operations.arazzo.yml:12:22: error: operation `login` exists in several sources (pets, morePets) (help: write `$sourceDescriptions.pets.login`)",
            "operations.arazzo.yml:14:24: error: `{$sourceDescriptions.pets.url}#/paths/~1cats/get` does not resolve to an operation of `pets`",
        ]
    );
}

#[test]
fn expression_and_criterion_errors() {
    let d = diagnostics("bad/expressions.arazzo.yml");
    let located: Vec<&str> = d
        .iter()
        .map(|l| l.split(": ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        located,
        [
            "expressions.arazzo.yml:15:44",
            "expressions.arazzo.yml:17:45",
            "expressions.arazzo.yml:18:38",
            "expressions.arazzo.yml:20:42",
            "expressions.arazzo.yml:23:24",
        ],
        "{d:#?}"
    );
    // An undeclared input is added as optional JSON; the warning names the likely typo.
    assert!(
        d[0].contains(
            "warning: `$inputs.petID` is not in the workflow's inputs schema; read as an optional input of any JSON (help: did you mean `$inputs.petId`? Else declare `petID` in the workflow's `inputs`)"
        ),
        "{}",
        d[0]
    );
    assert!(
        d[3].contains(
            "error: not an XPath 1.0 expression (ran out of input); `xpath` criteria are evaluated as XPath 1.0"
        ),
        "{}",
        d[3]
    );
    assert!(d[4].contains("invalid regular expression"), "{}", d[4]);
}

#[test]
fn a_missing_required_parameter_is_a_warning_not_an_error() {
    let path = fixture("warn.arazzo.yml");
    let generated = paragon_codegen::Generator::new()
        .workflows(&path)
        .map_err(|d| d.to_string())
        .unwrap();
    let warnings: Vec<String> = generated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("warn.arazzo.yml:8:9: warning: step `list` does not supply the required header parameter `X-Session` of `listPets`"),
        "{}",
        warnings[0]
    );
}

#[test]
fn the_features_fixture_is_clean() {
    let generated = paragon_codegen::Generator::new()
        .workflows(&fixture("features.arazzo.yml"))
        .map_err(|d| d.to_string())
        .unwrap();
    assert!(
        generated.diagnostics.is_empty(),
        "{}",
        generated.diagnostics
    );
}

#[test]
fn deeply_nested_and_very_long_conditions_are_located_errors() {
    let dir = std::env::temp_dir().join(format!("paragon-long-cond-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("pets.openapi.yml"), dir.join("pets.openapi.yml")).unwrap();
    let nested = format!(
        "{}$statusCode == 200{}",
        "(".repeat(5_000),
        ")".repeat(5_000)
    );
    let long = vec!["$statusCode == 200"; 50_000].join(" && ");
    let filter = format!("$[?{}@.name{}]", "(".repeat(5_000), ")".repeat(5_000));
    let doc = format!(
        "arazzo: 1.0.1\ninfo: {{title: t, version: '1'}}\n\
         sourceDescriptions:\n  - {{name: pets, url: pets.openapi.yml, type: openapi}}\n\
         workflows:\n  - workflowId: flow\n    steps:\n      - stepId: get\n        operationId: getPet\n\
         \x20       parameters:\n          - {{name: petId, in: path, value: 1}}\n\
         \x20       successCriteria:\n\
         \x20         - condition: '{nested}'\n\
         \x20         - condition: '{long}'\n\
         \x20         - {{context: $response.body, type: jsonpath, condition: '{filter}'}}\n"
    );
    let path = dir.join("long.arazzo.yml");
    std::fs::write(&path, doc).unwrap();
    let lines = first_lines(&path, &paragon_codegen::LoadOptions::default());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    // Each error points into its own line of the document, at the character past the bound.
    assert!(lines[0].contains("long.arazzo.yml:13:") && lines[0].contains("nested more than 32"));
    assert!(
        lines[1].contains("long.arazzo.yml:14:") && lines[1].contains("more than 256 operands")
    );
    assert!(lines[2].contains("long.arazzo.yml:15:") && lines[2].contains("brackets nested"));
}

/// `x-paragon-idempotent` and `x-paragon-idempotency-key` are booleans; anything else is an
/// error at the value.
#[test]
fn idempotency_marks_are_booleans() {
    let dir = std::env::temp_dir().join(format!("paragon-idem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("pets.openapi.yml"), dir.join("pets.openapi.yml")).unwrap();
    let doc = "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\n\
         sourceDescriptions:\n  - {name: pets, url: pets.openapi.yml, type: openapi}\n\
         workflows:\n  - workflowId: flow\n    steps:\n      - stepId: create\n        operationId: createPet\n\
         \x20       x-paragon-idempotent: 'yes'\n\
         \x20       x-paragon-idempotency-key: 1\n";
    let path = dir.join("idem.arazzo.yml");
    std::fs::write(&path, doc).unwrap();
    let diags = match paragon_codegen::Generator::new().workflows(&path) {
        Ok(g) => g.diagnostics,
        Err(d) => d,
    };
    let _ = std::fs::remove_dir_all(&dir);
    let errors: Vec<String> = diags.errors().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].contains("idem.arazzo.yml:10:31")
            && errors[0].contains("`x-paragon-idempotent` is `true` or `false`"),
        "{errors:#?}"
    );
    assert!(errors[1].contains("idem.arazzo.yml:11:36"), "{errors:#?}");
}

#[test]
fn documents_that_name_each_other_in_a_cycle_and_bad_workflow_references() {
    assert_eq!(
        diagnostics("bad/cycle_a.arazzo.yml"),
        [
            // Found where the cycle closes, in the second document.
            "cycle_b.arazzo.yml:5:20: error: source description `a` makes a cycle of Arazzo documents: cycle_a.arazzo.yml → cycle_b.arazzo.yml → cycle_a.arazzo.yml (help: a document cannot use workflows of a document that uses its own; move the shared workflows into a third document)",
            "cycle_b.arazzo.yml:12:21: error: `$sourceDescriptions.a.a`: source `a` did not load (its error is above) (help: sources are: pets, a)",
            "cycle_a.arazzo.yml:12:21: error: `$sourceDescriptions.b.bb`: source `b` has no workflow `bb` (help: did you mean `b`?)",
            "cycle_a.arazzo.yml:14:21: error: `$sourceDescriptions.pets.listPets`: `pets` is an OpenAPI source; workflows are in sources of `type: arazzo` (help: sources are: pets, b)",
            "cycle_a.arazzo.yml:16:21: warning: `$sourceDescription.b.b` read as `$sourceDescriptions.b.b` (help: write `$sourceDescriptions.b.b`, the standard form)",
            "cycle_b.arazzo.yml:9:9: warning: step `list` does not supply the required header parameter `X-Session` of `listPets`",
        ]
    );
}

#[test]
fn an_undeclared_input_is_added_even_when_a_declared_one_starts_its_name() {
    let (dir, options) = scratch_dir("undeclared");
    let doc = dir.join("flow.arazzo.yml");
    std::fs::write(
        &doc,
        "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n  - {name: pets, url: pets.openapi.yml}\nworkflows:\n  - workflowId: flow\n    inputs:\n      type: object\n      properties:\n        pet: {type: object}\n    steps:\n      - stepId: get\n        operationId: getPet\n        parameters:\n          - {name: petId, in: path, value: $inputs.petId}\n          - {name: X-Trace, in: header, value: $inputs.pet}\n",
    )
    .unwrap();
    let generated = match paragon_codegen::Generator::new()
        .with_load((options).clone())
        .workflows(&doc)
    {
        Ok(g) => g,
        Err(d) => panic!("{d}"),
    };
    let warnings: Vec<String> = generated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    // `petId` is not `pet`: it is undeclared, and added; `pet` is not added again.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("`$inputs.petId` is not in the workflow's inputs schema"),
        "{}",
        warnings[0]
    );
    let code = generated.tokens().to_string();
    assert!(code.contains("\"petId\""), "petId is not an input");
    assert!(
        code.contains("pub pet_id : Option <:: paragon_runtime :: serde_json :: Value >"),
        "petId is not optional JSON"
    );
    // The request checks the absent value before sending.
    assert!(
        code.contains("rt :: require_path (WORKFLOW , STEP , \"petId\""),
        "no check"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_last_success_action_going_to_the_next_step_is_a_no_op_warning() {
    // The seed workflow's `synced` action goes to `pullSyncedRecords`, the step that follows
    // `pollSyncStatus` anyway: its criterion cannot change where the workflow goes.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml");
    let options = paragon_codegen::LoadOptions {
        root_dir: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs")),
        ..Default::default()
    };
    let generated = match paragon_codegen::Generator::new()
        .with_load((options).clone())
        .workflows(&path)
    {
        Ok(g) => g,
        Err(d) => panic!("{d}"),
    };
    let warnings: Vec<String> = generated
        .diagnostics
        .iter()
        .filter(|d| d.code == Some("no-op-action"))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(
            ":83:7: warning: action `synced` goes to step `pullSyncedRecords`, which follows anyway"
        ),
        "{}",
        warnings[0]
    );
}

#[test]
fn an_unknown_operation_id_names_the_sibling_document_that_has_it_or_the_closest_one() {
    let (dir, options) = scratch_dir("sibling");
    // Minified JSON, not a source of the document.
    std::fs::write(
        dir.join("integrations.json"),
        r#"{"openapi":"3.1.0","info":{"title":"I","version":"1"},"paths":{"/i":{"get":{"operationId":"getIntegrations","responses":{"200":{"description":"ok"}}}}}}"#,
    )
    .unwrap();
    let doc = dir.join("flow.arazzo.yml");
    std::fs::write(
        &doc,
        "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n  - {name: pets, url: pets.openapi.yml}\nworkflows:\n  - workflowId: flow\n    steps:\n      - stepId: a\n        operationId: getIntegrations\n      - stepId: b\n        operationId: listPet\n",
    )
    .unwrap();
    let diags: Vec<String> = paragon_codegen::Generator::new()
        .with_load((options).clone())
        .check(&doc)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        diags[0].contains("9:22: error: no source description has an operation `getIntegrations` (help: `getIntegrations` is in `integrations.json`, which is not a source of this document; add it to `sourceDescriptions`)"),
        "{diags:#?}"
    );
    assert!(
        diags[1].contains("11:22: error: no source description has an operation `listPet` (help: did you mean `listPets`?)"),
        "{diags:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Redocly's `x-operation` compiles with a warning that says what it sends; a bad method, a
/// missing `url`, one beside `operationId`, and a document without an OpenAPI source to send it
/// with are located errors.
#[test]
fn x_operation_steps_compile_with_a_warning_and_their_errors_are_located() {
    let (dir, options) = scratch_dir("x-operation");
    let doc = dir.join("flow.arazzo.yml");
    let run = |text: &str| -> Vec<String> {
        std::fs::write(&doc, text).unwrap();
        paragon_codegen::Generator::new()
            .with_load((options).clone())
            .check(&doc)
            .iter()
            .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
            .collect()
    };
    let head = "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n  - {name: pets, url: pets.openapi.yml}\nworkflows:\n  - workflowId: flow\n    steps:\n";
    let ok = run(&format!(
        "{head}      - stepId: ping\n        x-operation: {{url: 'https://example.com/ping', method: get}}\n"
    ));
    assert_eq!(ok.len(), 1, "{ok:#?}");
    assert!(
        ok[0].contains("9:9: warning: step `ping` sends `GET https://example.com/ping` through Redocly's `x-operation`: no OpenAPI operation describes it, so its response is untyped JSON and no credentials are sent"),
        "{ok:#?}"
    );
    let bad = run(&format!(
        "{head}      - stepId: a\n        x-operation: {{url: 'https://example.com/a', method: fetch}}\n\
         \x20     - stepId: b\n        x-operation: {{method: get}}\n\
         \x20     - stepId: c\n        operationId: getPet\n        x-operation: {{url: 'https://example.com/c', method: get}}\n"
    ));
    let located: Vec<&str> = bad
        .iter()
        .map(|l| l.split(": ").next().unwrap_or_default())
        .collect();
    assert_eq!(located.len(), 3, "{bad:#?}");
    assert!(
        bad[0].contains("9:61: error: `fetch` is not an HTTP method"),
        "{bad:#?}"
    );
    assert!(
        bad[1].contains("11:9: error: `x-operation` has no `url`"),
        "{bad:#?}"
    );
    assert!(
        bad[2].contains("12:9: error: step `c` names more than one of"),
        "{bad:#?}"
    );
    // No OpenAPI source: no client to send it with.
    let none = run(
        "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n  - {name: other, url: other.arazzo.yml, type: arazzo}\nworkflows:\n  - workflowId: flow\n    steps:\n      - stepId: ping\n        x-operation: {url: 'https://example.com/ping', method: get}\n",
    );
    assert!(
        none.iter().any(|l| l.contains("9:9: error: step `ping`: an `x-operation` step is sent with the client of the document's first OpenAPI source")),
        "{none:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `xpath` criteria: a context is required, the version is one of the three the spec names,
/// and the expression is XPath 1.0 within the bounds (a quote does not hide brackets: XPath
/// strings have no escapes), each a located error, all in one run.
#[test]
fn xpath_criteria_errors() {
    let (dir, options) = scratch_dir("xpath");
    let deep = format!("{}1{}", "(".repeat(40), ")".repeat(40));
    let hidden = format!("'\\' = {}1{}", "(".repeat(40), ")".repeat(40));
    let long = format!("{}1", "1 + ".repeat(400));
    let doc = format!(
        "arazzo: 1.0.1\ninfo: {{title: t, version: '1'}}\n\
         sourceDescriptions:\n  - {{name: pets, url: pets.openapi.yml, type: openapi}}\n\
         workflows:\n  - workflowId: flow\n    steps:\n      - stepId: get\n        operationId: getPet\n\
         \x20       parameters:\n          - {{name: petId, in: path, value: 1}}\n\
         \x20       successCriteria:\n\
         \x20         - {{type: xpath, condition: //pet}}\n\
         \x20         - {{context: $response.body, type: {{type: xpath, version: xpath-40}}, condition: //pet}}\n\
         \x20         - {{context: $response.body, type: xpath, condition: '{deep}'}}\n\
         \x20         - {{context: $response.body, type: xpath, condition: '{}'}}\n\
         \x20         - {{context: $response.body, type: xpath, condition: '{long}'}}\n\
         \x20         - {{context: $response.body, type: xpath, condition: 'for $x in //pet return $x'}}\n\
         \x20         - {{context: $response.body, type: {{type: xpath, version: xpath-30}}, condition: \"//pet[@id = '1'] and count(//pet) < 3\"}}\n",
        hidden.replace('\'', "''")
    );
    let path = dir.join("xpath.arazzo.yml");
    std::fs::write(&path, doc).unwrap();
    let lines = first_lines(&path, &options);
    let _ = std::fs::remove_dir_all(&dir);
    let at = |i: usize, line: u32, text: &str| {
        assert!(
            lines[i].contains(&format!("xpath.arazzo.yml:{line}:")) && lines[i].contains(text),
            "{i}: {lines:#?}"
        );
    };
    assert_eq!(lines.len(), 6, "{lines:#?}");
    at(0, 13, "an `xpath` criterion needs a `context`");
    at(1, 14, "unknown XPath version `xpath-40`");
    at(2, 15, "brackets nested more than 32 deep");
    at(3, 16, "brackets nested more than 32 deep");
    at(4, 17, "longer than 1024 characters");
    // XPath 2.0+ constructs are refused by the 1.0 parser; the last criterion is valid.
    at(5, 18, "not an XPath 1.0 expression");
}

/// A required parameter fed by a step output that the earlier response's schema does not
/// require is a warning at the value (the step would fail before sending); once the schema
/// requires the member, nothing is said.
#[test]
fn a_required_parameter_fed_by_an_output_that_may_be_absent_is_a_warning() {
    let d = diagnostics("files.arazzo.yml");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("files.arazzo.yml:46:41: warning: the required path parameter `id` of `download` is fed by `$steps.meta.outputs.next`, which a successful `meta` may lack: its response schema does not require `next`"),
        "{d:#?}"
    );
    let (dir, options) = scratch_dir("absent-output");
    let api = std::fs::read_to_string(fixture("files.openapi.yml")).unwrap();
    let required = api.replacen(
        "                properties:\n                  id: {type: string}\n                  next: {type: string}",
        "                required: [next]\n                properties:\n                  id: {type: string}\n                  next: {type: string}",
        1,
    );
    assert_ne!(api, required);
    std::fs::write(dir.join("files.openapi.yml"), required).unwrap();
    std::fs::copy(fixture("files.arazzo.yml"), dir.join("files.arazzo.yml")).unwrap();
    let diags = paragon_codegen::Generator::new()
        .with_load((options).clone())
        .check(&dir.join("files.arazzo.yml"));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(diags.iter().next().is_none(), "{diags:?}");
}
