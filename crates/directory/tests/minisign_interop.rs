//! Bussola's signatures are standard minisign: the `minisign` tool (installed by `cargo xtask
//! setup`) verifies what Bussola signs, and Bussola verifies what the tool signs, in its default
//! prehashed form and in the legacy one.

use bussola_model::SyncFailure;
use directory::feed::FeedKey;
use directory::feed::keys::{self, SigningKey};
use std::path::Path;
use std::process::Command;

fn minisign(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new("minisign")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the minisign tool is installed (cargo xtask setup)")
}

const MANIFEST: &[u8] = br#"{"feed":"umbria","version":2}"#;

#[test]
fn bussola_verifies_what_the_minisign_tool_signs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = minisign(&["-G", "-W", "-p", "region.pub", "-s", "region.key"], d);
    assert!(made.status.success(), "{made:?}");
    std::fs::write(d.join("manifest.json"), MANIFEST).unwrap();
    // The key comes in as the .pub file's text: the feed core never reads a path.
    let key = FeedKey::from_text(&std::fs::read_to_string(d.join("region.pub")).unwrap()).unwrap();

    for (form, extra) in [("prehashed", None), ("legacy", Some("-l"))] {
        let mut args = vec!["-S", "-s", "region.key", "-m", "manifest.json"];
        args.extend(extra);
        let signed = minisign(&args, d);
        assert!(signed.status.success(), "{form}: {signed:?}");
        let signature = std::fs::read_to_string(d.join("manifest.json.minisig")).unwrap();
        assert_eq!(
            keys::verify(MANIFEST, &signature, std::slice::from_ref(&key)).unwrap(),
            0,
            "{form}"
        );
        let changed = keys::verify(
            b"{\"feed\":\"umbria\",\"version\":3}",
            &signature,
            std::slice::from_ref(&key),
        )
        .expect_err("a changed manifest is refused");
        assert_eq!(changed.kind, SyncFailure::BadSignature, "{form}: {changed}");
    }
}

#[test]
fn the_minisign_tool_verifies_what_bussola_signs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (secret, public) = keys::generate().unwrap();
    std::fs::write(d.join("bussola.key"), secret).unwrap();
    std::fs::write(d.join("bussola.pub"), public).unwrap();
    let secret = std::fs::read_to_string(d.join("bussola.key")).unwrap();
    let key = SigningKey::from_text(&secret, None).unwrap();
    std::fs::write(d.join("manifest.json"), MANIFEST).unwrap();
    let signature = key.sign(MANIFEST, "umbria version 2").unwrap();
    std::fs::write(d.join("manifest.json.minisig"), &signature).unwrap();

    // -H: the tool insists on the prehashed form, the one Bussola makes.
    let checked = minisign(&["-V", "-H", "-p", "bussola.pub", "-m", "manifest.json"], d);
    assert!(checked.status.success(), "{checked:?}");
    assert!(String::from_utf8_lossy(&checked.stdout).contains("umbria version 2"));

    std::fs::write(
        d.join("manifest.json"),
        b"{\"feed\":\"umbria\",\"version\":9}",
    )
    .unwrap();
    let refused = minisign(&["-V", "-p", "bussola.pub", "-m", "manifest.json"], d);
    assert!(
        !refused.status.success(),
        "a changed file fails the tool too"
    );
}
