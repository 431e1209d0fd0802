//! The editors' round trips at the terminal: `feed export`, a published feed written back as
//! the spreadsheet `feed build` reads or as an HSDS 3.0 package any directory reads, and `feed corrections`, the mediators' reports reviewed
//! against the source and the accepted ones written into it. The work is the engine's
//! (`directory::spreadsheet`, `directory::review`); this module reads the flags, asks the
//! questions and prints the answers.

use anyhow::{Context, Result, bail};
use directory::review::{self, Choice, Review};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What `feed export` writes. One variant a format, and an arm in [`export`].
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormat {
    /// The editors' spreadsheet as CSV: one row per service location, the columns `feed build`
    /// reads.
    Csv,
    /// Open Referral HSDS 3.0 as a tabular data package: a folder with `datapackage.json` and
    /// one CSV per table, Bussola's own fields in `x_bussola_` columns and tables.
    Hsds,
}

/// `feed export FEED_DIR --format csv|hsds --out FILE|DIR [--pubkey KEY] [--allow-loss]
/// [--force]`. The CSV starts with a UTF-8 byte-order mark so that Excel opens its accents
/// right (`services_to_csv`).
pub fn export(
    feed: &Path,
    format: ExportFormat,
    out: &Path,
    pubkey: Option<&str>,
    allow_loss: bool,
    force: bool,
) -> Result<()> {
    let key = pubkey.map(crate::key_argument).transpose()?;
    let published = directory::spreadsheet::read_published(feed, key.as_ref())
        .with_context(|| format!("reading the feed in {}", feed.display()))?;
    let (bytes, services, rows, uncarried) = match format {
        ExportFormat::Csv => {
            let sheet = directory::spreadsheet::services_to_csv(&published.services)?;
            (
                sheet.csv.into_bytes(),
                sheet.services,
                sheet.rows,
                sheet.uncarried,
            )
        }
        // A folder of files, written and read back by the engine.
        ExportFormat::Hsds => return export_hsds(&published, out, allow_loss),
    };
    if !uncarried.is_empty() {
        for line in &uncarried {
            eprintln!("  {line}");
        }
        if !allow_loss {
            bail!(
                "the sheet cannot carry {} of the feed's fields (listed above); nothing was \
                 written. --allow-loss writes it without them, and a build from it publishes \
                 the services without them",
                uncarried.len()
            );
        }
        eprintln!(
            "warning: {} fields listed above are left out of {}",
            uncarried.len(),
            out.display()
        );
    }
    // An editor's working sheet holds editor_notes, which the feed never carries: overwritten
    // by an export, they would be gone.
    if out.exists() && !force {
        bail!(
            "{} already exists: nothing was written. A sheet holds editor_notes the feed does \
             not carry, and writing over it would lose them; choose another --out, or --force \
             to replace it",
            out.display()
        );
    }
    // Through a temporary file renamed into place: a failure halfway leaves the old file whole.
    directory::review::replace_file(out, &bytes)
        .with_context(|| format!("writing {}", out.display()))?;
    let m = &published.manifest;
    println!(
        "{} version {} ({}): {services} services in {rows} rows written to {}",
        m.feed,
        m.version,
        if published.verified {
            "signature good"
        } else {
            "signature not checked: no --pubkey"
        },
        out.display()
    );
    Ok(())
}

/// The HSDS arm of [`export`]: the package is written (and read back) by the engine, which
/// writes nothing when something would not come back and loss is not allowed.
fn export_hsds(
    published: &directory::spreadsheet::Published,
    out: &Path,
    allow_loss: bool,
) -> Result<()> {
    let m = &published.manifest;
    let exported = directory::hsds::export::write_package(
        &m.feed,
        m.version,
        &published.services,
        out,
        allow_loss,
    )
    .with_context(|| format!("writing the HSDS package in {}", out.display()))?;
    for line in &exported.package.warnings {
        eprintln!("{line}");
    }
    if !exported.uncarried.is_empty() {
        for line in &exported.uncarried {
            eprintln!("  {line}");
        }
        if !exported.written {
            bail!(
                "the HSDS package cannot carry {} of the feed's fields (listed above); nothing                  was written. --allow-loss writes it without them",
                exported.uncarried.len()
            );
        }
        eprintln!(
            "warning: {} fields listed above are left out of {}",
            exported.uncarried.len(),
            out.display()
        );
    }
    let tables: Vec<String> = exported
        .package
        .tables
        .iter()
        .map(|(file, rows)| format!("{file} {rows}"))
        .collect();
    println!(
        "{} version {} ({}): {} services written to {} as HSDS 3.0 ({})",
        m.feed,
        m.version,
        if published.verified {
            "signature good"
        } else {
            "signature not checked: no --pubkey"
        },
        exported.package.services,
        out.display(),
        tables.join(", ")
    );
    Ok(())
}

/// What `feed corrections` was asked to do.
pub struct CorrectionsArgs<'a> {
    pub files: &'a [PathBuf],
    pub feed: &'a str,
    pub source: &'a Path,
    pub report: bool,
    pub accept: &'a [String],
    pub json: bool,
}

/// `feed corrections FILE… --id FEED --source SOURCE [--report [--json] | --accept ID…]`.
pub fn corrections(args: CorrectionsArgs) -> Result<()> {
    let (received, unreadable) = review::read_packet_files(args.files)?;
    let packets = received.len();
    let mut review = review::review(args.feed, args.source, received)?;
    review.set_aside.extend(unreadable);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&review)?);
        return Ok(());
    }
    let interactive = std::io::stdin().is_terminal();
    if args.report || (args.accept.is_empty() && !interactive) {
        print!("{}", report(&review, packets));
        if !args.report {
            eprintln!(
                "(not a terminal: nothing was changed; accept groups with --accept ID, or run \
                 it in a terminal to be asked)"
            );
        }
        return Ok(());
    }
    let chosen = if args.accept.is_empty() {
        print!("{}", heading(&review, packets));
        let stdin = std::io::stdin();
        let mut stdout = std::io::stdout();
        ask(&review, stdin.lock(), &mut stdout)?
    } else {
        review::choices(&review, args.accept)?
    };
    if chosen.is_empty() {
        println!("nothing accepted: {} is unchanged", args.source.display());
        return Ok(());
    }
    let today = review::today(directory::now());
    let done = review::accept(&review, &chosen, &today)
        .with_context(|| format!("{} is unchanged", args.source.display()))?;
    for line in &done {
        println!("  {line}");
    }
    println!(
        "{} changes written to {}, checked {today}; the next `feed build` publishes them",
        done.len(),
        args.source.display()
    );
    Ok(())
}

fn heading(review: &Review, packets: usize) -> String {
    format!(
        "{packets} corrections for the feed \"{}\" in {} groups, against {}\n",
        review.feed,
        review.groups.len(),
        review.source
    )
}

/// The `--report` text: a heading, each group, then the packets set aside.
fn report(review: &Review, packets: usize) -> String {
    let mut text = heading(review, packets);
    for group in &review.groups {
        text.push('\n');
        text.push_str(&review::describe(group));
    }
    if !review.set_aside.is_empty() {
        text.push_str("\nset aside:\n");
        for line in &review.set_aside {
            text.push_str(&format!("  {line}\n"));
        }
    }
    text
}

/// Asks about each group that can be accepted: accept (which proposal, when the reports
/// disagree), reject or skip. The end of the input skips the rest.
fn ask(review: &Review, mut input: impl BufRead, out: &mut impl Write) -> Result<Vec<Choice>> {
    let mut chosen = Vec::new();
    let (mut rejected, mut skipped) = (Vec::new(), Vec::new());
    for group in &review.groups {
        writeln!(out)?;
        write!(out, "{}", review::describe(group))?;
        if !group.can_accept() {
            continue;
        }
        let open: Vec<usize> = (0..group.proposals.len())
            .filter(|i| group.proposals[*i].refused.is_none())
            .collect();
        let question = if open.len() == 1 {
            "accept, reject or skip? [a/r/s] ".to_owned()
        } else {
            let numbers: Vec<String> = open.iter().map(|i| (i + 1).to_string()).collect();
            format!(
                "the reports disagree: accept which ({}), reject or skip? [{}/r/s] ",
                numbers.join(", "),
                numbers.join("/")
            )
        };
        let answer = loop {
            write!(out, "{question}")?;
            out.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                break None;
            }
            let line = line.trim().to_ascii_lowercase();
            match line.as_str() {
                "a" | "accept" if open.len() == 1 => break Some(Some(open[0])),
                "r" | "reject" => break Some(None),
                "s" | "skip" => break None,
                n => match n.parse::<usize>() {
                    Ok(n) if open.contains(&n.wrapping_sub(1)) => break Some(Some(n - 1)),
                    _ => writeln!(out, "  \"{line}\"?")?,
                },
            }
        };
        match answer {
            Some(Some(proposal)) => chosen.push(Choice {
                group: group.id.clone(),
                proposal,
            }),
            Some(None) => rejected.push(group.id.as_str()),
            None => skipped.push(group.id.as_str()),
        }
    }
    writeln!(out)?;
    for (label, ids) in [("rejected", &rejected), ("skipped", &skipped)] {
        if !ids.is_empty() {
            writeln!(out, "{label}: {}", ids.join(", "))?;
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bussola_model::{CorrectionField, CorrectionPacket};

    fn received(field: CorrectionField, proposed: &str) -> review::Received {
        review::Received {
            file: "mail.txt".into(),
            packet: CorrectionPacket {
                kind: bussola_model::CORRECTION_PACKET_KIND.into(),
                format: bussola_model::CORRECTION_PACKET_FORMAT,
                feed: "umbria".into(),
                service: "q".into(),
                service_name: "Questura".into(),
                field,
                old: None,
                proposed: Some(proposed.into()),
                note: None,
                data_version: 1,
                date: "2026-11-20".into(),
            },
        }
    }

    #[test]
    fn the_questions_take_a_choice_among_disagreeing_reports_and_skip_at_the_end_of_input() {
        let services = vec![serde_json::json!({"id": "q", "name": "Questura",
            "status": "active", "categories": ["permits"], "opening_hours": "Mo 09:00-12:00"})];
        let review = review::review_services(
            "umbria",
            "s.json",
            &services,
            vec![
                received(CorrectionField::Hours, "Tu 09:00-12:00"),
                received(CorrectionField::Hours, "We 09:00-12:00"),
                received(CorrectionField::Phone, "075 1"),
                received(CorrectionField::Email, "q@q.it"),
            ],
        );
        let mut out = Vec::new();
        let chosen = ask(&review, "3\n2\nr\n".as_bytes(), &mut out).unwrap();
        let said = String::from_utf8(out).unwrap();
        assert_eq!(
            chosen,
            [Choice {
                group: "q/hours".into(),
                proposal: 1
            }]
        );
        assert!(said.contains("\"3\"?"), "{said}");
        assert!(said.contains("rejected: q/phone"), "{said}");
        assert!(said.contains("skipped: q/email"), "{said}");
    }
}
