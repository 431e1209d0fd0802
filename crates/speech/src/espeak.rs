//! The desktop's voice: espeak-ng, which has a voice for each of the app's eleven languages
//! and speaks with no network. The `espeak-ng` program is run for each stretch of speech with
//! the text on its standard input (never on its command line, never as SSML), so nothing the
//! feed says can become an option or markup.
//!
//! A [`Speaker`] says one request at a time: a new one, or [`Speaker::stop`], cuts the one
//! being said, and kills the espeak-ng that was saying it (so no voice outlives the app). With `BUSSOLA_SPEECH_WAV=DIR` set it writes each stretch to a WAV file in DIR
//! (named by time and language, its text beside it in a `.txt` of the same name) instead of
//! playing it, and takes as long as playing would, so "stop" behaves the same: tests and people
//! without speakers can check what would be said.

use bussola_model::{SpeechPace, SpeechRequest, Utterance};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The program speech is made by.
pub const PROGRAM: &str = "espeak-ng";

/// The environment variable that sends speech to WAV files in a folder instead of the speakers.
pub const WAV_HOOK: &str = "BUSSOLA_SPEECH_WAV";

/// espeak-ng's voice for one of the app's locales. Chinese uses the Mandarin voice that reads
/// Latin letters as pinyin: the plain `cmn` voice reads Debian's Chinese characters as English.
pub fn voice(locale: &str) -> Option<&'static str> {
    Some(match locale {
        "it" => "it",
        "en" => "en-gb",
        "fr" => "fr-fr",
        "ar" => "ar",
        "uk" => "uk",
        "ro" => "ro",
        "sq" => "sq",
        "es" => "es",
        "zh" => "cmn-latn-pinyin",
        "bn" => "bn",
        "ur" => "ur",
        _ => return None,
    })
}

/// Words per minute: espeak-ng's own default is 175; a learner follows 130 better.
pub fn words_per_minute(pace: SpeechPace) -> u32 {
    match pace {
        SpeechPace::Slow => 130,
        SpeechPace::Normal => 170,
    }
}

/// What went wrong making speech.
#[derive(Debug)]
pub enum SpeechError {
    /// espeak-ng is not installed (or could not be run).
    NoProgram(std::io::Error),
    /// A language with no voice.
    NoVoice(String),
    /// espeak-ng ran but made no sound (an unknown voice on this install, for one).
    Failed(String),
    Io(std::io::Error),
}

impl std::fmt::Display for SpeechError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpeechError::NoProgram(e) => write!(f, "{PROGRAM} could not be run: {e}"),
            SpeechError::NoVoice(lang) => write!(f, "no voice for {lang:?}"),
            SpeechError::Failed(why) => write!(f, "{PROGRAM} failed: {why}"),
            SpeechError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SpeechError {}

/// The command that says `part` at `pace`, reading the text from its standard input.
fn command(part: &Utterance, pace: SpeechPace) -> Result<Command, SpeechError> {
    let voice = voice(&part.lang).ok_or_else(|| SpeechError::NoVoice(part.lang.clone()))?;
    let mut command = Command::new(PROGRAM);
    command
        .args(["-v", voice, "-s"])
        .arg(words_per_minute(pace).to_string())
        .arg("--stdin")
        .stdin(Stdio::piped())
        .stderr(Stdio::null());
    Ok(command)
}

/// Starts `command` and hands it the text; the child is left running (or, when it could not
/// take the text, ended and reaped).
fn start(mut command: Command, text: &str) -> Result<Child, SpeechError> {
    let mut child = command.spawn().map_err(SpeechError::NoProgram)?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // espeak-ng reads its input to the end and drops the last character: a new line.
    let written = stdin
        .write_all(text.as_bytes())
        .and_then(|()| stdin.write_all(b"\n"));
    drop(stdin);
    if let Err(e) = written {
        let _ = child.kill();
        let _ = child.wait();
        return Err(SpeechError::Io(e));
    }
    Ok(child)
}

/// One stretch of speech as a WAV file's bytes (16-bit mono, espeak-ng's 22 050 Hz).
pub fn synthesise(part: &Utterance, pace: SpeechPace) -> Result<Vec<u8>, SpeechError> {
    let mut command = command(part, pace)?;
    command
        .arg("--stdout")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = start(command, &part.text)?;
    let output = child.wait_with_output().map_err(SpeechError::Io)?;
    let sound = Wav::read(&output.stdout);
    if !output.status.success() || sound.is_none_or(|w| w.samples.is_empty()) {
        return Err(SpeechError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    Ok(output.stdout)
}

/// Whether this device can say `locale`: espeak-ng runs and has the voice.
pub fn can_speak(locale: &str) -> bool {
    let Some(voice) = voice(locale) else {
        return false;
    };
    let listed = Command::new(PROGRAM)
        .arg(format!(
            "--voices={}",
            voice.split('-').next().unwrap_or(voice)
        ))
        .stderr(Stdio::null())
        .output();
    match listed {
        // The listing's second column is the language a voice speaks ("en-gb", "cmn-latn-pinyin"),
        // which is what `-v` is given.
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .filter_map(|line| line.split_whitespace().nth(1))
            .any(|language| language.eq_ignore_ascii_case(voice)),
        _ => false,
    }
}

/// A WAV file's format and samples, as far as speech needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Wav {
    pub sample_rate: u32,
    pub samples: Vec<i16>,
}

impl Wav {
    /// Reads a 16-bit mono PCM WAV. espeak-ng writing to a pipe cannot know the length in
    /// advance and says "as long as it goes": the data then runs to the end of the bytes.
    pub fn read(bytes: &[u8]) -> Option<Wav> {
        if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WAVE" {
            return None;
        }
        let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
        let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
        let mut at = 12;
        let mut sample_rate = None;
        while at + 8 <= bytes.len() {
            let id = &bytes[at..at + 4];
            let size = u32_at(at + 4)? as usize;
            let body = at + 8;
            match id {
                b"fmt " => {
                    let (format, channels, bits) =
                        (u16_at(body)?, u16_at(body + 2)?, u16_at(body + 14)?);
                    if (format, channels, bits) != (1, 1, 16) {
                        return None;
                    }
                    sample_rate = Some(u32_at(body + 4)?);
                }
                b"data" => {
                    let end = body.saturating_add(size).min(bytes.len());
                    let samples = bytes[body..end]
                        .chunks_exact(2)
                        .map(|s| i16::from_le_bytes([s[0], s[1]]))
                        .collect();
                    return Some(Wav {
                        sample_rate: sample_rate?,
                        samples,
                    });
                }
                _ => {}
            }
            at = body.checked_add(size + size % 2)?;
        }
        None
    }

    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.samples.len() as f64 / f64::from(self.sample_rate.max(1)))
    }

    /// The root mean square of the samples, 0 for silence, 32 767 at most.
    pub fn loudness(&self) -> f64 {
        if self.samples.is_empty() {
            return 0.0;
        }
        let sum: f64 = self.samples.iter().map(|&s| f64::from(s).powi(2)).sum();
        (sum / self.samples.len() as f64).sqrt()
    }
}

/// Where speech goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// The device's sound output, through espeak-ng's own player.
    Speakers,
    /// WAV files in this folder, one per stretch, written at the pace they would be heard.
    WavFiles(PathBuf),
}

impl Sink {
    /// WAV files when `BUSSOLA_SPEECH_WAV` names a folder, else the speakers.
    pub fn from_env() -> Sink {
        match std::env::var_os(WAV_HOOK).filter(|d| !d.is_empty()) {
            Some(dir) => Sink::WavFiles(PathBuf::from(dir)),
            None => Sink::Speakers,
        }
    }
}

/// Says one request at a time, on a thread of its own.
#[derive(Debug, Clone)]
pub struct Speaker {
    sink: Sink,
    /// The number of the request being said, bumped by every new request and every stop: a
    /// thread whose number is no longer the current one stops at once.
    current: Arc<(Mutex<u64>, Condvar)>,
    /// The espeak-ng playing now and the request it says, so a stop (the app closing, too)
    /// ends it at once.
    playing: Arc<Mutex<Option<(u64, Child)>>>,
}

impl Speaker {
    pub fn new(sink: Sink) -> Speaker {
        Speaker {
            sink,
            current: Arc::default(),
            playing: Arc::default(),
        }
    }

    /// Says `request`, cutting whatever was being said, and returns its number. `finished` is
    /// called with that number once every stretch was said (with the first that could not be,
    /// if any: the others are still said), not when the request was cut.
    pub fn speak(
        &self,
        request: SpeechRequest,
        finished: impl FnOnce(u64, Result<(), SpeechError>) + Send + 'static,
    ) -> u64 {
        let mine = self.bump(None).expect("a bump without a condition happens");
        let speaker = self.clone();
        std::thread::spawn(move || {
            let said = speaker.say_all(mine, &request);
            // Checked and called under the lock, so a request started meanwhile is not told
            // this one's end as its own (`finished` must not call the speaker).
            let number = lock(&speaker.current.0);
            if *number == mine {
                finished(mine, said);
            }
        });
        mine
    }

    /// Stops what is being said, at once.
    pub fn stop(&self) {
        self.bump(None);
    }

    /// Stops request `number` if it is still the one being said (a stop that arrives after a
    /// newer request must not cut that one).
    pub fn stop_request(&self, number: u64) {
        self.bump(Some(number));
    }

    /// A new current number, when the current one is `only_if` (or always); the playing
    /// espeak-ng is killed. The new number, or `None` when nothing changed.
    fn bump(&self, only_if: Option<u64>) -> Option<u64> {
        let (number, changed) = &*self.current;
        let mut number = lock(number);
        if only_if.is_some_and(|n| n != *number) {
            return None;
        }
        let cut = *number;
        *number += 1;
        changed.notify_all();
        self.end_playing(cut);
        Some(*number)
    }

    fn is_current(&self, mine: u64) -> bool {
        *lock(&self.current.0) == mine
    }

    /// Says each stretch in turn until done or cut; a stretch that fails does not silence the
    /// others (an Italian voice missing still leaves the person's own language).
    fn say_all(&self, mine: u64, request: &SpeechRequest) -> Result<(), SpeechError> {
        let mut first_error = None;
        for (index, part) in request.parts.iter().enumerate() {
            if !self.is_current(mine) {
                break;
            }
            let said = match &self.sink {
                Sink::Speakers => self.play(part, request.pace, mine),
                Sink::WavFiles(dir) => self.write_and_wait(dir, mine, index, part, request.pace),
            };
            if let Err(e) = said {
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Plays one stretch through espeak-ng's player until it ends or is cut. (The current
    /// number and the playing child are never locked together here: [`Speaker::bump`] takes
    /// them in that order.)
    fn play(&self, part: &Utterance, pace: SpeechPace, mine: u64) -> Result<(), SpeechError> {
        let mut command = command(part, pace)?;
        command.stdout(Stdio::null());
        let child = start(command, &part.text)?;
        *lock(&self.playing) = Some((mine, child));
        loop {
            if self.wait_unless_cut(mine, POLL) {
                // Killed by the stop already, unless it came before the child was in its place.
                self.end_playing(mine);
                return Ok(());
            }
            let mut playing = lock(&self.playing);
            let Some((_, child)) = playing.as_mut().filter(|(n, _)| *n == mine) else {
                return Ok(());
            };
            if let Some(status) = child.try_wait().map_err(SpeechError::Io)? {
                *playing = None;
                return match status.success() {
                    true => Ok(()),
                    false => Err(SpeechError::Failed(format!("{status}"))),
                };
            }
        }
    }

    /// Kills and reaps request `number`'s espeak-ng, if it is the one playing.
    fn end_playing(&self, number: u64) {
        let mut playing = lock(&self.playing);
        if playing.as_ref().is_some_and(|(n, _)| *n == number)
            && let Some((_, mut child)) = playing.take()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// The WAV hook: writes one stretch, then takes as long as hearing it would.
    fn write_and_wait(
        &self,
        dir: &Path,
        mine: u64,
        index: usize,
        part: &Utterance,
        pace: SpeechPace,
    ) -> Result<(), SpeechError> {
        let (wav, length) = synthesise_with_length(part, pace)?;
        if !self.is_current(mine) {
            return Ok(());
        }
        write_wav(dir, mine, index, part, &wav)?;
        self.wait_unless_cut(mine, length);
        Ok(())
    }

    /// Waits `length`, or less if request `mine` is cut meanwhile; true when it was.
    fn wait_unless_cut(&self, mine: u64, length: Duration) -> bool {
        let (number, changed) = &*self.current;
        let number = lock(number);
        let (number, _) = changed
            .wait_timeout_while(number, length, |n| *n == mine)
            .unwrap_or_else(|p| p.into_inner());
        *number != mine
    }
}

/// A lock, whatever a thread that panicked while holding it left (a number, a child handle:
/// nothing half-changed to fear).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// How often a playing espeak-ng is checked for having finished or been cut.
const POLL: Duration = Duration::from_millis(40);

/// [`synthesise`], with how long the stretch lasts.
fn synthesise_with_length(
    part: &Utterance,
    pace: SpeechPace,
) -> Result<(Vec<u8>, Duration), SpeechError> {
    let wav = synthesise(part, pace)?;
    let length = Wav::read(&wav).map(|w| w.duration()).unwrap_or_default();
    Ok((wav, length))
}

/// Writes one stretch as `<milliseconds since 1970>-<request>-<index>-<lang>.wav` in `dir`, and
/// its text as the `.txt` of the same name. Each is written under a temporary name and renamed,
/// the text first: a WAV present is whole and has its text.
fn write_wav(
    dir: &Path,
    request: u64,
    index: usize,
    part: &Utterance,
    wav: &[u8],
) -> Result<(), SpeechError> {
    std::fs::create_dir_all(dir).map_err(SpeechError::Io)?;
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    let name = format!("{millis}-{request:04}-{index:02}-{}", part.lang);
    for (extension, bytes) in [("txt", part.text.as_bytes()), ("wav", wav)] {
        let path = dir.join(format!("{name}.{extension}"));
        let partial = dir.join(format!(".{name}.{extension}.partial"));
        std::fs::write(&partial, bytes).map_err(SpeechError::Io)?;
        std::fs::rename(&partial, &path).map_err(SpeechError::Io)?;
    }
    Ok(())
}

/// One stretch written by the WAV hook: its language, its text and how long it lasts.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub lang: String,
    pub text: String,
    pub length: Duration,
}

/// What the WAV hook has written in `dir` so far, oldest first (empty when nothing yet).
pub fn said_in(dir: &Path) -> Vec<Said> {
    let mut wavs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|path| path.extension().is_some_and(|x| x == "wav"))
                .filter(|path| !path.to_string_lossy().ends_with(".partial"))
                .collect()
        })
        .unwrap_or_default();
    // Named by the time they were said, the request, then their place in it.
    wavs.sort();
    wavs.iter()
        .map(|wav| Said {
            lang: wav
                .file_stem()
                .and_then(|stem| stem.to_str()?.rsplit('-').next())
                .unwrap_or_default()
                .to_owned(),
            text: std::fs::read_to_string(wav.with_extension("txt")).unwrap_or_default(),
            length: std::fs::read(wav)
                .ok()
                .and_then(|bytes| Wav::read(&bytes))
                .map(|w| w.duration())
                .unwrap_or_default(),
        })
        .collect()
}
