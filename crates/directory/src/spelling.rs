//! Typo tolerance: a word that matches nothing the directory holds is read as the nearest word
//! it does hold, so "permeso", "questra" and "дозвл" still find what the person meant.
//!
//! The vocabulary is the directory's own: every word of the services' names (every language the
//! feed has) and every category word of the taxonomy, folded as the index is. The search asks
//! for a correction only when nothing begins with the typed word, so an exact match always wins, and
//! only within the edits a person plausibly made: none below 4 letters, one from 4, two from 8
//! (Meilisearch's and Typesense's defaults). Words are prefixes while typing, so the distance is
//! to the nearest *beginning* of a vocabulary word ("pemes" is one edit from "permes…").
//! Edits are Damerau–Levenshtein: a letter added, dropped, changed, or two swapped.
//!
//! The vocabulary is sorted, and neighbours share beginnings: the edit-distance rows of a shared
//! beginning are computed once (a walk of the implicit trie), and a beginning already too far
//! from the typed word skips every word that starts with it.

use crate::Result;
use rusqlite::Connection;

/// One word the directory holds and in how many services.
#[derive(Debug)]
struct Term {
    chars: Box<[char]>,
    services: u32,
}

/// The words a search can be corrected to.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// Sorted by their characters.
    terms: Vec<Term>,
}

/// What a typed word was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Correction {
    /// The beginning of a vocabulary word to search for, as the typed word's stand-in.
    pub prefix: String,
    /// The whole word it begins, the most common one: what "did you mean" shows.
    pub word: String,
}

/// The edits allowed for a word of `letters` letters.
fn edits_allowed(letters: usize) -> usize {
    match letters {
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    }
}

impl Vocabulary {
    /// Every word of the services' names (in every language) with the number of services
    /// holding it, and the taxonomy's words (in every locale) beside them. Not the words of
    /// descriptions and addresses: with a big directory nearly any word is one edit from one of
    /// those ("marito" from the "Mario" of a street), and a person searches for what a place is.
    pub fn load(conn: &Connection, category_words: &[String]) -> Result<Vocabulary> {
        // fts5vocab reads the index's own term list; a temporary table lives only as long as
        // this connection and writes nothing to the file.
        conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.service_column_terms
                 USING fts5vocab(main, service_text, 'col');",
        )?;
        let mut stmt =
            conn.prepare("SELECT term, doc FROM temp.service_column_terms WHERE col = 'names'")?;
        let mut terms: Vec<(String, u32)> = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        terms.extend(category_words.iter().map(|w| (w.clone(), 0)));
        Ok(Vocabulary::from_terms(terms))
    }

    /// A vocabulary of these words, each with the number of services holding it.
    fn from_terms(mut terms: Vec<(String, u32)>) -> Vocabulary {
        // Only words a person can type: the index also holds numbers (postal codes, phones).
        terms.retain(|(t, _)| t.chars().any(char::is_alphabetic));
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        terms.dedup_by(|later, kept| later.0 == kept.0);
        // UTF-8's byte order is the characters' order: a beginning's words stay neighbours, in
        // any script, and the walk below can skip them together.
        let terms = terms
            .into_iter()
            .map(|(t, services)| Term {
                chars: t.chars().collect(),
                services,
            })
            .collect();
        Vocabulary { terms }
    }

    /// The reading of `typed` (folded) as the nearest beginning of a vocabulary word, if one is
    /// within the edits its length allows. Among equally near ones, the beginning of the most
    /// common word wins, then the longer beginning (closer to a whole word).
    pub fn correct(&self, typed: &str) -> Option<Correction> {
        let typed: Vec<char> = typed.chars().collect();
        let allowed = edits_allowed(typed.len());
        if allowed == 0 {
            return None;
        }
        let longest = typed.len() + allowed;
        // rows[r] compares the first r letters of the current term with every beginning of
        // the typed word: rows[r][c] = edits between term[..r] and typed[..c].
        let mut rows: Vec<Vec<usize>> = vec![(0..=typed.len()).collect()];
        let mut previous: &[char] = &[];
        // (edits, services, prefix length, term index) of the best reading so far.
        let mut best: Option<(usize, u32, usize, usize)> = None;
        let mut index = 0;
        while index < self.terms.len() {
            let term = &self.terms[index].chars;
            let shared = previous
                .iter()
                .zip(term.iter())
                .take_while(|(a, b)| a == b)
                .count()
                .min(rows.len() - 1);
            rows.truncate(shared + 1);
            let mut hopeless_at = None;
            for r in shared + 1..=term.len().min(longest) {
                let row = next_row(&rows, term, &typed, r);
                let nearest = *row
                    .iter()
                    .min()
                    .expect("a row has a cell per letter and one");
                rows.push(row);
                if nearest > allowed {
                    hopeless_at = Some(r);
                    break;
                }
            }
            // The whole typed word against each beginning of this term.
            for (r, row) in rows.iter().enumerate().skip(1) {
                let edits = row[typed.len()];
                if edits > allowed {
                    continue;
                }
                let services = self.terms[index].services;
                let better = match best {
                    None => true,
                    Some((e, s, len, _)) => {
                        (edits, std::cmp::Reverse(services), std::cmp::Reverse(r))
                            < (e, std::cmp::Reverse(s), std::cmp::Reverse(len))
                    }
                };
                if better {
                    best = Some((edits, services, r, index));
                }
            }
            previous = term;
            index += 1;
            if let Some(r) = hopeless_at {
                // No word starting with term[..r] can come within reach: skip them all.
                let beginning = &term[..r];
                index += self.terms[index..].partition_point(|t| t.chars.starts_with(beginning));
                rows.truncate(r);
                previous = &previous[..r - 1];
            }
        }
        let (_, _, length, index) = best?;
        // The beginning may be shared by several words: show the most common of them.
        let chars = &self.terms[index].chars;
        let beginning = &chars[..length];
        let first = self.terms.partition_point(|t| *t.chars < *beginning);
        let word = self.terms[first..]
            .iter()
            .take_while(|t| t.chars.starts_with(beginning))
            .max_by_key(|t| (t.services, std::cmp::Reverse(t.chars.len())))
            .map_or_else(|| chars.iter().collect(), |t| t.chars.iter().collect());
        Some(Correction {
            prefix: beginning.iter().collect(),
            word,
        })
    }
}

/// The edit-distance row for the first `r` letters of `term`, from the rows before it
/// (Damerau–Levenshtein: a swap of two neighbours counts as one edit).
fn next_row(rows: &[Vec<usize>], term: &[char], typed: &[char], r: usize) -> Vec<usize> {
    let above = &rows[r - 1];
    let letter = term[r - 1];
    let mut row = Vec::with_capacity(typed.len() + 1);
    row.push(r);
    for c in 1..=typed.len() {
        let changed = above[c - 1] + usize::from(typed[c - 1] != letter);
        let mut edits = changed.min(above[c] + 1).min(row[c - 1] + 1);
        if r > 1 && c > 1 && typed[c - 1] == term[r - 2] && typed[c - 2] == letter {
            edits = edits.min(rows[r - 2][c - 2] + 1);
        }
        row.push(edits);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[(&str, u32)]) -> Vocabulary {
        Vocabulary::from_terms(words.iter().map(|(w, n)| (w.to_string(), *n)).collect())
    }

    fn read(v: &Vocabulary, typed: &str) -> Option<(String, String)> {
        v.correct(typed).map(|c| (c.prefix, c.word))
    }

    #[test]
    fn one_wrong_letter_finds_the_word_in_every_script() {
        let v = vocabulary(&[
            ("permesso", 12),
            ("permessi", 3),
            ("questura", 9),
            ("prefettura", 4),
            ("дозвіл", 2),
            ("اقامة", 5),
        ]);
        // Dropped, added, changed, swapped letters.
        assert_eq!(
            read(&v, "permeso"),
            Some(("permesso".into(), "permesso".into()))
        );
        assert_eq!(
            read(&v, "questra"),
            Some(("questura".into(), "questura".into()))
        );
        assert_eq!(
            read(&v, "quesstura"),
            Some(("questura".into(), "questura".into()))
        );
        assert_eq!(
            read(&v, "kvestjura"),
            None,
            "three edits, where nine letters allow two"
        );
        assert_eq!(
            read(&v, "prefetura"),
            Some(("prefettura".into(), "prefettura".into()))
        );
        assert_eq!(
            read(&v, "perfettura"),
            Some(("prefettura".into(), "prefettura".into()))
        );
        assert_eq!(read(&v, "дозвл"), Some(("дозвіл".into(), "дозвіл".into())));
        assert_eq!(read(&v, "اقاما"), Some(("اقامة".into(), "اقامة".into())));
    }

    #[test]
    fn a_word_still_being_typed_is_read_as_a_beginning() {
        let v = vocabulary(&[("permesso", 12), ("permessi", 3), ("mediazione", 2)]);
        // "pemes" is one edit from "permes", which begins both: the commoner one is shown.
        assert_eq!(
            read(&v, "pemes"),
            Some(("permes".into(), "permesso".into()))
        );
        assert_eq!(
            read(&v, "mediaz"),
            Some(("mediaz".into(), "mediazione".into()))
        );
        assert_eq!(
            read(&v, "medaizi"),
            Some(("mediazi".into(), "mediazione".into()))
        );
    }

    #[test]
    fn short_words_are_never_corrected() {
        let v = vocabulary(&[("asilo", 2), ("casa", 5), ("cas", 1)]);
        assert_eq!(read(&v, "asl"), None, "three letters: no edit allowed");
        assert_eq!(read(&v, "csaa"), Some(("casa".into(), "casa".into())));
    }

    #[test]
    fn the_nearest_wins_then_the_most_common() {
        let v = vocabulary(&[("corso", 2), ("corsi", 9), ("cosro", 1)]);
        // "corsx" is one edit from both "corso" and "corsi": the commoner.
        assert_eq!(read(&v, "corsx"), Some(("corsi".into(), "corsi".into())));
        // Numbers are not words anyone misspells.
        let v = vocabulary(&[("06123", 40), ("0612", 3)]);
        assert_eq!(read(&v, "06124"), None);
    }

    #[test]
    fn the_walk_skips_nothing_it_should_have_read() {
        // Against a plain comparison with every word, on words sharing many beginnings.
        let list = [
            "accoglienza",
            "accesso",
            "acqua",
            "asilo",
            "assistenza",
            "associazione",
            "avvocato",
            "casa",
            "cassa",
            "centro",
            "cittadinanza",
            "consulenza",
            "corsi",
            "corso",
            "permesso",
            "permessi",
            "perugia",
            "prefettura",
            "questura",
            "questore",
        ];
        let v = vocabulary(&list.iter().map(|w| (*w, 1)).collect::<Vec<_>>());
        for typed in [
            "acogleinza",
            "assitenza",
            "cittadinaza",
            "permseso",
            "quetsura",
            "corzo",
            "perugai",
        ] {
            let found = v.correct(typed).map(|c| c.word);
            let typed_chars: Vec<char> = typed.chars().collect();
            let allowed = edits_allowed(typed_chars.len());
            let plain = list
                .iter()
                .filter_map(|w| {
                    let w: Vec<char> = w.chars().collect();
                    (1..=w.len())
                        .map(|r| distance(&w[..r], &typed_chars))
                        .min()
                        .filter(|&d| d <= allowed)
                        .map(|d| (d, w.iter().collect::<String>()))
                })
                .min_by_key(|(d, _)| *d);
            let found_edits = v
                .correct(typed)
                .map(|c| distance(&c.prefix.chars().collect::<Vec<_>>(), &typed_chars));
            assert_eq!(
                found_edits,
                plain.as_ref().map(|(d, _)| *d),
                "{typed}: {found:?} vs {plain:?}"
            );
        }
    }

    /// Damerau–Levenshtein (optimal string alignment) the plain way, for the test above.
    fn distance(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }
}
