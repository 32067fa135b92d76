//! A whole OpenAPI document (with `$ref`s to itself and to files that may not exist) through
//! loading, checks, the type planner and the emitter.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = if data.first() == Some(&b'{') {
        "api.json"
    } else {
        "api.yaml"
    };
    let Some(path) = paragon_fuzz::write(name, data) else {
        return;
    };
    let (api, diags) = paragon_codegen::stages::plan_openapi(&path, &paragon_fuzz::options());
    paragon_fuzz::render(&diags);
    if let Some(api) = api.filter(|_| !diags.has_errors()) {
        let _ = paragon_codegen::stages::module_tokens(&api);
    }
});
