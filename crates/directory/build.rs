//! The bundled Umbria feed is built into the engine as the files its signed manifest names.
//!
//! Every `cargo xtask bundle-feed` writes the next version, and the snapshot's name carries the
//! version (`snapshot-2.json`), so the list of files cannot be written by hand: it is read here
//! from data/umbria/feed/manifest.json and written to `$OUT_DIR/umbria_feed.rs`, which
//! src/bundled.rs includes. A file the manifest names but the folder lacks fails the build.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let feed = manifest_dir.join("../../data/umbria/feed");
    let manifest_path = feed.join("manifest.json");
    println!("cargo:rerun-if-changed={}", manifest_path.display());
    let manifest = std::fs::read_to_string(&manifest_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", manifest_path.display()));

    // The snapshot is the first "url" after the "snapshot" key; the deltas' come after it.
    let after_snapshot = manifest
        .find("\"snapshot\"")
        .map(|at| &manifest[at..])
        .expect("the bundled manifest names a snapshot");
    let urls = urls(after_snapshot);
    let snapshot = urls.first().expect("the snapshot has a url").clone();

    let mut code = String::from(
        "/// Umbria's signed feed, as `cargo xtask bundle-feed` wrote it into data/umbria/feed: the\n\
         /// manifest, its signature and the files the manifest names.\n\
         const UMBRIA_FILES: &[(&str, &[u8])] = &[\n",
    );
    for name in ["manifest.json", "manifest.json.minisig"]
        .into_iter()
        .chain(urls.iter().map(String::as_str))
    {
        let path = path_literal(&feed.join(name));
        writeln!(code, "    ({name:?}, include_bytes!({path})),").unwrap();
    }
    code.push_str("];\n\n");
    writeln!(
        code,
        "/// Umbria's snapshot as text, for tests that compare records with what was delivered.\n\
         pub const UMBRIA_SNAPSHOT: &str = include_str!({});",
        path_literal(&feed.join(&snapshot))
    )
    .unwrap();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("umbria_feed.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Every `"url": "…"` value in `json`, in order. The manifest is the one `feed build` writes;
/// a url is a plain file name beside it, and anything else is refused.
fn urls(json: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = json;
    while let Some(at) = rest.find("\"url\"") {
        rest = rest[at + 5..].trim_start();
        rest = rest
            .strip_prefix(':')
            .expect("\"url\" is a key")
            .trim_start();
        rest = rest.strip_prefix('"').expect("a url is a string");
        let end = rest.find('"').expect("a url string ends");
        let name = &rest[..end];
        assert!(
            !name.is_empty()
                && !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)),
            "the bundled manifest names \"{name}\", not a file beside it"
        );
        found.push(name.to_owned());
        rest = &rest[end..];
    }
    found
}

/// A path as a Rust string literal.
fn path_literal(path: &Path) -> String {
    format!("{:?}", path.display().to_string())
}
