//! `cargo run -p paragon-codegen --example gen -- FILE…`: prints the module generated from each
//! document (OpenAPI, Arazzo or JSON Schema, told by content) and its warnings.

fn main() {
    let generator = paragon_codegen::Generator::new();
    for p in std::env::args().skip(1) {
        match generator.generate(std::path::Path::new(&p)) {
            Ok(g) => {
                eprint!("{}", g.diagnostics);
                match g.source() {
                    Ok(s) => println!("{s}"),
                    Err(e) => eprintln!("{e}"),
                }
            }
            Err(d) => eprintln!("{}", d.render()),
        }
    }
}
