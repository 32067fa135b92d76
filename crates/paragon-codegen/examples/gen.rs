fn main() {
    for p in std::env::args().skip(1) {
        match paragon_codegen::generate_openapi(std::path::Path::new(&p)) {
            Ok(g) => {
                eprint!("{}", g.diagnostics);
                println!("{}", g.source)
            }
            Err(d) => eprintln!("{}", d.render()),
        }
    }
}
