//! What every CLI test does with `bussola-cli`: run it as a person at a terminal would, but
//! with none of the tester's own settings (feed, key, key password) and no keyboard, so nothing
//! is asked; and read what it said when it went well or was refused.
// Each test file uses the helpers it needs.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `bussola-cli ARGS`, to its end.
pub fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bussola-cli"))
        .args(args)
        .env_remove("BUSSOLA_FEED_URL")
        .env_remove("BUSSOLA_FEED_PUBKEY")
        .env_remove("BUSSOLA_KEY_PASSWORD")
        // Not a terminal: nothing is asked.
        .stdin(Stdio::null())
        .output()
        .expect("the CLI runs")
}

/// `bussola-cli --db DB ARGS`: on the database at `db`.
pub fn cli_on(db: &Path, args: &[&str]) -> Output {
    let db = db.to_str().expect("a UTF-8 path");
    cli(&[&["--db", db], args].concat())
}

/// What a run that went well printed; a failed run fails the test with all it said.
pub fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Why a refused run was refused (its stderr); a run that went well fails the test.
pub fn refused(output: Output) -> String {
    assert!(
        !output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stderr).unwrap()
}
