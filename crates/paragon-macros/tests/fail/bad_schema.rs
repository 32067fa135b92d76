// A schema with problems: every one is a compile error at its line and column.
mod broken {
    paragon_macros::paragon_schema!("../fixtures/schemas/broken.schema.json", allow_path("../fixtures"));
}

fn main() {}
