//! A harness for driving the real Bussola window: a private X server (Xvfb), tauri-driver in
//! front of WebKitWebDriver, and a fantoccini WebDriver client attached to the app; and for
//! driving the web app in Debian's Chromium, headless, through chromedriver. Both give an
//! [`App`], so every test helper works on either.
//!
//! Every process the harness starts gets its own process group and the whole group is ended when
//! the harness is dropped, even when a test panics: WebKitWebDriver outlives a bare kill of
//! tauri-driver and would keep the test's output open.

use anyhow::{Context, Result, bail};
use fantoccini::{Client, ClientBuilder, Locator};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The app binary built by `cargo build -p bussola`, as an absolute path (tests run in their
/// crate's folder).
pub fn app_binary() -> PathBuf {
    // The measurements run a release build instead.
    if let Some(binary) = std::env::var_os("BUSSOLA_APP").filter(|b| !b.is_empty()) {
        return PathBuf::from(binary);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or(root.join("target"), PathBuf::from);
    let binary = target.join("debug/bussola");
    binary.canonicalize().unwrap_or(binary)
}

/// `bussola-cli`, built beside the app by `cargo build` of the workspace.
pub fn cli_binary() -> PathBuf {
    app_binary().with_file_name("bussola-cli")
}

/// A child process in its own group, ended with its whole group on drop.
struct Group(Child);

impl Group {
    fn spawn(command: &mut Command) -> Result<Group> {
        let child = command
            .process_group(0)
            .spawn()
            .with_context(|| format!("could not start {command:?}"))?;
        Ok(Group(child))
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let group = Pid::from_raw(self.0.id() as i32);
        let _ = killpg(group, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                // The leader is gone; make sure no member of its group lingers.
                let _ = killpg(group, Signal::SIGKILL);
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = killpg(group, Signal::SIGKILL);
        let _ = self.0.wait();
    }
}

/// The running app, its window driven by `client`.
pub struct App {
    pub client: Client,
    // Dropped in this order: the driver (and the app it started) before the X server.
    _driver: Group,
    _display: Option<Group>,
}

/// The screen a browser test emulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// An Android phone: 360×740 CSS pixels, touch.
    Phone,
    /// A laptop's window: 1280×800.
    Desktop,
}

/// The web app built by `cargo xtask web` (target/web).
pub fn web_site() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or(root.join("target"), PathBuf::from);
    let site = target.join("web");
    site.canonicalize().unwrap_or(site)
}

/// The result count a first start shows, in Italian: the bundled feed's services, or "more
/// than" the first page of them when they do not fit on it.
pub fn all_bundled() -> String {
    all_bundled_in("it")
}

/// [`all_bundled`] in the language `code`.
pub fn all_bundled_in(code: &str) -> String {
    let tr = bussola_i18n::Translator::new(code);
    let all = directory::bundled::BUNDLED_SERVICES;
    let page = u64::from(FIRST_PAGE);
    match all > page {
        true => tr.text_with("results-count-more", &[("count", page.into())]),
        false => tr.text_with("results-count", &[("count", all.into())]),
    }
}

/// How many results the UI shows before "Show more" (ui/src/search.rs, `PAGE`).
pub const FIRST_PAGE: u32 = 50;

/// How to start the app.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The database file (`BUSSOLA_DB`).
    pub db: PathBuf,
    /// The X screen size, `WIDTHxHEIGHT`.
    pub screen: &'static str,
    /// More environment for the app, such as `BUSSOLA_FEED_URL`.
    pub env: Vec<(&'static str, String)>,
}

impl App {
    /// Starts Xvfb, tauri-driver and the app on `launch.db`.
    pub async fn start(launch: &Launch) -> Result<App> {
        App::start_program(launch, &app_binary()).await
    }

    /// As [`App::start`], with `binary` as the program WebKitWebDriver starts: a wrapper that
    /// runs the app under a tracer, say.
    pub async fn start_program(launch: &Launch, binary: &Path) -> Result<App> {
        App::start_with_arguments(launch, binary, &[]).await
    }

    /// As [`App::start`], with `files` on the app's command line, as a file manager's "Open
    /// with" gives them.
    pub async fn start_opening(launch: &Launch, files: &[&Path]) -> Result<App> {
        let arguments: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        App::start_with_arguments(launch, &app_binary(), &arguments).await
    }

    async fn start_with_arguments(
        launch: &Launch,
        binary: &Path,
        arguments: &[String],
    ) -> Result<App> {
        if !binary.exists() {
            bail!(
                "{} is missing: build it with `cargo build -p bussola`",
                binary.display()
            );
        }
        let (display, number) = start_xvfb(launch.screen)?;
        let port = free_port()?;
        let native_port = free_port()?;
        let driver = Group::spawn(
            Command::new("tauri-driver")
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("DISPLAY", format!(":{number}"))
                .env("BUSSOLA_DB", &launch.db)
                // The app starts in the system's language: tests pin it (C means none of ours,
                // so Italian) unless they ask for another one in `env`.
                .env("LANG", "C.UTF-8")
                .env_remove("LANGUAGE")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .envs(launch.env.iter().map(|(k, v)| (k, v)))
                // Keep GTK from looking for a session bus or an accessibility bus that Xvfb lacks.
                .env("NO_AT_BRIDGE", "1")
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        wait_for_port(port, Duration::from_secs(20))?;
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": binary, "args": arguments },
        });
        let client = ClientBuilder::native()
            .capabilities(capabilities.as_object().expect("an object").clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .context("could not open a WebDriver session on the app")?;
        Ok(App {
            client,
            _driver: driver,
            _display: Some(display),
        })
    }

    /// Opens `url` in Debian's Chromium, headless, on the browser profile in `profile` (the same
    /// profile again is the same browser after a restart: its OPFS files, service worker and
    /// storage), at the size of `screen`.
    pub async fn browse(url: &str, profile: &Path, screen: Screen) -> Result<App> {
        let port = free_port()?;
        let driver = Group::spawn(
            Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        wait_for_port(port, Duration::from_secs(20))?;
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            // This machine's network is closed: Chromium's own background traffic (updates,
            // safe browsing, sync) would only fail, and is no part of the app.
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--no-default-browser-check".to_owned(),
            format!("--user-data-dir={}", profile.display()),
            // Every request the browser makes, whoever makes it, for the privacy test.
            format!("--log-net-log={}", net_log_of(profile).display()),
            // The browser speaks Italian, as the window's tests pin theirs.
            "--lang=it-IT".to_owned(),
        ];
        let mut options = serde_json::json!({
            "binary": "/usr/bin/chromium",
            "prefs": {
                "intl.accept_languages": "it-IT,it",
                // A file the page saves lands here, unasked.
                "download.default_directory": downloads_of(profile).display().to_string(),
                "download.prompt_for_download": false,
            },
        });
        match screen {
            Screen::Phone => {
                args.push("--window-size=360,740".to_owned());
                options["mobileEmulation"] = serde_json::json!({
                    "deviceMetrics": { "width": 360, "height": 740, "pixelRatio": 2.0, "touch": true },
                    "userAgent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
                });
            }
            Screen::Desktop => args.push("--window-size=1280,800".to_owned()),
        }
        options["args"] = serde_json::json!(args);
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": options,
        });
        let client = ClientBuilder::native()
            .capabilities(capabilities.as_object().expect("an object").clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .context("could not open a WebDriver session on Chromium")?;
        client
            .goto(url)
            .await
            .with_context(|| format!("opening {url}"))?;
        Ok(App {
            client,
            _driver: driver,
            _display: None,
        })
    }

    /// Ends the WebDriver session (which closes the app), then the driver and the X server.
    pub async fn stop(self) -> Result<()> {
        let App {
            client,
            _driver,
            _display,
        } = self;
        client.close().await?;
        Ok(())
    }

    /// Waits until the element at `css` exists and its text satisfies `check`; returns the text.
    pub async fn wait_for_text(&self, css: &str, check: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if check(&last) {
                    return Ok(last);
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("{css} never showed the expected text; last seen: {last:?}")
    }

    /// Waits until nothing matches `css` (a notice dismissed, a prompt answered).
    pub async fn wait_until_gone(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.client.find_all(Locator::Css(css)).await?.is_empty() {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("{css} is still there")
    }

    /// Chooses the app's language as the language picker does.
    pub async fn choose_language(&self, code: &str) -> Result<()> {
        self.client
            .execute(
                "const s = document.getElementById('language'); s.value = arguments[0];
                 s.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![serde_json::json!(code)],
            )
            .await?;
        Ok(())
    }

    /// Types `text` into the field at `css`, after what is there.
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let field = self.client.find(Locator::Css(css)).await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Clicks the element at `css` once it is there (the wasm UI draws after the window opens).
    /// An element replaced between finding and clicking (the page drew it again) is found
    /// afresh; a click that reached the page is never repeated.
    pub async fn click(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let error = match self.client.find(Locator::Css(css)).await {
                // In the middle of the screen first: at a phone's size a bar fixed to the
                // bottom of the screen may cover an element scrolled only just into view.
                Ok(element) => match self.centre(&element).await.and(element.click().await) {
                    Ok(()) => return Ok(()),
                    Err(error) if error.is_stale_element_reference() => error,
                    Err(error) => bail!("clicking {css}: {error}"),
                },
                Err(error) => error,
            };
            if Instant::now() >= deadline {
                bail!("{css} never appeared: {error}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn centre(
        &self,
        element: &fantoccini::elements::Element,
    ) -> Result<(), fantoccini::error::CmdError> {
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                vec![serde_json::to_value(element)?],
            )
            .await
            .map(drop)
    }

    /// Types `words` into the search box, replacing what was there, and waits until the list
    /// on screen answers those words (the UI marks the results `aria-busy` until then), so
    /// what a test finds next is not redrawn under it by a late answer.
    pub async fn search(&self, words: &str) -> Result<()> {
        let search = self.client.find(Locator::Css("#search")).await?;
        search.clear().await?;
        // Clearing fires no input event; a space does, and searches for nothing.
        let typed = if words.is_empty() { " " } else { words };
        search.send_keys(typed).await?;
        self.wait_for_answer(typed).await
    }

    /// Waits until the results answer the search box's `words` and no newer search is pending.
    pub async fn wait_for_answer(&self, words: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = None;
        while Instant::now() < deadline {
            if let Ok(section) = self.client.find(Locator::Css("#results-section")).await {
                let busy = section.attr("aria-busy").await?;
                let answered = section.attr("data-answered").await?;
                if busy.as_deref() == Some("false") && answered.as_deref() == Some(words) {
                    return Ok(());
                }
                last = Some((busy, answered));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("the results never answered {words:?}; last seen (aria-busy, words): {last:?}")
    }

    /// Waits until the web app's service worker is active: its offline copy is complete.
    pub async fn wait_for_offline_copy(&self) -> Result<()> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.serviceWorker.ready.then(() => done(true));",
                vec![],
            )
            .await?;
        Ok(())
    }

    /// The text of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        // Read again when the page drew the elements anew between finding and reading them.
        let mut attempts = 0;
        'read: loop {
            let mut texts = Vec::new();
            for element in self.client.find_all(Locator::Css(css)).await? {
                match element.text().await {
                    Ok(text) => texts.push(text),
                    Err(error) if error.is_stale_element_reference() && attempts < 20 => {
                        attempts += 1;
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue 'read;
                    }
                    Err(error) => return Err(error.into()),
                }
            }
            return Ok(texts);
        }
    }

    /// The page's width and the window's, in CSS pixels: a page wider than its window makes
    /// people scroll sideways.
    pub async fn page_and_window_widths(&self) -> Result<(f64, f64)> {
        let widths = self
            .client
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth]",
                vec![],
            )
            .await?;
        Ok((
            widths[0].as_f64().unwrap_or(f64::MAX),
            widths[1].as_f64().unwrap_or(0.0),
        ))
    }

    /// Saves a picture of the window's content under target/screenshots.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        // Two animation frames: what the last change drew is on screen, not only in the page.
        // Then a pixel in a corner flickers by a shade nobody sees while the picture is taken:
        // WebKitWebDriver takes it after the window's next repaint, and a still page drawn
        // without GPU compositing (as Bussola draws) never repaints by itself.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const pixel = document.createElement('div');
                 pixel.id = 'screenshot-flicker';
                 pixel.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;'
                     + 'pointer-events:none;background:#000;opacity:0';
                 document.body.append(pixel);
                 window.__screenshotFlicker = setInterval(() => {
                     pixel.style.opacity = pixel.style.opacity === '0' ? '0.004' : '0';
                 }, 16);
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await?;
        let picture = self.client.screenshot().await;
        self.client
            .execute(
                "clearInterval(window.__screenshotFlicker);
                 document.getElementById('screenshot-flicker')?.remove();",
                vec![],
            )
            .await?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, picture?)?;
        Ok(path)
    }
}

/// A private X server, stopped on drop.
pub struct Display {
    _group: Group,
    /// The display's number, for `DISPLAY=:N`.
    pub number: String,
}

impl Display {
    /// Starts Xvfb with a screen of `WIDTHxHEIGHT`.
    pub fn start(screen: &str) -> Result<Display> {
        let (group, number) = start_xvfb(screen)?;
        Ok(Display {
            _group: group,
            number,
        })
    }
}

/// A process started in its own group (with whatever it starts), ended with it on drop.
pub struct Spawned(Group);

impl Spawned {
    pub fn spawn(command: &mut Command) -> Result<Spawned> {
        Ok(Spawned(Group::spawn(command)?))
    }

    pub fn child(&mut self) -> &mut Child {
        &mut self.0.0
    }
}

/// Starts a private X server; Xvfb picks a free display and tells us its number.
fn start_xvfb(screen: &str) -> Result<(Group, String)> {
    let mut command = Command::new("Xvfb");
    command
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            &format!("{screen}x24"),
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut group = Group::spawn(&mut command)?;
    let stdout = group.0.stdout.take().context("Xvfb's output")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let number = line.trim().to_owned();
    if number.is_empty() {
        bail!("Xvfb did not start (is the xvfb package installed?)");
    }
    Ok((group, number))
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for_port(port: u16, timeout: Duration) -> Result<()> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    bail!("tauri-driver did not listen on port {port} (is it installed? run `cargo xtask setup`)")
}

/// A copy of the site, for a test to change as its host would.
pub fn copy_site() -> Result<tempfile::TempDir> {
    let copy = tempfile::tempdir()?;
    let mut folders = vec![web_site()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            let target = copy.path().join(path.strip_prefix(web_site())?);
            if path.is_dir() {
                std::fs::create_dir_all(&target)?;
                folders.push(path);
            } else {
                std::fs::copy(&path, &target)?;
            }
        }
    }
    Ok(copy)
}

/// A copy of the site whose config.json points at `feed` and whose CSP lets the page reach it,
/// as `cargo xtask web --feed-url` writes them.
pub fn site_for_feed(feed_url: &str) -> Result<tempfile::TempDir> {
    let copy = copy_site()?;
    let origin = feed_url.split('/').take(3).collect::<Vec<_>>().join("/");
    std::fs::write(
        copy.path().join("config.json"),
        serde_json::json!({ "feed_url": feed_url }).to_string(),
    )?;
    let page = std::fs::read_to_string(copy.path().join("index.html"))?.replace(
        "connect-src 'self'",
        &format!("connect-src 'self' {origin}"),
    );
    std::fs::write(copy.path().join("index.html"), page)?;
    Ok(copy)
}

/// The next version of the Umbria feed, signed with the development key the app pins, into
/// `dir` with a delta from the version there (the bundled one, copied in when `dir` is empty):
/// that version's services and `extra`.
pub fn publish_umbria(dir: &Path, extra: &[serde_json::Value]) -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !dir.join("manifest.json").exists() {
        for file in std::fs::read_dir(root.join("data/umbria/feed"))? {
            let file = file?;
            std::fs::copy(file.path(), dir.join(file.file_name()))?;
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json"))?)?;
    let snapshot = dir.join(manifest["snapshot"]["url"].as_str().unwrap_or_default());
    let mut snapshot: serde_json::Value = serde_json::from_slice(&std::fs::read(snapshot)?)?;
    let mut services = match snapshot["services"].take() {
        serde_json::Value::Array(services) => services,
        _ => Vec::new(),
    };
    services.extend(extra.iter().cloned());
    let secret = std::fs::read_to_string(root.join("data/umbria/dev-key/DEVELOPMENT-ONLY.key"))?;
    let key = directory::feed::keys::SigningKey::from_text(&secret, None)?;
    directory::publish::build("umbria", services, dir, &key, chrono::Utc::now())?;
    Ok(())
}

/// Where the tests keep what they draw for a person to look at (target/screenshots).
pub fn screenshot_dir() -> PathBuf {
    app_binary().parent().and_then(Path::parent).map_or_else(
        || PathBuf::from("screenshots"),
        |target| target.join("screenshots"),
    )
}

/// Where [`App::browse`] has Chromium save the files a page downloads, for a profile.
pub fn downloads_of(profile: &Path) -> PathBuf {
    profile.join("downloads")
}

/// Where [`App::browse`] has Chromium write its network log (NetLog) for a profile: every request
/// the browser made, from the page, its workers, the service worker and the browser itself.
pub fn net_log_of(profile: &Path) -> PathBuf {
    profile.join("net-log.json")
}

/// One request in the browser's network log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub url: String,
    /// The origin of the page or worker that made it; `None` for what the browser does of its
    /// own accord (navigations typed in, its updates and account checks).
    pub initiator: Option<String>,
}

/// Every request the browser started, read from the network log it wrote for `profile`
/// (complete once the browser has closed: [`App::stop`]).
pub fn requests_made(profile: &Path) -> Result<Vec<Request>> {
    let text = std::fs::read_to_string(net_log_of(profile)).context("the browser's network log")?;
    let log: serde_json::Value =
        serde_json::from_str(&text).context("the browser's network log is not JSON")?;
    let start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .context("the network log names its event types")?;
    Ok(log["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|event| event["type"].as_u64() == Some(start))
        .filter_map(|event| {
            let params = &event["params"];
            Some(Request {
                url: params["url"].as_str()?.to_owned(),
                initiator: params["initiator"]
                    .as_str()
                    .filter(|i| i.contains("://"))
                    .map(str::to_owned),
            })
        })
        .collect())
}

/// Checks `bytes` are a whole PNG image (every chunk read, its checksums right) and gives its
/// size.
pub fn png_size(bytes: &[u8]) -> Result<(u32, u32)> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().context("a PNG header")?;
    let mut pixels = vec![0; reader.output_buffer_size().context("a sane image size")?];
    let frame = reader.next_frame(&mut pixels).context("the PNG's pixels")?;
    Ok((frame.width, frame.height))
}
