//! Large APIs are emitted and formatted in parts on every core; the text must be exactly what
//! formatting the whole module at once gives.

use std::fmt::Write as _;

fn big_api(ops: usize, schemas: usize) -> std::path::PathBuf {
    let mut y = String::from("openapi: 3.1.0\ninfo: {title: Big, version: '1'}\npaths:\n");
    for i in 0..ops {
        let _ = write!(
            y,
            "  /things{i}/{{id}}:\n    get:\n      operationId: getThing{i}\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n        - {{name: q, in: query, schema: {{type: integer}}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/S{}'}}\n        '404':\n          description: missing\n",
            i % schemas
        );
    }
    y.push_str("components:\n  schemas:\n");
    for i in 0..schemas {
        let _ = write!(
            y,
            "    S{i}:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string}}\n        n: {{type: integer}}\n        kind: {{type: string, enum: [a, b]}}\n"
        );
    }
    let dir = std::env::temp_dir().join(format!("paragon-parallel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.yml");
    std::fs::write(&path, y).unwrap();
    path
}

#[test]
fn parts_join_to_the_whole() {
    let path = big_api(150, 300);
    let (api, diags) = paragon_codegen::stages::plan_openapi(&path, &Default::default());
    assert!(!diags.has_errors(), "{diags}");
    let api = api.unwrap();
    let parts = paragon_codegen::stages::api_parts(&api);
    // 150 operations → 3 client parts; 300 schemas (+ option and enum types) → 3+ type parts.
    assert!(parts.len() >= 6, "{parts:?}");
    let whole =
        paragon_codegen::stages::format_file(paragon_codegen::stages::module_tokens(&api)).unwrap();
    let parallel = paragon_codegen::stages::module_source(&api).unwrap();
    assert!(
        whole == parallel,
        "the parallel output differs from the whole-file output"
    );
    assert_eq!(whole.matches("impl Client {").count(), 3);
    // And it is what `generate_openapi` returns.
    assert_eq!(
        paragon_codegen::Generator::new()
            .openapi(&path)
            .unwrap()
            .source()
            .unwrap(),
        whole
    );
}
