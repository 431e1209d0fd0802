//! Embeds every `i18n/<locale>/bussola.ftl` that exists. A locale the app lists but the folder
//! lacks is caught by the tests, not by a build that cannot even start.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut code = String::from("pub(crate) const FTL: &[(&str, &str)] = &[\n");
    let mut entries: Vec<_> = std::fs::read_dir(&root)
        .expect("the i18n folder exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("bussola.ftl").is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let file = entry.path().join("bussola.ftl");
        println!("cargo::rerun-if-changed={}", file.display());
        let _ = writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            entry.file_name().to_string_lossy(),
            file.canonicalize().expect("the file exists").display()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ftl.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
