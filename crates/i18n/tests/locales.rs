//! Every locale says everything Italian says, nothing more, with the variables the code passes;
//! and every message the UI asks for exists.
//!
//! The Fluent files are parsed with `fluent-syntax` (the same grammar the bundles use), so a
//! message that would silently fall back to Italian at run time fails here instead.

use bussola_i18n::{Arg, LOCALES, REFERENCE, Translator, ftl};
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message's variables, by id.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(code: &str) -> Messages {
    let text = ftl(code).unwrap_or_else(|| panic!("i18n/{code}/bussola.ftl is missing"));
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("i18n/{code}/bussola.ftl does not parse: {errors:?}"),
    };
    let mut found = Messages::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{code}: {id} is defined twice"
                );
            }
            Entry::Junk { content } => panic!("{code}: unreadable text: {content}"),
            _ => {}
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
        }
        _ => {}
    }
}

#[test]
fn every_locale_has_a_file_and_every_file_is_a_locale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    let folders: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let codes: BTreeSet<String> = LOCALES.iter().map(|l| l.code.to_owned()).collect();
    assert_eq!(folders, codes, "i18n/ holds exactly the app's locales");
    for locale in LOCALES {
        assert!(
            ftl(locale.code).is_some(),
            "{} is not compiled in",
            locale.code
        );
    }
}

/// Variables the code passes to a message beyond those Italian uses: the 12-hour clock and the
/// part of the day, for the languages whose speakers tell the time that way
/// (`bussola_speech::spoken::spoken_time`).
const PASSED_BEYOND_ITALIAN: &[(&str, &[&str])] = &[("speak-time", &["hour12", "period"])];

#[test]
fn every_locale_has_exactly_the_italian_messages_and_variables() {
    let italian = messages(REFERENCE);
    let mut problems = Vec::new();
    for locale in LOCALES.iter().filter(|l| l.code != REFERENCE) {
        let theirs = messages(locale.code);
        for id in italian.keys().filter(|id| !theirs.contains_key(*id)) {
            problems.push(format!("{}: lacks {id}", locale.code));
        }
        for id in theirs.keys().filter(|id| !italian.contains_key(*id)) {
            problems.push(format!("{}: has {id}, which Italian lacks", locale.code));
        }
        for (id, variables) in &theirs {
            if let Some(passed) = italian.get(id) {
                let mut passed = passed.clone();
                for (message, extra) in PASSED_BEYOND_ITALIAN {
                    if message == id {
                        passed.extend(extra.iter().map(|v| (*v).to_owned()));
                    }
                }
                for unknown in variables.difference(&passed) {
                    problems.push(format!(
                        "{}: {id} uses ${unknown}, which the code does not pass",
                        locale.code
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_formats_without_errors_in_every_locale() {
    let italian = messages(REFERENCE);
    for locale in LOCALES {
        let tr = Translator::new(locale.code);
        for (id, variables) in &italian {
            assert!(tr.has(id), "{}: {id} missing from the bundle", locale.code);
            let mut variables: Vec<&str> = variables.iter().map(String::as_str).collect();
            for (message, extra) in PASSED_BEYOND_ITALIAN {
                if message == id {
                    variables.extend(extra.iter());
                }
            }
            for count in [0i64, 1, 2, 3, 5, 11, 21, 100] {
                let args: Vec<(&str, Arg<'_>)> = variables
                    .iter()
                    .map(|&v| match v {
                        "count" | "version" => (v, Arg::Number(count)),
                        _ => (v, Arg::Text("X")),
                    })
                    .collect();
                let text = tr.text_with(id, &args);
                assert!(!text.trim().is_empty(), "{}: {id} is empty", locale.code);
                assert!(
                    !text.contains('{') && !text.contains("???"),
                    "{}: {id} leaves a placeholder: {text}",
                    locale.code
                );
            }
        }
    }
}

/// A message may read the same as in Italian only where the word is truly the same (a name,
/// a loanword); anything longer left in Italian is an untranslated message.
#[test]
fn no_sentence_is_left_in_italian() {
    let it = Translator::new(REFERENCE);
    let italian = messages(REFERENCE);
    let mut problems = Vec::new();
    for locale in LOCALES.iter().filter(|l| l.code != REFERENCE) {
        let tr = Translator::new(locale.code);
        for (id, variables) in &italian {
            let args: Vec<(&str, Arg<'_>)> = variables
                .iter()
                .map(|v| (v.as_str(), Arg::Number(7)))
                .collect();
            let (ours, theirs) = (it.text_with(id, &args), tr.text_with(id, &args));
            let words = ours.split_whitespace().count();
            if ours == theirs && words > 2 {
                problems.push(format!("{}: {id} is still Italian: {ours}", locale.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message id the UI's code and what it says aloud ask for (`t("…")`, `t_with("…"`,
/// `text("…")`, `text_with("…"`) exists in Italian, so no screen shows (or voice says) a raw id.
#[test]
fn every_message_the_ui_asks_for_exists() {
    let italian = messages(REFERENCE);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sources = ["ui/src", "crates/speech/src"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|entry| entry.unwrap().path());
    let mut asked = BTreeSet::new();
    for path in sources {
        let source = std::fs::read_to_string(path).unwrap();
        for call in ["t(", "t_with(", "text(", "text_with("] {
            for (at, _) in source.match_indices(call) {
                // `closest("…")` is not `t("…")`.
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // The id may follow on the next line, as formatted calls put it.
                let rest = source[at + call.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    asked.insert(quoted[..end].to_owned());
                }
            }
        }
    }
    assert!(
        asked.len() > 50,
        "the scan found the UI's messages ({})",
        asked.len()
    );
    let missing: Vec<_> = asked
        .iter()
        .filter(|id| !italian.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "the UI asks for messages Italian lacks: {missing:?}"
    );
}

#[test]
fn no_file_carries_its_own_bidi_controls() {
    for locale in LOCALES {
        let text = ftl(locale.code).unwrap();
        let controls = [
            '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        assert!(
            !text.contains(controls),
            "{}: bidi controls belong to the app, which isolates variables in RTL",
            locale.code
        );
    }
}

#[test]
fn right_to_left_locales_isolate_their_variables() {
    let ar = Translator::new("ar");
    let text = ar.text_with("closes-at", &[("time", "12:00".into())]);
    assert!(text.contains("\u{2068}12:00\u{2069}"), "{text:?}");
    let it = Translator::new("it");
    assert_eq!(
        it.text_with("closes-at", &[("time", "12:00".into())]),
        "chiude alle 12:00"
    );
}
