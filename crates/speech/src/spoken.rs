//! A service's essentials as a person would hear them: its name, whether it is open now and
//! when that changes, the address, the phone number and how to get access.
//!
//! The app's own words come from Fluent messages written to be spoken (`speak-*`): times as
//! people say them ("9 e 30", "9点30分"), days in the form they take in a sentence, phone numbers
//! digit by digit in small groups. The feed's texts are read in the language they are in: a
//! name or an address the feed has only in Italian gets the Italian voice, as the screen marks
//! it "in Italian". Nothing here knows the clock: the caller says which day is today.

use bussola_i18n::Translator;
use bussola_model::{Localized, OpenState, ServiceDetail, Timetable, Utterance, weekday_of};

/// What "listen" says about a service, in order, for a person reading `tr`'s language on
/// `today` (`YYYY-MM-DD`, the device's local date).
pub fn essentials(detail: &ServiceDetail, tr: &Translator, today: &str) -> Vec<Utterance> {
    let mut speech = Speech::new(tr.locale.code);
    speech.feed_text(&detail.name);
    let hours = detail
        .locations
        .iter()
        .find_map(|l| l.hours.as_ref())
        .or(detail.hours.as_ref());
    // Closed for now or no longer offered: said before the hours, which do not hold meanwhile.
    if detail.withdrawn {
        speech.own(&tr.text("speak-withdrawn"));
    } else if detail.closed {
        speech.own(&tr.text("speak-closed-for-now"));
    } else {
        speech.own(&open_state(hours, tr, today));
    }
    if let Some(address) = detail.locations.iter().find_map(|l| l.address_line(false)) {
        speech.own(&tr.text("speak-address"));
        // Addresses are Italian words (Via, Piazza, the comune's name) in every language.
        speech.say(&address, bussola_i18n::REFERENCE);
    }
    // A number to call: not a fax, nor one that takes only text messages.
    let callable = |kind: Option<&str>| !matches!(kind, Some("fax" | "text"));
    if let Some(phone) = detail.phones.iter().find(|p| callable(p.kind.as_deref())) {
        let digits = digits_to_say(&phone.number);
        if !digits.is_empty() {
            speech.own(&tr.text_with("speak-phone", &[("digits", (&digits).into())]));
        }
    }
    if let Some(access) = &detail.application_process {
        speech.own(&tr.text("speak-access"));
        speech.feed_text(&Localized {
            text: first_sentences(&access.text, ACCESS_BUDGET),
            ..access.clone()
        });
    }
    speech.parts
}

/// How much of "how to get access" is read, in characters: with the rest of the essentials it
/// stays inside what one request may hold ([`crate::MAX_CHARS`]); the screen has it all.
const ACCESS_BUDGET: usize = 900;

/// The text's first sentences that fit in `budget` characters (at least the first words
/// that do, when one sentence is longer).
fn first_sentences(text: &str, budget: usize) -> String {
    if text.chars().count() <= budget {
        return text.to_owned();
    }
    let cut: String = text.chars().take(budget).collect();
    let sentence_end = cut
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | '!' | '?' | '。' | '।' | '۔' | '؟'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    match sentence_end {
        Some(end) => cut[..end].to_owned(),
        None => match cut.rfind(' ') {
            Some(space) => cut[..space].to_owned(),
            None => cut,
        },
    }
}

/// Whether the service is open now and when that changes, as one or two spoken sentences.
pub fn open_state(hours: Option<&Timetable>, tr: &Translator, today: &str) -> String {
    let Some(hours) = hours.filter(|h| h.readable) else {
        return tr.text("speak-hours-unknown");
    };
    let (now_id, today_id, other_id) = match hours.state {
        OpenState::Open => ("speak-open-now", "speak-closes-today", "speak-closes-on"),
        OpenState::Closed => ("speak-closed-now", "speak-opens-today", "speak-opens-on"),
        OpenState::Uncertain => return tr.text("speak-hours-uncertain"),
        OpenState::Unknown => return tr.text("speak-hours-unknown"),
    };
    let mut text = tr.text(now_id);
    if let Some((date, hour, minute)) = hours.next_change.as_deref().and_then(moment) {
        let time = spoken_time(tr, hour, minute);
        let change = match (date == today, weekday_of(date)) {
            (true, _) => tr.text_with(today_id, &[("time", (&time).into())]),
            (false, Some(day)) => {
                let day = tr.weekday_in_sentence(day);
                tr.text_with(
                    other_id,
                    &[("day", (&day).into()), ("time", (&time).into())],
                )
            }
            (false, None) => String::new(),
        };
        if !change.is_empty() {
            text = format!("{text} {change}");
        }
    }
    text
}

/// A time of day as people say it in `tr`'s language. The messages get the 24-hour `hour`, the
/// 12-hour `hour12` and the `period` of the day (`morning`, `afternoon`, `evening`, `night`)
/// for languages whose speakers use the 12-hour clock.
pub fn spoken_time(tr: &Translator, hour: i64, minute: i64) -> String {
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    let period = match hour {
        5..=11 => "morning",
        12..=17 => "afternoon",
        18..=21 => "evening",
        _ => "night",
    };
    tr.text_with(
        "speak-time",
        &[
            ("hour", hour.into()),
            ("minute", minute.into()),
            ("hour12", hour12.into()),
            ("period", period.into()),
        ],
    )
}

/// A phone number as it is said in Italy: digit by digit, a pause between groups, without the
/// country code a call from an Italian phone does not need. "075 5062111" → "0 7 5, 5 0 6, 2 1 1 1".
pub fn digits_to_say(number: &str) -> String {
    let number = number.trim();
    let number = number
        .strip_prefix("+39")
        .or_else(|| number.strip_prefix("0039"))
        .unwrap_or(number);
    let mut groups: Vec<String> = Vec::new();
    for written in number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
    {
        let digits: Vec<char> = written.chars().collect();
        if digits.len() <= 4 {
            groups.push(spaced(&digits));
            continue;
        }
        // A long run is said in threes, the last group taking a lone digit left over.
        let mut chunks: Vec<&[char]> = digits.chunks(3).collect();
        if chunks.len() > 1 && chunks.last().is_some_and(|c| c.len() == 1) {
            let last = chunks.pop().expect("two chunks at least");
            let before = chunks.pop().expect("two chunks at least");
            let start = digits.len() - before.len() - last.len();
            chunks.push(&digits[start..]);
        }
        groups.extend(chunks.into_iter().map(spaced));
    }
    groups.join(", ")
}

fn spaced(digits: &[char]) -> String {
    digits
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The date, hour and minute of an RFC 3339 local time ("2026-11-30T13:30:00+01:00").
fn moment(time: &str) -> Option<(&str, i64, i64)> {
    let date = time.get(..10)?;
    let hour = time.get(11..13)?.parse().ok()?;
    let minute = time.get(14..16)?.parse().ok()?;
    Some((date, hour, minute))
}

/// Stretches of speech being put together; a stretch in the same language as the one before
/// joins it, so the voice does not pause between every sentence.
struct Speech {
    own_lang: &'static str,
    parts: Vec<Utterance>,
}

impl Speech {
    fn new(own_lang: &'static str) -> Speech {
        Speech {
            own_lang,
            parts: Vec::new(),
        }
    }

    /// The app's words, in the person's language.
    fn own(&mut self, text: &str) {
        self.say(text, self.own_lang);
    }

    /// A feed text, in the language the feed gave it in.
    fn feed_text(&mut self, text: &Localized) {
        let lang = match bussola_i18n::find(&text.lang) {
            Some(locale) => locale.code,
            None => bussola_i18n::REFERENCE,
        };
        self.say(&text.text, lang);
    }

    fn say(&mut self, text: &str, lang: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // A name or a heading without its own full stop gets one: the voice pauses there.
        let text = match text.ends_with(['.', '!', '?', ':', '。', '！', '？', '：', '।', '۔', '؟'])
        {
            true => text.to_owned(),
            false => format!("{text}."),
        };
        match self.parts.last_mut() {
            Some(last) if last.lang == lang => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => self.parts.push(Utterance {
                text,
                lang: lang.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_said_in_small_groups_without_the_country_code() {
        assert_eq!(digits_to_say("075 5062111"), "0 7 5, 5 0 6, 2 1 1 1");
        assert_eq!(digits_to_say("+39 0744 484111"), "0 7 4 4, 4 8 4, 1 1 1");
        assert_eq!(digits_to_say("800.290.290"), "8 0 0, 2 9 0, 2 9 0");
        assert_eq!(digits_to_say("112"), "1 1 2");
        assert_eq!(digits_to_say("0755061"), "0 7 5, 5 0 6 1");
        assert_eq!(digits_to_say("n/d"), "");
    }

    #[test]
    fn a_long_access_text_is_read_to_its_last_whole_sentence_within_the_budget() {
        let text = "Prima frase. Seconda frase più lunga. Terza.";
        assert_eq!(first_sentences(text, 100), text);
        assert_eq!(first_sentences(text, 30), "Prima frase.");
        assert_eq!(first_sentences("una parola dopo l'altra", 12), "una parola");
    }

    #[test]
    fn times_are_said_as_people_say_them() {
        let it = Translator::new("it");
        assert_eq!(spoken_time(&it, 13, 0), "alle 13");
        assert_eq!(spoken_time(&it, 9, 30), "alle 9 e 30");
        assert_eq!(spoken_time(&it, 1, 0), "all'una");
        assert_eq!(spoken_time(&it, 0, 0), "a mezzanotte");
        let en = Translator::new("en");
        assert_eq!(spoken_time(&en, 13, 0), "1 in the afternoon");
        assert_eq!(spoken_time(&en, 9, 5), "9 oh 5 in the morning");
        assert_eq!(spoken_time(&en, 18, 30), "6 30 in the evening");
    }
}
