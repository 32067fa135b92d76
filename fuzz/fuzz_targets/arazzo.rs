//! A whole Arazzo document, calling a fixed OpenAPI document, through the compiler and the
//! workflow emitter.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(path) = paragon_fuzz::write("flow.arazzo.yaml", data) else {
        return;
    };
    match paragon_codegen::Generator::new().with_load(paragon_fuzz::options()).workflows(&path) {
        Ok(g) => paragon_fuzz::render(&g.diagnostics),
        Err(d) => paragon_fuzz::render(&d),
    }
});
