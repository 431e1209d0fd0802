//! `cargo xtask`: Bussola's one entry point for people and CI.
//!
//! `run` and `test` first install what a fresh machine lacks (Debian packages for the webview and
//! its WebDriver, the wasm target, the wasm-bindgen CLI at the exact version the UI links, and
//! tauri-driver, and from npm wasm-opt and the Tauri CLI pinned in tools/package-lock.json), each
//! only when it is missing or at another version, so a second run costs seconds. Nothing is
//! fetched from outside crates.io, npm and Debian's archive.

mod opendata;

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian packages the shell builds and runs with, and what the end-to-end tests drive it with.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "libgtk-3-dev",
    "webkit2gtk-driver",
    "xvfb",
    "xauth",
    // The privacy tests trace every connection the app and the CLI make.
    "strace",
    "x11-utils",
    "imagemagick",
    "file",
    // The signature interop tests check Bussola against the reference tool.
    "minisign",
    // The engine's C (SQLite, zstd) built for the web: gcc cannot target wasm32.
    "clang",
    // The web app's end-to-end tests drive Debian's Chromium, headless.
    "chromium",
    "chromium-driver",
    // The desktop app's voice ("listen"), with voices for all eleven languages.
    "espeak-ng",
];
const TAURI_DRIVER_VERSION: &str = "2.1.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run     install what is missing, build the UI and the app, open the window on the bundled data
  test    install what is missing, check formatting and lints, run every test (end-to-end too),
          and each fuzz target for 10 s
  setup   only install what is missing
  ui      only build the UI into ui/dist (shrunk by wasm-opt once `setup` installed it)
  package install what is missing, build the release .deb (Tauri's bundler) and print the
          sizes of the package and of the UI's wasm
  measure install what is missing, build a release app, and print the performance figures
          (keypress to results, cold start, idle memory) on the bundled data and 100k services
  web [--serve] [--feed-url URL]
          build the web app into target/web/ (static files with relative paths, for any
          static host); --serve then serves it on 127.0.0.1 and prints the URL; --feed-url
          makes it sync from that feed (its host must allow the site's origin: CORS)
  opendata
          write data/umbria/opendata-services.json (every comune's town hall, the public
          hospitals) from the official open data in data/opendata/
  bundle-feed
          rebuild the bundled feed data/umbria/feed from data/umbria/services.json and
          data/umbria/opendata-services.json, with the project's translations in
          data/umbria/translations/, signed
          with the development key in data/umbria/dev-key
  fuzz [--seconds N]
          install cargo-fuzz if missing, then run each fuzz target of fuzz/ for N seconds
          (default 20) over its committed seed corpus; a panic, a timeout or a huge
          allocation fails it, and the input is left in fuzz/artifacts/<target>/";

fn main() -> Result<()> {
    let command = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    std::env::set_current_dir(&root)?;
    match command.as_str() {
        "run" => {
            setup()?;
            build_ui(&root)?;
            cargo(&[&["build"], NATIVE].concat())?;
            run_app(&root)
        }
        "test" => {
            setup()?;
            test(&root)
        }
        "setup" => setup(),
        "ui" => build_ui(&root),
        "package" => {
            setup()?;
            package(&root)
        }
        "bundle-feed" => bundle_feed(&root),
        "opendata" => opendata::generate(&root),
        "web" => {
            setup()?;
            let args: Vec<String> = std::env::args().skip(2).collect();
            let feed_url = args
                .iter()
                .position(|a| a == "--feed-url")
                .and_then(|i| args.get(i + 1))
                .map(String::as_str);
            let site = build_web(&root, feed_url)?;
            match args.iter().any(|a| a == "--serve") {
                true => serve_web(&site),
                false => Ok(()),
            }
        }
        "fuzz" => match fuzz_seconds(std::env::args().skip(2)) {
            Some(seconds) => fuzz(&root, seconds),
            None => {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
        },
        "measure" => {
            setup()?;
            measure(&root)
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_owned()
}

/// Every native crate. Building, linting and testing the same selection keeps cargo's feature
/// unification identical across the steps, so no step rebuilds what another just built.
/// The empty window is built only to be measured against.
const NATIVE: &[&str] = &[
    "--workspace",
    "--exclude",
    "bussola-ui",
    "--exclude",
    "empty-window",
];

/// The figures the UI and web app issues ask for, measured on release builds (DESIGN.md: performance is
/// measured, never asserted in tests). The measurements are the ignored tests of
/// tests/e2e/tests/measure.rs.
fn measure(root: &Path) -> Result<()> {
    // The web app's measurements run on target/web; building it builds the UI too.
    build_web(root, None)?;
    step("release build", || {
        cargo(&["build", "-p", "bussola", "-p", "empty-window", "--release"])
    })?;
    let app = root.join("target/release/bussola");
    step("measurements", || {
        run(Command::new("cargo")
            .args(["test", "-p", "bussola-e2e", "--test", "measure", "--"])
            .args(["--ignored", "--nocapture", "--test-threads", "1"])
            .env("BUSSOLA_APP", &app))
    })
}

fn test(root: &Path) -> Result<()> {
    step("formatting", || cargo(&["fmt", "--all", "--check"]))?;
    // The web app (which builds the UI first) is built once, before the lints, and shared by the
    // desktop's tests (ui/dist) and the browser's (target/web). It builds the feed core and the
    // engine for wasm32: what the web needs of them is checked here.
    build_web(root, None)?;
    step("lints", || {
        cargo(
            &[
                &["clippy"],
                NATIVE,
                &["--all-targets", "--", "-D", "warnings"],
            ]
            .concat(),
        )?;
        cargo(&[
            "clippy",
            "-p",
            "bussola-ui",
            "-p",
            "bussola-web",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ])
    })?;
    // The end-to-end tests drive the app binary, so it must be built first.
    step("build", || cargo(&[&["build"], NATIVE].concat()))?;
    step("tests", || cargo(&[&["test"], NATIVE].concat()))?;
    // Briefly: the seeds and a few seconds of mutation each. Longer runs are
    // `cargo xtask fuzz --seconds N`.
    fuzz(root, FUZZ_SECONDS_IN_TESTS)
}

/// Installs what a fresh machine lacks, and nothing it already has.
fn setup() -> Result<()> {
    install_apt_packages()?;
    install_npm_tools()?;
    if !output("rustup", &["target", "list", "--installed"])?
        .lines()
        .any(|l| l == WASM_TARGET)
    {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    let wanted = wasm_bindgen_version()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // Without --locked: the registry mirror lacks one dependency version of its lock file.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    let installed = output("cargo", &["install", "--list"])?;
    if !installed.contains(&format!("tauri-driver v{TAURI_DRIVER_VERSION}:")) {
        run(Command::new("cargo").args([
            "install",
            "tauri-driver",
            "--version",
            TAURI_DRIVER_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}

fn install_apt_packages() -> Result<()> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            output("dpkg-query", &["-W", "-f=${Status}", p])
                .map_or(true, |s| !s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let line = format!(
        "apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if output("id", &["-u"])?.trim() != "0" {
        bail!(
            "these Debian packages are missing; install them with:\n  sudo apt-get update && sudo {line}"
        );
    }
    eprintln!("installing Debian packages: {}", missing.join(" "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("sh")
        .args(["-c", &line])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// A program from npm, installed under tools/ by [`install_npm_tools`].
fn npm_tool(name: &str) -> PathBuf {
    workspace_root().join("tools/node_modules/.bin").join(name)
}

/// wasm-opt (binaryen 132: Debian's 108 silently breaks the UI), the Tauri CLI, and
/// opening_hours.js (the independent judge of "open now" in the directory's tests), at the
/// versions tools/package-lock.json pins. Node and npm come from the system, or from Debian.
fn install_npm_tools() -> Result<()> {
    let judge = workspace_root().join("tools/node_modules/opening_hours/package.json");
    if npm_tool("wasm-opt").exists() && npm_tool("tauri").exists() && judge.exists() {
        return Ok(());
    }
    if output("npm", &["--version"]).is_err() {
        if output("id", &["-u"])?.trim() != "0" {
            bail!("npm is missing; install it with:\n  sudo apt-get install -y nodejs npm");
        }
        run(Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "nodejs", "npm"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    // Not `npm ci`: the lock names the Tauri CLI's binaries for every platform, and the
    // registry mirror lacks some of them; `install --no-save` takes the locked versions of what
    // this platform needs and leaves the lock as it is.
    run(Command::new("npm")
        .args(["install", "--no-save", "--no-audit", "--no-fund"])
        .current_dir(workspace_root().join("tools")))
}

/// The release .deb through Tauri's bundler, with the sizes the release issue asks about.
fn package(root: &Path) -> Result<()> {
    build_ui(root)?;
    step("release .deb", || {
        run(Command::new(npm_tool("tauri"))
            .args(["build", "--bundles", "deb", "--ci"])
            .current_dir(root.join("src-tauri")))
    })?;
    let bundles = root.join("target/release/bundle/deb");
    for entry in std::fs::read_dir(&bundles)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "deb") {
            let size = std::fs::metadata(&path)?.len();
            eprintln!("{}: {:.2} MiB", path.display(), size as f64 / 1048576.0);
        }
    }
    let wasm = std::fs::metadata(root.join("ui/dist/bussola_ui_bg.wasm"))?.len();
    eprintln!("UI wasm: {:.2} MiB", wasm as f64 / 1048576.0);
    Ok(())
}

/// The wasm-bindgen version the UI links, read from Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines.next().unwrap_or_default();
            if let Some(v) = version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// Builds the UI to wasm and writes ui/dist. Files are only rewritten when their bytes change,
/// so the shell (which embeds ui/dist) is not rebuilt when nothing changed.
fn build_ui(root: &Path) -> Result<()> {
    step("UI build", || {
        cargo(&[
            "build",
            "-p",
            "bussola-ui",
            "--target",
            WASM_TARGET,
            "--profile",
            "wasm-release",
        ])?;
        let staging = root.join("target").join("ui-staging");
        let _ = std::fs::remove_dir_all(&staging);
        bindgen_and_shrink(root, "bussola_ui", &staging)?;
        for entry in std::fs::read_dir(root.join("ui/static"))? {
            let entry = entry?;
            std::fs::copy(entry.path(), staging.join(entry.file_name()))?;
        }
        let dist = root.join("ui/dist");
        std::fs::create_dir_all(&dist)?;
        for entry in std::fs::read_dir(&staging)? {
            let entry = entry?;
            let target = dist.join(entry.file_name());
            let bytes = std::fs::read(entry.path())?;
            if std::fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
                std::fs::write(&target, bytes)?;
            }
        }
        Ok(())
    })
}

/// wasm-bindgen's JS and wasm for the wasm-release build of `name` into `out`, the wasm shrunk
/// by wasm-opt. wasm-opt takes about 60% off (the UI's 2.5 to 1.0 MB) in ~20 s; without it
/// (before `setup`) everything still works, only larger.
fn bindgen_and_shrink(root: &Path, name: &str, out: &Path) -> Result<()> {
    let wasm = root
        .join("target")
        .join(WASM_TARGET)
        .join("wasm-release")
        .join(format!("{name}.wasm"));
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(out)
        .arg(&wasm))?;
    let wasm_opt = npm_tool("wasm-opt");
    if !wasm_opt.exists() {
        eprintln!("wasm-opt is not installed yet (`cargo xtask setup`): {name} stays unshrunk");
        return Ok(());
    }
    let bindgen_out = out.join(format!("{name}_bg.wasm"));
    run(Command::new(wasm_opt)
        .arg("-Oz")
        // The features Rust's wasm32 target turns on by default.
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(&bindgen_out)
        .arg("-o")
        .arg(&bindgen_out))
}

/// Where `cargo xtask web` writes the site.
const WEB_SITE: &str = "target/web";

/// The web app as static files with relative paths in target/web/, for any static host (or a
/// sub-path of one): the UI of ui/dist, the engine's worker (crates/web) built to wasm, and the
/// page's shell from web/. `feed_url` (the feed the app syncs from, else the configured ones)
/// goes into config.json and its origin into the page's Content-Security-Policy.
fn build_web(root: &Path, feed_url: Option<&str>) -> Result<PathBuf> {
    build_ui(root)?;
    let site = root.join(WEB_SITE);
    step("web app build", || {
        cargo(&[
            "build",
            "-p",
            "bussola-web",
            "--target",
            WASM_TARGET,
            "--profile",
            "wasm-release",
        ])?;
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(&site)?;
        bindgen_and_shrink(root, "bussola_web", &site)?;
        for file in ["bussola_ui.js", "bussola_ui_bg.wasm", "style.css"] {
            std::fs::copy(root.join("ui/dist").join(file), site.join(file))?;
        }
        for file in ["main.js", "worker.js"] {
            std::fs::copy(root.join("web").join(file), site.join(file))?;
        }
        write_manifests(root, &site)?;
        std::fs::create_dir_all(site.join("icons"))?;
        for entry in std::fs::read_dir(root.join("web/icons"))? {
            let entry = entry?;
            std::fs::copy(entry.path(), site.join("icons").join(entry.file_name()))?;
        }
        let mut origins: Vec<String> = configured_feed_urls(root)?
            .iter()
            .chain(feed_url.map(str::to_owned).as_ref())
            .filter_map(|url| origin_of(url))
            .collect();
        origins.sort();
        origins.dedup();
        let page = std::fs::read_to_string(root.join("web/index.html"))?
            .replace("FEED_ORIGINS", &origins.join(" "));
        std::fs::write(site.join("index.html"), page)?;
        let config = format!("{}\n", serde_json::json!({ "feed_url": feed_url }));
        std::fs::write(site.join("config.json"), config)?;
        write_service_worker(root, &site)
    })?;
    Ok(site)
}

/// One web app manifest per language (`manifest-ar.webmanifest`…) from web/manifest.webmanifest,
/// with the language's `lang`, `dir`, name and description from the app's own messages: an
/// installed app is named in the language the person chose (main.js links the one that matches
/// the page's language).
fn write_manifests(root: &Path, site: &Path) -> Result<()> {
    let template: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("web/manifest.webmanifest"),
    )?)
    .context("web/manifest.webmanifest")?;
    for locale in bussola_i18n::LOCALES {
        let tr = bussola_i18n::Translator::new(locale.code);
        let mut manifest = template.clone();
        manifest["lang"] = locale.code.into();
        manifest["dir"] = if locale.rtl { "rtl" } else { "ltr" }.into();
        manifest["name"] = tr.text("app-name").into();
        manifest["short_name"] = tr.text("app-name").into();
        manifest["description"] = tr.text("app-tagline").into();
        std::fs::write(
            site.join(format!("manifest-{}.webmanifest", locale.code)),
            serde_json::to_string_pretty(&manifest)? + "\n",
        )?;
    }
    Ok(())
}

/// web/sw.js with this build's version (a hash of every file it keeps) and the list of files it
/// precaches: the whole site but itself, and the site's address, which opens index.html.
fn write_service_worker(root: &Path, site: &Path) -> Result<()> {
    use std::hash::{DefaultHasher, Hasher};
    let mut files = Vec::new();
    let mut folders = vec![site.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path
                    .strip_prefix(site)?
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push(relative);
            }
        }
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.as_bytes());
        hasher.write(&std::fs::read(site.join(file))?);
    }
    let list: Vec<String> = std::iter::once("./".to_owned()).chain(files).collect();
    let worker = std::fs::read_to_string(root.join("web/sw.js"))?
        .replace("BUSSOLA_VERSION", &format!("{:016x}", hasher.finish()))
        .replace("BUSSOLA_FILES", &serde_json::to_string(&list)?);
    std::fs::write(site.join("sw.js"), worker)?;
    Ok(())
}

/// The URLs data/feeds.json configures (a feed with no URL yet has `null`).
fn configured_feed_urls(root: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(root.join("data/feeds.json"))?;
    let config: serde_json::Value = serde_json::from_str(&text).context("data/feeds.json")?;
    Ok(config["feeds"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|feed| feed["url"].as_str().map(str::to_owned))
        .collect())
}

/// `https://host:port` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    matches!(scheme, "http" | "https").then(|| format!("{scheme}://{host}"))
}

/// Serves the site on 127.0.0.1 until interrupted.
fn serve_web(site: &Path) -> Result<()> {
    let server = loopback::Server::start_at(site, "/");
    println!("Bussola's web app: {} (Ctrl-C stops it)", server.url());
    loop {
        std::thread::park();
    }
}

/// The bundled feed, its source, and the development key that signs it (public on purpose:
/// data/umbria/dev-key/README.txt).
const BUNDLED_FEED: &str = "data/umbria/feed";
const BUNDLED_SOURCE: &str = "data/umbria/services.json";
/// The project's translations of the researched services' texts, one file per language.
const BUNDLED_TRANSLATIONS: &str = "data/umbria/translations";
const DEVELOPMENT_KEY: &str = "data/umbria/dev-key/DEVELOPMENT-ONLY.key";

/// Rebuilds the bundled feed with the project's own `feed build`: the next version after the one
/// in data/umbria/feed, as a snapshot only (the app imports a bundled feed whole, so deltas would
/// be dead weight), and afterwards the folder holds nothing its manifest does not name.
fn bundle_feed(root: &Path) -> Result<()> {
    let feed = root.join(BUNDLED_FEED);
    let staging = root.join("target/bundle-feed");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)?;
    // Only the previous manifest: the build numbers the next version from it, and with no
    // earlier snapshot beside it writes no delta.
    if feed.join("manifest.json").exists() {
        std::fs::copy(feed.join("manifest.json"), staging.join("manifest.json"))?;
    }
    step("feed build", || {
        run(Command::new(cargo_program())
            .args(["run", "--quiet", "-p", "bussola-cli", "--"])
            .args([
                "feed",
                "build",
                "--id",
                "umbria",
                "--source",
                BUNDLED_SOURCE,
                "--source",
                opendata::OUTPUT,
                "--translations",
                BUNDLED_TRANSLATIONS,
            ])
            .arg("--out")
            .arg(&staging)
            .args(["--key", DEVELOPMENT_KEY])
            // The development key has no password.
            .env_remove("BUSSOLA_KEY_PASSWORD"))
    })?;
    // The new files replace the old ones, the manifest last.
    std::fs::create_dir_all(&feed)?;
    for entry in std::fs::read_dir(&feed)? {
        let path = entry?.path();
        if path.is_file() && path.file_name() != Some("manifest.json".as_ref()) {
            std::fs::remove_file(&path)?;
        }
    }
    let mut names: Vec<_> = std::fs::read_dir(&staging)?
        .map(|entry| entry.map(|e| e.file_name()))
        .collect::<std::io::Result<_>>()?;
    names.retain(|n| !n.to_string_lossy().starts_with('.'));
    names.sort_by_key(|n| n == "manifest.json");
    for name in names {
        std::fs::copy(staging.join(&name), feed.join(&name))?;
    }
    std::fs::remove_dir_all(&staging)?;
    eprintln!("{BUNDLED_FEED} rebuilt; the app embeds it at its next build");
    Ok(())
}

/// The fuzz targets of fuzz/, each with its seed corpus in fuzz/corpus/<target>.
const FUZZ_TARGETS: &[&str] = &["manifest", "snapshot", "delta", "opening_hours"];
const FUZZ_SECONDS: u64 = 20;
/// Per target, in `cargo xtask test`.
const FUZZ_SECONDS_IN_TESTS: u64 = 10;
/// libFuzzer's limits: more than 2 GB resident or one allocation over 512 MB is a failure (the
/// "no unbounded allocation" of issue #8), and so is one input that takes over 10 s.
const FUZZ_LIMITS: &[&str] = &[
    "-rss_limit_mb=2048",
    "-malloc_limit_mb=512",
    "-timeout=10",
    "-print_final_stats=1",
];

/// `--seconds N` (or nothing, for the default); `None` for anything else.
fn fuzz_seconds(mut args: impl Iterator<Item = String>) -> Option<u64> {
    match (args.next(), args.next(), args.next()) {
        (None, ..) => Some(FUZZ_SECONDS),
        (Some(flag), Some(n), None) if flag == "--seconds" => n.parse().ok().filter(|&n| n > 0),
        (Some(flag), None, _) => flag
            .strip_prefix("--seconds=")?
            .parse()
            .ok()
            .filter(|&n| n > 0),
        _ => None,
    }
}

/// Runs every fuzz target for `seconds`, one after the other. The committed corpus is only
/// read: what a run finds goes to a scratch folder under fuzz/target, emptied each time, so
/// the repository does not grow with every run. All targets run even if one fails; the
/// command fails if any did.
fn fuzz(root: &Path, seconds: u64) -> Result<()> {
    let installed = output("cargo", &["install", "--list"])?;
    if !installed.lines().any(|l| l.starts_with("cargo-fuzz ")) {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    // cargo-fuzz needs nightly flags: nightly where rustup has it, else the machine's one
    // toolchain with RUSTC_BOOTSTRAP (its rust-std carries the AddressSanitizer runtime).
    let nightly = output("rustup", &["toolchain", "list"])?
        .lines()
        .any(|l| l.starts_with("nightly"));
    let cargo_fuzz = || {
        let mut command = if nightly {
            let mut command = Command::new("rustup");
            command.args(["run", "nightly", "cargo", "fuzz"]);
            command
        } else {
            let mut command = Command::new(cargo_program());
            command.arg("fuzz").env("RUSTC_BOOTSTRAP", "1");
            command
        };
        command.current_dir(root);
        command
    };
    step("fuzz build", || run(cargo_fuzz().arg("build")))?;
    let mut failed = Vec::new();
    for target in FUZZ_TARGETS {
        let scratch = root.join("fuzz/target/corpus").join(target);
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch)?;
        let seeds = root.join("fuzz/corpus").join(target);
        let max_total_time = format!("-max_total_time={seconds}");
        let ran = step(&format!("fuzz {target} ({seconds} s)"), || {
            // The first folder receives what the run finds; the seeds are only read.
            run(cargo_fuzz()
                .args(["run", target])
                .arg(&scratch)
                .arg(&seeds)
                .arg("--")
                .arg(&max_total_time)
                .args(FUZZ_LIMITS))
        });
        if let Err(error) = ran {
            eprintln!("{error:#}");
            failed.push(*target);
        }
    }
    if !failed.is_empty() {
        bail!(
            "fuzz targets failed: {}; the inputs are in fuzz/artifacts/<target>/, replay one \
             with `cargo +nightly fuzz run <target> <file>`",
            failed.join(", ")
        );
    }
    Ok(())
}

/// Opens the app's window. On a machine without a display it runs under Xvfb, so the command
/// still proves the app starts (and says where to look).
fn run_app(root: &Path) -> Result<()> {
    let app = root.join("target/debug/bussola");
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    let status = if has_display {
        Command::new(&app).status()?
    } else {
        eprintln!("no display: running Bussola under Xvfb (close it with Ctrl-C)");
        Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x800x24"])
            .arg(&app)
            .status()?
    };
    if !status.success() {
        bail!("Bussola exited with {status}");
    }
    Ok(())
}

fn step(name: &str, work: impl FnOnce() -> Result<()>) -> Result<()> {
    eprintln!("==> {name}");
    let started = std::time::Instant::now();
    work().with_context(|| format!("{name} failed"))?;
    eprintln!("    {name}: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn cargo(args: &[&str]) -> Result<()> {
    run(Command::new(cargo_program()).args(args))
}

fn cargo_program() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} exited with {status}");
    }
    Ok(())
}

fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program).args(args).output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
