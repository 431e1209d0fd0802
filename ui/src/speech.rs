//! The app's voice in the window, for people who read little: "listen" on a service's page and
//! card reads its essentials ([`bussola_speech::spoken`]); the read-aloud mode, switched on from
//! the band, says the name of every button, chip or link the person taps or reaches with the
//! keyboard; the pace (slow by default) is remembered like the language.
//!
//! The UI only composes what to say; the shell speaks it (espeak-ng on the desktop, the
//! browser's own voices on the web), and says so when the device has no voice for the language
//! rather than reading it with another language's voice.

use crate::i18n::{Lang, use_lang};
use crate::icons::icon;
use crate::ipc;
use bussola_model::{ServiceDetail, SpeechPace, SpeechRequest, Utterance};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const PACE_SETTING: &str = "speech-pace";
const READ_ALOUD_SETTING: &str = "speech-read-aloud";

/// What the voice is doing, shared by every component.
#[derive(Clone, Copy)]
pub struct Voice {
    /// The request being said, if any: only the control that asked shows "stop".
    speaking: RwSignal<Option<Speaking>>,
    /// Requests asked so far in this window, to tell a late answer from the current one.
    asked: StoredValue<u64>,
    pub pace: RwSignal<SpeechPace>,
    pub read_aloud: RwSignal<bool>,
    /// Whether the device has a voice for the chosen language, asked again on a switch.
    can_speak: LocalResource<bool>,
}

/// A request being said: the control that asked ("listen:umbria/questura-pg", the read-aloud
/// mode), this window's number for it, and the shell's once it answered.
#[derive(Debug, Clone, PartialEq)]
struct Speaking {
    by: String,
    asked: u64,
    id: Option<u64>,
}

/// Who is speaking when the read-aloud mode says a control's name.
const READ_ALOUD: &str = "read-aloud";

impl Voice {
    /// Says `parts`, cutting what was being said; `by` names the control that asked.
    pub fn say(&self, by: &str, parts: Vec<Utterance>) {
        let request = SpeechRequest {
            parts,
            pace: self.pace.get_untracked(),
        };
        let asked = self.asked.get_value() + 1;
        self.asked.set_value(asked);
        let speaking = self.speaking;
        speaking.set(Some(Speaking {
            by: by.to_owned(),
            asked,
            id: None,
        }));
        leptos::task::spawn_local(async move {
            let answer = ipc::speak(&request).await;
            let current = speaking.with_untracked(|s| s.as_ref().map(|s| s.asked)) == Some(asked);
            match answer {
                Ok(id) if current => speaking.update(|s| {
                    if let Some(s) = s {
                        s.id = Some(id);
                    }
                }),
                // Stopped before the shell answered: stop it now. (A newer request cut it
                // already, in the shell.)
                Ok(id) => {
                    if speaking.with_untracked(Option::is_none) {
                        ipc::stop_speaking(id).await;
                    }
                }
                Err(_) if current => speaking.set(None),
                Err(_) => {}
            }
        });
    }

    /// Stops what is being said.
    pub fn stop(&self) {
        let stopped = self.speaking.get_untracked();
        self.speaking.set(None);
        if let Some(id) = stopped.and_then(|s| s.id) {
            leptos::task::spawn_local(ipc::stop_speaking(id));
        }
    }

    /// Whether the control `by` asked for what is being said.
    pub fn speaking(&self, by: &str) -> bool {
        self.speaking
            .with(|s| s.as_ref().is_some_and(|s| s.by == by))
    }

    /// Whether the device can speak the chosen language (`None` while it is being asked).
    pub fn available(&self) -> Option<bool> {
        self.can_speak.get()
    }

    pub fn set_pace(&self, pace: SpeechPace) {
        self.pace.set(pace);
        leptos::task::spawn_local(async move {
            let _ = ipc::set_setting(PACE_SETTING, Some(pace.as_str())).await;
        });
    }

    pub fn set_read_aloud(&self, on: bool) {
        self.read_aloud.set(on);
        leptos::task::spawn_local(async move {
            let _ = ipc::set_setting(READ_ALOUD_SETTING, on.then_some("on")).await;
        });
    }
}

/// Puts the voice in context: reads the remembered pace and mode, follows the shell's "said to
/// the end", and listens for taps and keyboard focus for the read-aloud mode.
pub fn provide_voice(lang: Lang) -> Voice {
    let voice = Voice {
        speaking: RwSignal::new(None),
        asked: StoredValue::new(0),
        pace: RwSignal::new(SpeechPace::default()),
        read_aloud: RwSignal::new(false),
        can_speak: LocalResource::new(move || ipc::can_speak(lang.code())),
    };
    provide_context(voice);
    leptos::task::spawn_local(async move {
        if let Ok(Some(pace)) = ipc::setting(PACE_SETTING).await
            && let Some(pace) = SpeechPace::parse(&pace)
        {
            voice.pace.set(pace);
        }
        if let Ok(Some(on)) = ipc::setting(READ_ALOUD_SETTING).await {
            voice.read_aloud.set(on == "on");
        }
        ipc::on_speech_ended(move |id| {
            if voice
                .speaking
                .with_untracked(|s| s.as_ref().and_then(|s| s.id))
                == Some(id)
            {
                voice.speaking.set(None);
            }
        })
        .await;
    });
    // A switch of language mid-sentence would leave a voice speaking words no longer shown.
    Effect::new(move |previous: Option<&'static str>| {
        let code = lang.code();
        if previous.is_some_and(|p| p != code) && voice.speaking.get_untracked().is_some() {
            voice.stop();
        }
        code
    });
    let last_said = StoredValue::new(None::<(web_sys::Element, f64)>);
    let say_name = move |target: Option<web_sys::EventTarget>, keyboard: bool| {
        if !voice.read_aloud.get_untracked() {
            return;
        }
        let Some(control) = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| {
                e.closest("button, a, select, label, summary, [role=button]")
                    .ok()
                    .flatten()
            })
        else {
            return;
        };
        // "Listen" and the mode's own switch speak for themselves.
        if control.closest("[data-speaks]").ok().flatten().is_some()
            || (keyboard && !control.matches(":focus-visible").unwrap_or(false))
        {
            return;
        }
        // A keyboard press on a focused button comes as a focus then a click: one name.
        let now = js_sys::Date::now();
        let repeated = last_said.with_value(|last| {
            last.as_ref()
                .is_some_and(|(element, at)| element == &control && now - at < 1500.0)
        });
        last_said.set_value(Some((control.clone(), now)));
        if repeated {
            return;
        }
        let Some(name) = spoken_name(&control) else {
            return;
        };
        let text_lang = control
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| bussola_i18n::find(&code).map(|l| l.code))
            .unwrap_or_else(|| lang.code_untracked());
        voice.say(
            READ_ALOUD,
            vec![Utterance {
                text: name,
                lang: text_lang.to_owned(),
            }],
        );
    };
    let on_tap = say_name;
    let _tap = window_event_listener(leptos::ev::click, move |ev| on_tap(ev.target(), false));
    let _focus = window_event_listener(leptos::ev::focusin, move |ev| say_name(ev.target(), true));
    voice
}

/// The name a control is known by: its label for assistive technology, else its visible text;
/// a language picker says the language chosen.
fn spoken_name(control: &web_sys::Element) -> Option<String> {
    if let Some(select) = control.dyn_ref::<web_sys::HtmlSelectElement>() {
        let option = select.selected_options().item(0)?;
        return Some(option.text_content()?.trim().to_owned());
    }
    let name = control
        .get_attribute("aria-label")
        .or_else(|| control.text_content())?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

pub fn use_voice() -> Voice {
    expect_context::<Voice>()
}

/// "Listen" for a service: reads its essentials, and stops them while they are being said.
/// Where the device has no voice for the language, it says so instead of offering a button.
#[component]
pub fn ListenButton(detail: ServiceDetail) -> impl IntoView {
    let lang = use_lang();
    let voice = use_voice();
    // One service's "listen": another page's button does not show this one's "stop".
    let by = StoredValue::new(format!("listen:{}/{}", detail.feed.0, detail.id.0));
    let detail = StoredValue::new(detail);
    let listen = move |_| {
        if by.with_value(|by| voice.speaking(by)) {
            voice.stop();
            return;
        }
        let tr = lang.tr_untracked();
        let parts = detail.with_value(|detail| {
            bussola_speech::spoken::essentials(detail, &tr, &crate::results::today())
        });
        by.with_value(|by| voice.say(by, parts));
    };
    move || {
        match voice.available() {
        Some(false) => view! {
            <p class="no-voice" id="speech-no-voice">{icon("speaker")}{lang.t("speech-no-voice")}</p>
        }
        .into_any(),
        _ => {
            let speaking = by.with_value(|by| voice.speaking(by));
            view! {
                <button type="button" class="action" id="action-listen" data-speaks=""
                    aria-pressed=speaking.to_string() on:click=listen>
                    {icon(if speaking { "stop" } else { "speaker" })}
                    <span>{lang.t(if speaking { "action-stop-listening" } else { "action-listen" })}</span>
                </button>
            }
            .into_any()
        }
    }
    }
}

/// The band's switch for the read-aloud mode; switched on, it says what it does.
#[component]
pub fn ReadAloudSwitch() -> impl IntoView {
    let lang = use_lang();
    let voice = use_voice();
    let toggle = move |_| {
        let on = !voice.read_aloud.get_untracked();
        voice.set_read_aloud(on);
        if on {
            let text = lang.tr_untracked().text("read-aloud-on");
            let lang = lang.code_untracked().to_owned();
            voice.say(READ_ALOUD, vec![Utterance { text, lang }]);
        } else if voice
            .speaking
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.by == READ_ALOUD))
        {
            // Switched off mid-name; a "listen" under way goes on.
            voice.stop();
        }
    };
    view! {
        <button type="button" id="read-aloud" class="read-aloud" data-speaks=""
            aria-pressed=move || voice.read_aloud.get().to_string()
            title=move || lang.t("read-aloud")
            aria-label=move || lang.t("read-aloud")
            on:click=toggle>
            {icon("speaker")}
        </button>
    }
}

/// Under the band while the read-aloud mode is on but the device has no voice for the
/// language: the mode then says nothing, and the person should know why.
#[component]
pub fn NoVoiceNotice() -> impl IntoView {
    let lang = use_lang();
    let voice = use_voice();
    move || {
        (voice.read_aloud.get() && voice.available() == Some(false)).then(|| {
            view! { <p class="no-voice" role="status" id="read-aloud-no-voice">{lang.t("speech-no-voice")}</p> }
        })
    }
}

/// The pace of the voice, in About.
#[component]
pub fn SpeechSettings() -> impl IntoView {
    let lang = use_lang();
    let voice = use_voice();
    let choice = move |pace: SpeechPace, id: &'static str, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="speech-pace" id=id
                    prop:checked=move || voice.pace.get() == pace
                    on:change=move |_| voice.set_pace(pace) />
                <span>{move || lang.t(label)}</span>
            </label>
        }
    };
    view! {
        <h2 id="speech-title">{move || lang.t("speech-title")}</h2>
        <fieldset class="speech-pace">
            <legend>{move || lang.t("speech-pace-label")}</legend>
            {choice(SpeechPace::Slow, "speech-pace-slow", "speech-pace-slow")}
            {choice(SpeechPace::Normal, "speech-pace-normal", "speech-pace-normal")}
        </fieldset>
    }
}
