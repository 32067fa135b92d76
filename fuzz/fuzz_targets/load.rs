//! The YAML and JSON loaders on any text: a value and positions, or located problems.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["doc.yaml", "doc.json"] {
        let (parsed, problems) =
            paragon_codegen::load::parse_text(std::path::Path::new(name), text);
        // A located problem points inside the text.
        // Line breaks as YAML counts them: `\n`, `\r\n`, a lone `\r`.
        let breaks = text.replace("\r\n", "\n").matches(['\n', '\r']).count();
        let lines = u32::try_from(breaks + 2).unwrap_or(u32::MAX);
        for p in &problems {
            assert!(
                p.pos.line >= 1 && p.pos.line <= lines,
                "{name}: {p:?} past the end"
            );
        }
        let _ = parsed;
    }
});
