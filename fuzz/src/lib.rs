//! What the fuzz targets share: a scratch directory per process that is the only directory
//! the generator may read, and the documents written into it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `<tmp>/paragon-fuzz-<pid>`, created once, with the fixed OpenAPI document the Arazzo target's
/// workflows call.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("paragon-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("pets.openapi.yml"), PETS);
        dir
    })
}

/// Reads confined to the scratch directory.
pub fn options() -> paragon_codegen::LoadOptions {
    paragon_codegen::LoadOptions {
        root_dir: Some(scratch().to_path_buf()),
        ..Default::default()
    }
}

/// Writes `text` as `name` in the scratch directory and returns its path.
pub fn write(name: &str, text: &[u8]) -> Option<PathBuf> {
    let path = scratch().join(name);
    std::fs::write(&path, text).ok()?;
    Some(path)
}

/// Every error and warning must be located or name the file: rendering them must not panic.
pub fn render(diags: &paragon_codegen::Diagnostics) {
    let _ = diags.render();
}

/// The API the Arazzo target's workflows run against.
pub const PETS: &str = r#"openapi: 3.1.0
info: {title: Pets, version: '1'}
servers: [{url: 'https://pets.example'}]
paths:
  /login:
    post:
      operationId: login
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {user: {type: string}}}
      responses:
        '200':
          description: ok
          headers: {X-Session: {schema: {type: string}}}
          content:
            application/json:
              schema: {type: object, properties: {token: {type: string}}}
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: X-Session, in: header, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Pet'}}, next: {type: string}}}
    post:
      operationId: createPet
      parameters:
        - {name: Idempotency-Key, in: header, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        name: {type: string}
        tags: {type: array, items: {type: string}}
        parent: {$ref: '#/components/schemas/Pet'}
"#;
