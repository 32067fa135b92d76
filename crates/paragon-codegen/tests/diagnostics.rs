//! Bad documents are rejected with located diagnostics, all of them in one run, never a panic.

use std::path::{Path, PathBuf};

fn write(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paragon-diag-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir.join(files[0].0)
}

fn errors(path: &Path) -> Vec<String> {
    match paragon_codegen::Generator::new().openapi(path) {
        Ok(_) => Vec::new(),
        Err(d) => d.errors().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_problem_is_reported_with_its_line_and_column() {
    let path = write(
        "many",
        &[(
            "api.yml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n  /b:\n    get:\n      parameters:\n        - name: x\n          in: body\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: strnig}\n",
        )],
    );
    let errs = errors(&path);
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(
        errs[0].contains("api.yml:11:30") && errs[0].contains("points at nothing"),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].contains("api.yml:16:15") && errs[1].contains("`body`"),
        "{}",
        errs[1]
    );
    assert!(
        errs[2].contains("api.yml:22:30") && errs[2].contains("`strnig`"),
        "{}",
        errs[2]
    );
}

#[test]
fn yaml_errors_and_duplicate_keys_are_located() {
    let path = write(
        "dup",
        &[(
            "api.yml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ninfo: again\n",
        )],
    );
    let errs = errors(&path);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("api.yml:4:1: error: duplicate key `info`"),
        "{}",
        errs[0]
    );

    let path = write("syntax", &[("api.yml", "openapi: 3.1.0\npaths: [\n")]);
    let errs = errors(&path);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(errs[0].contains("invalid YAML"), "{}", errs[0]);
}

#[test]
fn unreadable_external_refs_name_the_referring_line() {
    let path = write(
        "ext",
        &[(
            "api.yml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: 'nope/missing.yml'\n",
        )],
    );
    let errs = errors(&path);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("api.yml:7:13") && errs[0].contains("cannot be read"),
        "{}",
        errs[0]
    );
}

/// A `$ref` to a device (`/dev/zero` never ends, `/dev/stdin` blocks) is refused before anything
/// is read; it used to read until memory ran out, or wait forever.
#[test]
fn refs_to_devices_are_refused_without_reading() {
    for device in ["/dev/zero", "/dev/urandom", "/dev/stdin", "/dev/null"] {
        // (Where stdin is redirected from a regular file, it is one, and is read.)
        match std::fs::metadata(device) {
            Ok(m) if !m.is_file() => {}
            _ => continue,
        }
        let path = write(
            "device",
            &[(
                "api.yml",
                &format!(
                    "openapi: 3.0.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    A:\n      $ref: '{device}'\n"
                ),
            )],
        );
        // By default `/dev` is outside the allowed tree; allowed, a device is still refused.
        let errs = errors(&path);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].contains("api.yml:7:13") && errs[0].contains("outside the allowed directory"),
            "{}",
            errs[0]
        );
        let options = paragon_codegen::LoadOptions {
            allow_paths: vec![PathBuf::from("/dev")],
            ..Default::default()
        };
        let errs: Vec<String> = match paragon_codegen::Generator::new()
            .with_load((options).clone())
            .openapi(&path)
        {
            Ok(_) => Vec::new(),
            Err(d) => d.errors().map(ToString::to_string).collect(),
        };
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].contains("api.yml:7:13") && errs[0].contains("not a regular file"),
            "{}",
            errs[0]
        );
    }
}

/// Files are read up to `max_file_bytes`, the root document and referenced files alike; a larger
/// one is a located error (the limit is tested here at a tenth of the file's size).
#[test]
fn files_over_the_size_limit_are_refused() {
    let big = format!("type: object\ndescription: '{}'\n", "x".repeat(10_000));
    let path = write(
        "size",
        &[
            (
                "api.yml",
                "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: 'big.yml'\n",
            ),
            ("big.yml", &big),
        ],
    );
    let errors_with_limit = |max_file_bytes| -> Vec<String> {
        let options = paragon_codegen::LoadOptions {
            max_file_bytes,
            ..Default::default()
        };
        paragon_codegen::Generator::new()
            .with_load((options).clone())
            .check(&path)
            .errors()
            .map(ToString::to_string)
            .collect()
    };
    let errs = errors_with_limit(1_000);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("api.yml:7:13") && errs[0].contains("over the limit of 1000 bytes"),
        "{}",
        errs[0]
    );
    let errs = errors_with_limit(100);
    assert!(
        errs.len() == 1 && errs[0].contains("over the limit of 100 bytes"),
        "{errs:#?}"
    );
    // The default is far above any real description.
    assert!(
        paragon_codegen::Generator::new()
            .check(&path)
            .errors()
            .next()
            .is_none()
    );
}

#[test]
fn not_openapi_documents_are_refused_with_help() {
    let path = write(
        "swagger",
        &[("api.json", "{\"swagger\": \"1.2\", \"paths\": {}}")],
    );
    let errs = errors(&path);
    assert!(errs[0].contains("unsupported Swagger version"), "{errs:?}");
    assert!(errs[0].contains("api.json:1:13"), "{errs:?}");
    let path = write("none", &[("api.yml", "hello: world\n")]);
    let errs = errors(&path);
    assert!(errs[0].contains("no `openapi` field"), "{errs:?}");
}

#[test]
fn rendering_shows_the_snippet() {
    let path = write(
        "render",
        &[(
            "api.yml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: x, in: nowhere}\n      responses: {}\n",
        )],
    );
    let Err(d) = paragon_codegen::Generator::new().openapi(&path) else {
        panic!("expected errors");
    };
    let rendered = d.render();
    assert!(rendered.contains("in: nowhere"), "{rendered}");
    assert!(rendered.contains("api.yml:7"), "{rendered}");
}

#[test]
fn missing_operation_ids_get_derived_names() {
    let path = write(
        "noid",
        &[(
            "api.yml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses: {'204': {description: gone}}\n",
        )],
    );
    let g = paragon_codegen::Generator::new().openapi(&path).unwrap();
    assert_eq!(g.api().unwrap().operations[0].fn_name, "get_pets_id");
    assert!(g.source().unwrap().contains("pub fn get_pets_id("));
}

#[test]
fn swagger2_problems_point_into_the_2_0_text() {
    let path = write(
        "swagger2-pos",
        &[(
            "api.yml",
            "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      parameters:\n        - {name: body, in: body, schema: {type: object}}\n        - {name: x, in: nowhere, type: string}\n      responses:\n        '200': {description: ok}\ndefinitions:\n  A:\n    properties:\n      b:\n        $ref: '#/definitions/Missing'\n",
        )],
    );
    let errs = errors(&path);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    // `parameters/1` of the 2.0 text is `parameters/0` once the body has moved out.
    assert!(
        errs.iter()
            .any(|e| e.contains("api.yml:8:25") && e.contains("`nowhere`")),
        "{errs:#?}"
    );
    // `definitions` moved to `components/schemas`; the reference was rewritten with it.
    assert!(
        errs.iter()
            .any(|e| e.contains("api.yml:15:15") && e.contains("#/components/schemas/Missing")),
        "{errs:#?}"
    );
}

#[test]
fn a_minified_json_document_of_megabytes_keeps_its_columns() {
    let mut text = String::from(
        r#"{"openapi":"3.1.0","info":{"title":"big \ud83d\udc4d","version":"1"},"paths":{},"components":{"schemas":{"#,
    );
    for i in 0..30_000 {
        text.push_str(&format!(
            r#""S{i}":{{"type":"object","description":"caf\u00e9 \/ {i}","properties":{{"a":{{"type":"string"}}}}}},"#
        ));
    }
    let before = text.chars().count();
    text.push_str(r##""Last":{"$ref":"#/components/schemas/Nope"}}}}"##);
    assert!(text.len() > 2_500_000, "{}", text.len());
    let path = write("minified", &[("api.json", &text)]);
    let errs = errors(&path);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    // The `$ref` value starts 15 characters after `"Last":` begins.
    let col = before + "\"Last\":{\"$ref\":".chars().count() + 1;
    assert!(
        errs[0].contains(&format!("api.json:1:{col}:")),
        "{} (expected column {col})",
        errs[0]
    );
}

/// A chain of schemas each referring to the next is planned one link after another, not by
/// recursing once per link (a large vendor document overflowed the stack this way).
#[test]
fn a_chain_of_thousands_of_schemas_does_not_overflow_the_stack() {
    let mut text = String::from(
        r#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"#,
    );
    let n = 5_000;
    for i in 0..n {
        let next = (i + 1) % n;
        text.push_str(&format!(
            r##""S{i}":{{"type":"object","properties":{{"next":{{"$ref":"#/components/schemas/S{next}"}},"list":{{"type":"array","items":{{"$ref":"#/components/schemas/S{next}"}}}}}}}},"##
        ));
    }
    text.push_str(r##""Own":{"allOf":[{"$ref":"#/components/schemas/Own"},{"type":"object","properties":{"a":{"type":"string"}}}]}}}}"##);
    let path = write("chain", &[("api.json", &text)]);
    // A thread with a small stack, as a proc macro's or a test's may be.
    let generated = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            paragon_codegen::Generator::new()
                .openapi(&path)
                .map(|g| g.api().map_or(0, |a| a.types.len()))
        })
        .unwrap()
        .join()
        .unwrap();
    match generated {
        Ok(types) => assert!(types >= n, "{types}"),
        Err(d) => panic!("{}", d.render()),
    }
}

#[test]
fn inline_schemas_nested_past_the_bound_are_any_json_with_a_warning() {
    let depth = 10 * paragon_codegen::ir::types::MAX_SCHEMA_DEPTH / 4;
    let mut schema = String::from(r#"{"type":"string"}"#);
    for _ in 0..depth {
        schema = format!(r#"{{"type":"array","items":{schema}}}"#);
    }
    let text = format!(
        r#"{{"openapi":"3.1.0","info":{{"title":"t","version":"1"}},"paths":{{}},"components":{{"schemas":{{"Deep":{schema}}}}}}}"#
    );
    let path = write("deep", &[("api.json", &text)]);
    let g = match paragon_codegen::Generator::new().openapi(&path) {
        Ok(g) => g,
        Err(d) => panic!("{}", d.render()),
    };
    let warnings: Vec<String> = g.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].contains("api.json:1:") && warnings[0].contains("nested deeper than 64"),
        "{}",
        warnings[0]
    );
}

/// A long chain of schemas without a cycle is held by value only so deep; past that a field is
/// boxed, so the types keep a small size and rustc's drop check does not overflow on them.
#[test]
fn long_by_value_chains_are_boxed_past_the_bound() {
    use paragon_codegen::ir::{Ty, TypeKind};
    let n = 40;
    let mut text = String::from(
        r#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"#,
    );
    for i in 0..n {
        let next = if i + 1 < n {
            format!(r##"{{"$ref":"#/components/schemas/S{}"}}"##, i + 1)
        } else {
            r#"{"type":"string"}"#.to_owned()
        };
        let comma = if i + 1 < n { "," } else { "" };
        text.push_str(&format!(
            r#""S{i}":{{"type":"object","required":["next"],"properties":{{"next":{next}}}}}{comma}"#
        ));
    }
    text.push_str("}}}");
    let path = write("by-value", &[("api.json", &text)]);
    let api = match paragon_codegen::Generator::new().openapi(&path) {
        Ok(g) => g.api().cloned().unwrap(),
        Err(d) => panic!("{}", d.render()),
    };
    let boxed = api
        .types
        .iter()
        .filter(|t| match &t.kind {
            TypeKind::Struct { fields, .. } => fields.iter().any(|f| matches!(f.ty, Ty::Boxed(_))),
            _ => false,
        })
        .count();
    let bound = paragon_codegen::ir::types::MAX_INLINE_DEPTH;
    assert_eq!(boxed, (n - 1) / bound, "one box every {bound} links");
}

/// `$ref` cycles of every shape: a cycle with no type in it is a located error; a real
/// recursive schema (directly, through another schema, or through `allOf` naming itself) is a
/// boxed type; nothing overflows the stack or runs forever.
#[test]
fn ref_cycles_of_every_shape_end() {
    let api = |schemas: &str| {
        format!(
            "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/A'}}\ncomponents:\n  schemas:\n{schemas}"
        )
    };
    // Pure reference cycles: itself, and two that name each other.
    for (name, schemas) in [
        ("self", "    A: {$ref: '#/components/schemas/A'}\n"),
        (
            "mutual",
            "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
        ),
    ] {
        let path = write(&format!("cycle-{name}"), &[("api.yml", &api(schemas))]);
        let errs = errors(&path);
        assert!(!errs.is_empty(), "{name}: accepted");
        assert!(
            errs.iter()
                .any(|e| e.contains("api.yml:") && e.contains("circular")),
            "{name}: {errs:#?}"
        );
    }
    // Recursive types: boxed, and generated.
    for (name, schemas) in [
        (
            "direct",
            "    A: {type: object, properties: {next: {$ref: '#/components/schemas/A'}}}\n",
        ),
        (
            "through-b",
            "    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}\n    B: {type: object, required: [a], properties: {a: {$ref: '#/components/schemas/A'}}}\n",
        ),
        (
            "allof-self",
            "    A:\n      allOf:\n        - {$ref: '#/components/schemas/A'}\n        - {type: object, properties: {x: {type: string}}}\n",
        ),
        (
            "allof-mutual",
            "    A: {allOf: [{$ref: '#/components/schemas/B'}, {type: object, properties: {x: {type: string}}}]}\n    B: {allOf: [{$ref: '#/components/schemas/A'}, {type: object, properties: {y: {type: integer}}}]}\n",
        ),
    ] {
        let path = write(&format!("rec-{name}"), &[("api.yml", &api(schemas))]);
        let (tx, rx) = std::sync::mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(
                paragon_codegen::Generator::new()
                    .openapi(&p)
                    .map(|g| g.source().unwrap()),
            );
        });
        let result = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("{name}: did not finish"));
        match result {
            Ok(source) => assert!(source.contains("pub struct A"), "{name}:\n{source}"),
            Err(d) => panic!("{name}: {}", d.render()),
        }
    }
}

#[test]
fn language_type_names_are_read_as_the_json_schema_type_they_mean() {
    let doc = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  count: {type: int}\n                  ratio: {type: float}\n";
    let path = write("language-types", &[("api.yml", doc)]);
    let g = paragon_codegen::Generator::new()
        .openapi(&path)
        .map_err(|d| d.render())
        .unwrap();
    let warnings: Vec<String> = g.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        warnings.iter().any(|w| w.contains("api.yml:15:33")
            && w.contains("`type: int` is not a JSON Schema type; read as `integer`")
            && w.contains("write `type: integer`")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("api.yml:16:33") && w.contains("read as `number`")),
        "{warnings:#?}"
    );
    let source = g.source().unwrap();
    assert!(source.contains("pub count: Option<i64>"), "{source}");
    assert!(source.contains("pub ratio: Option<f64>"), "{source}");
}
