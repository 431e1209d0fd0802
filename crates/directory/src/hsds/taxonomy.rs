//! From a source's taxonomy terms to Bussola's categories. Every directory classifies with its
//! own taxonomy (211 LA, Open Eligibility, a region's list); Bussola has a small one of its own
//! that the app gives icons and names in every language. The editor says which term is which
//! category in a small file they keep beside the source; a term whose code (or name) already is
//! a Bussola category code needs no line in it.
//!
//! A term neither the file nor Bussola knows is reported once, with how many services carry it,
//! rather than mapped to whatever looks closest: a category sends people to a door.

use crate::{Error, Result};
use bussola_feed::records::CATEGORY_CODES;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The editor's map from terms to categories (`--taxonomy-map`). Either
/// - a CSV with the header `term,category`, one line per term and category (a term on several
///   lines is in several categories), or
/// - a JSON object `{"<term>": "<category>"}` (or a list of categories).
///
/// A term is matched by its `code`, then its `id`, then its `name`, ignoring case. A term mapped
/// to an empty category is dropped on purpose: it is not reported as unmapped.
#[derive(Debug, Clone, Default)]
pub struct TaxonomyMap {
    /// Lower-cased term → categories (empty: dropped on purpose).
    terms: HashMap<String, Vec<String>>,
}

impl TaxonomyMap {
    /// Reads the map from a `.csv` or a `.json` file (by its extension).
    pub fn read(path: &Path) -> Result<TaxonomyMap> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::InvalidFeed(format!("cannot read {file}: {e}")))?;
        if file.to_ascii_lowercase().ends_with(".csv") {
            TaxonomyMap::from_csv(&file, &text)
        } else {
            TaxonomyMap::from_json(&file, &text)
        }
    }

    /// `term,category` lines, after that header. Every bad line is named, not only the first.
    pub fn from_csv(file: &str, text: &str) -> Result<TaxonomyMap> {
        let table = crate::spreadsheet::read_table(file, text)?;
        let headers = table.headers;
        let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(term_at), Some(category_at)) = (column("term"), column("category")) else {
            return Err(Error::InvalidFeed(format!(
                "{file}: the first line must be the header term,category"
            )));
        };
        let mut map = TaxonomyMap::default();
        let mut problems = Vec::new();
        for (row_number, row) in table.rows {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    problems.push(format!("{file}, row {row_number}: {e}"));
                    continue;
                }
            };
            let term = row.get(term_at).unwrap_or_default();
            let category = row.get(category_at).unwrap_or_default();
            match map.add(&format!("{file}, row {row_number}"), term, category) {
                Ok(()) => {}
                Err(Error::InvalidFeed(problem)) => problems.push(problem),
                Err(other) => return Err(other),
            }
        }
        if problems.is_empty() {
            Ok(map)
        } else {
            Err(Error::InvalidFeed(format!(
                "{file}: {} bad {}; the map was not read:\n  {}",
                problems.len(),
                if problems.len() == 1 { "line" } else { "lines" },
                problems.join("\n  ")
            )))
        }
    }

    /// `{"<term>": "<category>"}`, a category being a code, a list of codes, or "" for none.
    pub fn from_json(file: &str, text: &str) -> Result<TaxonomyMap> {
        let object: BTreeMap<String, Value> = serde_json::from_str(text).map_err(|e| {
            Error::InvalidFeed(format!(
                "{file}: expected {{\"<term code, id or name>\": \"<category>\"}}: {e}"
            ))
        })?;
        let mut map = TaxonomyMap::default();
        for (term, categories) in object {
            let place = format!("{file}, \"{term}\"");
            match categories {
                Value::String(category) => map.add(&place, &term, &category)?,
                Value::Array(list) => {
                    map.add(&place, &term, "")?;
                    for category in list {
                        let Value::String(category) = category else {
                            return Err(Error::InvalidFeed(format!(
                                "{place}: {category} is not a category code"
                            )));
                        };
                        map.add(&place, &term, &category)?;
                    }
                }
                other => {
                    return Err(Error::InvalidFeed(format!(
                        "{place}: {other} is not a category code"
                    )));
                }
            }
        }
        Ok(map)
    }

    fn add(&mut self, place: &str, term: &str, category: &str) -> Result<()> {
        let term = term.trim();
        if term.is_empty() {
            return Err(Error::InvalidFeed(format!("{place}: no term")));
        }
        let categories = self.terms.entry(term.to_lowercase()).or_default();
        let category = category.trim();
        if category.is_empty() {
            return Ok(());
        }
        if !CATEGORY_CODES.contains(&category) {
            return Err(Error::InvalidFeed(format!(
                "{place}: \"{category}\" is not one of Bussola's categories ({})",
                CATEGORY_CODES.join(", ")
            )));
        }
        if !categories.iter().any(|c| c == category) {
            categories.push(category.to_owned());
        }
        Ok(())
    }
}

/// A taxonomy term as a source gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Term {
    pub code: Option<String>,
    pub name: Option<String>,
    pub id: Option<String>,
}

impl Term {
    pub fn from_value(term: &Value) -> Term {
        let text = |field: &str| {
            term[field]
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        Term {
            code: text("code"),
            name: text("name"),
            id: text("id"),
        }
    }

    /// `code "x" (name "Y", id "…")`, for messages.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        for (what, value) in [("code", &self.code), ("name", &self.name), ("id", &self.id)] {
            if let Some(v) = value {
                parts.push(format!("{what} \"{v}\""));
            }
        }
        match parts.split_first() {
            None => "with no code, name or id".to_owned(),
            Some((first, [])) => first.clone(),
            Some((first, rest)) => format!("{first} ({})", rest.join(", ")),
        }
    }
}

/// What a term is in Bussola's taxonomy.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Mapped<'m> {
    Categories(Vec<&'m str>),
    /// Mapped to no category on purpose.
    Dropped,
    Unmapped,
}

impl TaxonomyMap {
    /// The categories of `term`: the editor's map first (by code, id, then name), then the term
    /// itself when its code or name is a Bussola category code.
    pub(crate) fn categories(&self, term: &Term) -> Mapped<'_> {
        for key in [&term.code, &term.id, &term.name].into_iter().flatten() {
            if let Some(categories) = self.terms.get(&key.to_lowercase()) {
                return if categories.is_empty() {
                    Mapped::Dropped
                } else {
                    Mapped::Categories(categories.iter().map(String::as_str).collect())
                };
            }
        }
        for key in [&term.code, &term.name].into_iter().flatten() {
            let key = key.to_lowercase();
            if let Some(code) = CATEGORY_CODES.iter().find(|c| **c == key) {
                return Mapped::Categories(vec![code]);
            }
        }
        Mapped::Unmapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn term(code: &str, name: &str) -> Term {
        Term::from_value(&json!({"code": code, "name": name, "id": "t-1"}))
    }

    #[test]
    fn a_term_that_is_already_a_category_needs_no_map() {
        let none = TaxonomyMap::default();
        assert_eq!(
            none.categories(&term("Legal", "Legal advice")),
            Mapped::Categories(vec!["legal"])
        );
        assert_eq!(
            none.categories(&term("BD-1800", "health")),
            Mapped::Categories(vec!["health"])
        );
        assert_eq!(
            none.categories(&term("BD-1800", "Food Pantries")),
            Mapped::Unmapped
        );
    }

    #[test]
    fn the_editors_map_is_a_csv_or_a_json_and_comes_first() {
        let csv = TaxonomyMap::from_csv(
            "map.csv",
            "term,category\nBD-1800,food-shelter\nbd-1800,community\nLegal,permits\nnoise,\n",
        )
        .unwrap();
        assert_eq!(
            csv.categories(&term("BD-1800", "Food Pantries")),
            Mapped::Categories(vec!["food-shelter", "community"])
        );
        assert_eq!(
            csv.categories(&term("legal", "Legal")),
            Mapped::Categories(vec!["permits"])
        );
        assert_eq!(csv.categories(&term("noise", "x")), Mapped::Dropped);
        // By id and by name too.
        let json = TaxonomyMap::from_json(
            "map.json",
            r#"{"t-1": "health", "Food Pantries": ["food-shelter"], "other": []}"#,
        )
        .unwrap();
        assert_eq!(
            json.categories(&Term::from_value(&json!({"id": "t-1"}))),
            Mapped::Categories(vec!["health"])
        );
        assert_eq!(
            json.categories(&Term::from_value(&json!({"name": "food pantries"}))),
            Mapped::Categories(vec!["food-shelter"])
        );
        assert_eq!(
            json.categories(&Term::from_value(&json!({"code": "other"}))),
            Mapped::Dropped
        );
    }

    #[test]
    fn a_map_to_a_category_bussola_does_not_have_is_refused_with_its_line() {
        let error = TaxonomyMap::from_csv("map.csv", "term,category\na,health\nb,helth\n")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("map.csv, row 3: \"helth\" is not one of Bussola's categories"),
            "{error}"
        );
        // Every bad line at once, not only the first.
        let error = TaxonomyMap::from_csv(
            "map.csv",
            "term,category\na,helth\n,health\nc,health,extra\nd,legl\n",
        )
        .unwrap_err()
        .to_string();
        for line in [
            "4 bad lines",
            "map.csv, row 2: \"helth\"",
            "map.csv, row 3: no term",
            "map.csv, row 4: CSV error: record 3 (line: 4, byte: 30): found record with 3 fields",
            "map.csv, row 5: \"legl\"",
        ] {
            assert!(error.contains(line), "{line} in {error}");
        }
        let error = TaxonomyMap::from_csv("map.csv", "code,cat\na,health\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("header term,category"), "{error}");
        let error = TaxonomyMap::from_json("map.json", r#"{"a": 3}"#)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("map.json, \"a\": 3 is not a category code"),
            "{error}"
        );
    }
}
