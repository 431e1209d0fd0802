//! The referral sheet drawn as one PNG image, A4-wide (1240 px, 150 dpi), for a person to keep
//! on a phone or a mediator to send by any messenger.
//!
//! Drawn with the browser's own canvas text, so Arabic and Urdu are shaped and ordered by the
//! same engine that shows them on screen. The layout is done first (every line placed, each
//! text wrapped to its column with the canvas's measures), so the image is exactly as tall as
//! its contents, then painted in one pass.

use crate::card::{address_line, qr_modules, this_week};
use crate::sheet::SheetEntry;
use bussola_i18n::Translator;
use bussola_model::ServiceDetail;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

const WIDTH: f64 = 1240.0;
const MARGIN: f64 = 60.0;
const PADDING: f64 = 20.0;
const GAP: f64 = 28.0;
const QR_SIZE: f64 = 210.0;
const INK: &str = "#111111";
const MUTED: &str = "#555555";

/// One thing to paint, placed.
enum Op {
    Text {
        x: f64,
        y: f64,
        text: String,
        font: &'static str,
        colour: &'static str,
        /// The text's own direction.
        rtl: bool,
        /// Whether `x` is its right edge (in a right-to-left column) or its left.
        from_right: bool,
    },
    Frame {
        y: f64,
        height: f64,
    },
    Qr {
        x: f64,
        y: f64,
        width: usize,
        dark: Vec<bool>,
    },
}

/// Fonts by role; the system's sans-serif has the scripts of all eleven languages.
const NAME: &str = "bold 30px sans-serif";
const LABEL: &str = "bold 19px sans-serif";
const BODY: &str = "24px sans-serif";
const HEADING: &str = "bold 34px sans-serif";

/// Where a column of text stands and which way it reads.
#[derive(Clone, Copy)]
struct Column {
    left: f64,
    width: f64,
    rtl: bool,
}

impl Column {
    /// The x a line starts from: its right edge when it reads right to left.
    fn anchor(&self) -> f64 {
        if self.rtl {
            self.left + self.width
        } else {
            self.left
        }
    }
}

struct Layout<'c> {
    measure: &'c CanvasRenderingContext2d,
    ops: Vec<Op>,
}

impl Layout<'_> {
    /// `text` wrapped to the column, from `y`; the y below it.
    fn text(
        &mut self,
        column: Column,
        y: f64,
        text: &str,
        font: &'static str,
        colour: &'static str,
    ) -> f64 {
        let size = font_size(font);
        // Each text reads in its own direction (an Italian document's name in the Arabic
        // column keeps its brackets), lined up with its column: as `dir="auto"` on screen.
        let rtl = reads_right_to_left(text).unwrap_or(column.rtl);
        let mut y = y;
        for line in self.wrap(text, font, column.width) {
            self.ops.push(Op::Text {
                x: column.anchor(),
                y,
                text: line,
                font,
                colour,
                rtl,
                from_right: column.rtl,
            });
            y += size * 1.3;
        }
        y
    }

    /// One line of words in the column's language followed by `code`, something that reads
    /// left to right in every language (times, a phone number). Drawn as two runs, each in its
    /// own direction: a canvas does not honour the isolation marks the screen uses, and
    /// "14:30–17:00" would come out reversed in Arabic.
    fn line_with_code(&mut self, column: Column, y: f64, words: &str, code: &str) -> f64 {
        self.measure.set_font(BODY);
        let width = |text: &str| self.measure.measure_text(text).map_or(0.0, |m| m.width());
        let words_width = match words.is_empty() {
            true => 0.0,
            false => width(&format!("{words} ")),
        };
        // Too wide together (a day with three time ranges): the times go on the next line.
        if words_width > 0.0 && words_width + width(code) > column.width {
            let y = self.text(column, y, words, BODY, INK);
            return self.line_with_code(column, y, "", code);
        }
        if !words.is_empty() {
            self.ops.push(Op::Text {
                x: column.anchor(),
                y,
                text: words.to_owned(),
                font: BODY,
                colour: INK,
                rtl: column.rtl,
                from_right: column.rtl,
            });
        }
        let x = match column.rtl {
            true => column.anchor() - words_width,
            false => column.anchor() + words_width,
        };
        self.ops.push(Op::Text {
            x,
            y,
            text: code.to_owned(),
            font: BODY,
            colour: INK,
            rtl: false,
            from_right: column.rtl,
        });
        y + font_size(BODY) * 1.3
    }

    /// A field whose lines each end in something read left to right: (words, code) pairs.
    fn coded_field(
        &mut self,
        column: Column,
        y: f64,
        label: &str,
        lines: &[(String, String)],
    ) -> f64 {
        if lines.is_empty() {
            return y;
        }
        let mut y = self.text(column, y + 8.0, label, LABEL, MUTED);
        for (words, code) in lines {
            y = self.line_with_code(column, y, words, code);
        }
        y
    }

    /// A labelled field ("Address", then the address); nothing when there is no value.
    fn field(&mut self, column: Column, y: f64, label: &str, lines: &[String]) -> f64 {
        if lines.is_empty() {
            return y;
        }
        let mut y = self.text(column, y + 8.0, label, LABEL, MUTED);
        for line in lines {
            y = self.text(column, y, line, BODY, INK);
        }
        y
    }

    /// Greedy word wrap by the canvas's own measure; a word wider than the column is cut.
    fn wrap(&self, text: &str, font: &str, width: f64) -> Vec<String> {
        self.measure.set_font(font);
        let fits = |s: &str| self.measure.measure_text(s).map_or(0.0, |m| m.width()) <= width;
        let mut lines = Vec::new();
        for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = match line.is_empty() {
                    true => word.to_owned(),
                    false => format!("{line} {word}"),
                };
                if fits(&candidate) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word alone too wide (a long address, a URL): cut where it no longer fits.
                for ch in word.chars() {
                    line.push(ch);
                    if !fits(&line) && line.chars().count() > 1 {
                        let last = line.pop().unwrap_or(ch);
                        lines.push(std::mem::take(&mut line));
                        line.push(last);
                    }
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// One service's half in one language; the y below it.
    fn half(
        &mut self,
        column: Column,
        y: f64,
        tr: &Translator,
        detail: &ServiceDetail,
        name: &str,
    ) -> f64 {
        let mut y = self.text(column, y, name, NAME, INK);
        let categories: Vec<String> = detail.categories.iter().map(|c| tr.category(c)).collect();
        y = self.text(column, y + 2.0, &categories.join(" · "), LABEL, MUTED);
        let address: Vec<String> = address_line(detail).into_iter().collect();
        y = self.field(column, y, &tr.text("card-address"), &address);
        let phones: Vec<(String, String)> = detail
            .phones
            .iter()
            .take(2)
            .map(|p| (String::new(), p.number.clone()))
            .collect();
        y = self.coded_field(column, y, &tr.text("card-phone"), &phones);
        let hours = this_week(tr, detail).unwrap_or_default();
        y = self.coded_field(column, y, &tr.text("card-hours"), &hours);
        let languages: Vec<String> = match detail.languages.is_empty() {
            true => Vec::new(),
            false => vec![
                detail
                    .languages
                    .iter()
                    .map(|c| tr.language(c))
                    .collect::<Vec<_>>()
                    .join(", "),
            ],
        };
        y = self.field(column, y, &tr.text("sheet-languages"), &languages);
        let access: Vec<String> = detail
            .application_process
            .iter()
            .filter(|t| !t.is_fallback || tr.locale.code == bussola_i18n::REFERENCE)
            .map(|t| t.text.clone())
            .collect();
        y = self.field(column, y, &tr.text("sheet-access"), &access);
        let documents: Vec<String> = detail
            .required_documents
            .iter()
            .map(|d| format!("• {d}"))
            .collect();
        self.field(column, y, &tr.text("sheet-documents"), &documents)
    }
}

fn font_size(font: &str) -> f64 {
    font.split_whitespace()
        .find_map(|w| w.strip_suffix("px")?.parse().ok())
        .unwrap_or(24.0)
}

/// The sheet as PNG bytes.
pub async fn draw(
    entries: &[SheetEntry],
    person: &Translator,
    italian: &Translator,
) -> Result<Vec<u8>, String> {
    let measure_canvas = canvas()?;
    let measure = context(&measure_canvas)?;
    let mut layout = Layout {
        measure: &measure,
        ops: Vec::new(),
    };
    let both = person.locale.code != italian.locale.code;
    let rtl = person.locale.rtl;
    let inner = WIDTH - 2.0 * MARGIN - 2.0 * PADDING;
    let text_width = inner - QR_SIZE - GAP;
    let column_width = if both {
        (text_width - GAP) / 2.0
    } else {
        text_width
    };
    // Read in the person's direction: for Arabic, their half at the right, the QR at the left.
    let start = MARGIN + PADDING;
    let (person_left, italian_left, qr_left) = match (rtl, both) {
        (false, _) => (start, start + column_width + GAP, start + text_width + GAP),
        (true, true) => (
            start + QR_SIZE + 2.0 * GAP + column_width,
            start + QR_SIZE + GAP,
            start,
        ),
        (true, false) => (start + QR_SIZE + GAP, start, start),
    };
    let person_column = Column {
        left: person_left,
        width: column_width,
        rtl,
    };
    let italian_column = Column {
        left: italian_left,
        width: column_width,
        rtl: false,
    };
    let page = Column {
        left: MARGIN,
        width: WIDTH - 2.0 * MARGIN,
        rtl,
    };
    let mut y = MARGIN;
    y = layout.text(page, y, &person.text("sheet-heading"), HEADING, INK);
    if both {
        let italian_page = Column { rtl: false, ..page };
        y = layout.text(italian_page, y, &italian.text("sheet-heading"), NAME, MUTED);
    }
    y += 20.0;
    for (at, entry) in entries.iter().enumerate() {
        let top = y;
        let first = top + PADDING;
        let number = format!("{}.", at + 1);
        let person_name = format!("{number} {}", entry.person.name.text);
        let mut bottom = layout.half(person_column, first, person, &entry.person, &person_name);
        if both {
            let italian_name = format!("{number} {}", entry.italian.name_it);
            bottom = bottom.max(layout.half(
                italian_column,
                first,
                italian,
                &entry.italian,
                &italian_name,
            ));
        }
        if let Some((width, dark)) = qr_modules(&entry.italian) {
            layout.ops.push(Op::Qr {
                x: qr_left,
                y: first,
                width,
                dark,
            });
            bottom = bottom.max(first + QR_SIZE);
        }
        let height = bottom + PADDING - top;
        layout.ops.push(Op::Frame { y: top, height });
        y = top + height + 24.0;
    }
    if let Some(entry) = entries.first() {
        let data = person.text_with(
            "detail-data",
            &[
                ("feed", (&entry.person.feed.0).into()),
                ("version", (entry.person.feed_version.0 as i64).into()),
            ],
        );
        y = layout.text(page, y, &data, LABEL, MUTED);
    }
    let ops = layout.ops;
    let height = (y + MARGIN).ceil();
    let image = canvas()?;
    image.set_width(WIDTH as u32);
    image.set_height(height as u32);
    let ctx = context(&image)?;
    paint(&ctx, &ops, height);
    png(&image).await
}

fn paint(ctx: &CanvasRenderingContext2d, ops: &[Op], height: f64) {
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, WIDTH, height);
    ctx.set_text_baseline("top");
    for op in ops {
        match op {
            Op::Text {
                x,
                y,
                text,
                font,
                colour,
                rtl,
                from_right,
            } => {
                ctx.set_font(font);
                ctx.set_fill_style_str(colour);
                let _ = js_sys::Reflect::set(
                    ctx,
                    &JsValue::from_str("direction"),
                    &JsValue::from_str(if *rtl { "rtl" } else { "ltr" }),
                );
                ctx.set_text_align(if *from_right { "right" } else { "left" });
                let _ = ctx.fill_text(text, *x, *y);
            }
            Op::Frame { y, height } => {
                ctx.set_stroke_style_str(INK);
                ctx.set_line_width(2.0);
                ctx.stroke_rect(MARGIN, *y, WIDTH - 2.0 * MARGIN, *height);
            }
            Op::Qr { x, y, width, dark } => {
                // Whole pixels per module, so a camera reads sharp edges.
                let quiet = 4;
                let module = (QR_SIZE / (*width + 2 * quiet) as f64).floor().max(1.0);
                ctx.set_fill_style_str("#000000");
                for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
                    let (col, row) = (i % width + quiet, i / width + quiet);
                    ctx.fill_rect(
                        x + col as f64 * module,
                        y + row as f64 * module,
                        module,
                        module,
                    );
                }
            }
        }
    }
}

fn canvas() -> Result<HtmlCanvasElement, String> {
    leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| "no canvas".to_owned())?
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| "no canvas".to_owned())
}

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "the canvas cannot draw".to_owned())
}

/// The canvas encoded as PNG by the browser.
async fn png(canvas: &HtmlCanvasElement) -> Result<Vec<u8>, String> {
    let mut failed = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Err(e) = canvas.to_blob(&resolve) {
            failed = Some(format!("{e:?}"));
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let blob: web_sys::Blob = JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "the image could not be made".to_owned())?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether a text reads right to left, by its first letter of a strong direction (Unicode's
/// rule for a paragraph); `None` when it has none (digits, punctuation).
fn reads_right_to_left(text: &str) -> Option<bool> {
    text.chars().find_map(|c| {
        let rtl = matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF);
        (rtl || c.is_alphabetic()).then_some(rtl)
    })
}
