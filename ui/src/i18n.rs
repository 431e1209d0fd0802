//! The person's language on screen: which locale is chosen, its translator, and the document's
//! `lang` and `dir`.
//!
//! The choice is a signal in context, so switching language redraws every text at once from any
//! screen; it is remembered in the store. On first start the system's languages decide.

use crate::ipc;
use bussola_i18n::{Arg, Translator};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The setting the chosen locale is kept under.
const LOCALE_SETTING: &str = "locale";

/// The chosen locale, shared by every component.
#[derive(Clone, Copy)]
pub struct Lang(RwSignal<&'static str>);

thread_local! {
    /// Each locale's bundle, parsed once (switching back and forth costs nothing).
    static TRANSLATORS: RefCell<HashMap<&'static str, Rc<Translator>>> = RefCell::default();
}

fn translator(code: &'static str) -> Rc<Translator> {
    TRANSLATORS.with(|all| {
        all.borrow_mut()
            .entry(code)
            .or_insert_with(|| Rc::new(Translator::new(code)))
            .clone()
    })
}

impl Lang {
    /// The locale code, tracked: a component reading it redraws on a switch.
    pub fn code(&self) -> &'static str {
        self.0.get()
    }

    /// The locale code, untracked: for an event handler that only reads it.
    pub fn code_untracked(&self) -> &'static str {
        self.0.get_untracked()
    }

    pub fn tr(&self) -> Rc<Translator> {
        translator(self.0.get())
    }

    /// The translator for what is drawn once and never redrawn in place (rows of the result
    /// list, which are drawn afresh on a switch instead).
    pub fn tr_untracked(&self) -> Rc<Translator> {
        translator(self.0.get_untracked())
    }

    /// The Italian translator, for the Italian half of the referral card.
    pub fn italian(&self) -> Rc<Translator> {
        translator(bussola_i18n::REFERENCE)
    }

    pub fn t(&self, id: &str) -> String {
        self.tr().text(id)
    }

    pub fn t_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.tr().text_with(id, args)
    }

    /// Switches the whole window to `code` and remembers it.
    pub fn choose(&self, code: &str) {
        if let Some(locale) = bussola_i18n::find(code) {
            self.0.set(locale.code);
            leptos::task::spawn_local(async move {
                let _ = ipc::set_setting(LOCALE_SETTING, Some(locale.code)).await;
            });
        }
    }
}

/// The locale to start in: the one the person chose before, else the system's language when
/// the app has it, else Italian. Read before the first screen is drawn, so it never flickers.
pub async fn initial_locale() -> &'static str {
    if let Ok(Some(code)) = ipc::setting(LOCALE_SETTING).await
        && let Some(locale) = bussola_i18n::find(&code)
    {
        return locale.code;
    }
    let mut system = ipc::system_languages().await.unwrap_or_default();
    if system.is_empty() {
        system = webview_languages();
    }
    bussola_i18n::negotiate(&system)
}

/// Puts the locale in context and keeps the document's `lang` and `dir` in step with it.
pub fn provide_lang(initial: &'static str) -> Lang {
    let lang = Lang(RwSignal::new(initial));
    provide_context(lang);
    // Screen readers pick their voice from `lang`; `dir` mirrors the whole layout for Arabic
    // and Urdu.
    Effect::new(move |_| {
        let tr = lang.tr();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tr.locale.code);
            let _ = root.set_attribute("dir", if tr.locale.rtl { "rtl" } else { "ltr" });
        }
        document().set_title(&tr.text("app-name"));
    });
    lang
}

pub fn use_lang() -> Lang {
    expect_context::<Lang>()
}

/// `navigator.languages`, best first: what the webview says, when the shell could not tell.
fn webview_languages() -> Vec<String> {
    let navigator = window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty()
        && let Some(tag) = navigator.language()
    {
        tags.push(tag);
    }
    tags
}
