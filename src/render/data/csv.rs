//! `data/cases.csv`, made for spreadsheets:
//!
//! * **UTF-8 with a byte-order mark**, CRLF line ends (RFC 4180): Excel on
//!   Windows reads a CSV without a BOM in the system's legacy code page and
//!   garbles Chinese; with it, Excel, LibreOffice, Numbers, pandas and R
//!   (`fileEncoding = "UTF-8-BOM"`) all read it. An `.xlsx` beside it would
//!   need a writer dependency and a second copy of every case to keep in
//!   step, for what the BOM already gives.
//! * **No cell a spreadsheet would run.** A cell that starts — after any
//!   spaces — with `=`, `+`, `-`, `@`, a tab or a carriage return is written
//!   with a leading `'` (OWASP, "CSV Injection"), and every text cell is
//!   quoted, so a `;` inside one cannot split it into a new cell where `;`
//!   is the list separator.
//! * **Labels beside ids**, in every language of the site, and a risk flag
//!   is `1` (ticked), `0` (assessed, not ticked) or `NA` (not assessed —
//!   never counted as 0).
//!
//! Its columns are declared once ([`columns`]), with what each holds: the
//! header, every line and the data dictionary come from the same list.

use super::dictionary::Doc;
use crate::model::Site;
use crate::render::facets::{self, FlagState};
use crate::render::urls;
use crate::schema::{Case, Inventory, Text, VocabularyKind as V};
use std::borrow::Cow;

/// The byte-order mark that starts the file.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// A cell as written: with a `'` in front when a spreadsheet would take
/// it for a formula.
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    match s.trim_start_matches(' ').chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// A CSV writer into memory: CRLF, text quoted.
pub fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::NonNumeric)
        .from_writer(Vec::new())
}

/// Writes one record of cells, each made safe.
pub fn write_safe(w: &mut ::csv::Writer<Vec<u8>>, cells: &[String]) {
    w.write_record(cells.iter().map(|c| safe_cell(c).into_owned()))
        .expect("csv");
}

type Value = Box<dyn Fn(&Site, &Inventory, &Case) -> String + Send + Sync>;

/// One column of `cases.csv`.
pub struct Column {
    /// Its name in the header.
    pub name: String,
    /// What it holds, for the data dictionary.
    pub doc: Doc,
    value: Value,
}

fn col(name: impl Into<String>, doc: Doc, value: Value) -> Column {
    Column {
        name: name.into(),
        doc,
        value,
    }
}

fn text_in(t: Option<&Text>, lang: &str) -> String {
    t.and_then(|t| t.get(lang)).unwrap_or("").to_string()
}

fn term_label(site: &Site, kind: V, id: &str, lang: &str) -> String {
    site.vocabulary(kind)
        .get(id)
        .map_or_else(String::new, |t| text_in(Some(&t.label), lang))
}

/// Every column, in order.
pub fn columns(site: &Site) -> Vec<Column> {
    let langs = &site.languages;
    let mut cols = vec![col(
        "id",
        Doc::text(
            "案例代碼（全站唯一；案例頁網址即由此而來）",
            "The case's id (unique across the site; its page's address comes from it)",
        ),
        Box::new(|_, _, c| c.id.value.clone()),
    )];
    // An id column, then its label in each language.
    let labelled = |cols: &mut Vec<Column>,
                    name: &str,
                    doc: Doc,
                    id: Value,
                    label: fn(&Site, &Inventory, &Case, &str) -> String| {
        cols.push(col(name, doc, id));
        for l in langs {
            let l2 = l.clone();
            cols.push(col(
                format!("{name}_{l}"),
                Doc::label_of(name, l),
                Box::new(move |s, i, c| label(s, i, c, &l2)),
            ));
        }
    };
    labelled(
        &mut cols,
        "jurisdiction",
        Doc::text("管轄區域代碼", "The jurisdiction's id"),
        Box::new(|_, i, c| facets::jurisdiction(i, c).to_string()),
        |s, i, c, l| {
            s.jurisdiction(facets::jurisdiction(i, c))
                .map_or_else(String::new, |j| text_in(Some(&s.jurisdictions[j].name), l))
        },
    );
    labelled(
        &mut cols,
        "inventory",
        Doc::text(
            "所屬案例清冊代碼",
            "The id of the inventory that lists the case",
        ),
        Box::new(|_, i, _| i.id.value.clone()),
        |_, i, _, l| text_in(Some(&i.title), l),
    );
    for (name, doc, field) in [
        (
            "name",
            Doc::text("案例名稱", "The case's name"),
            (|c: &Case| Some(&c.name)) as fn(&Case) -> Option<&Text>,
        ),
        (
            "agency",
            Doc::text("執行機關", "The agency that runs it"),
            |c| Some(&c.agency),
        ),
        (
            "bureau",
            Doc::text("機關內之單位", "The bureau or unit within the agency"),
            |c| c.bureau.as_ref(),
        ),
    ] {
        for l in langs {
            let l2 = l.clone();
            cols.push(col(
                format!("{name}_{l}"),
                doc.in_language(l),
                Box::new(move |_, _, c| text_in(field(c), &l2)),
            ));
        }
    }
    labelled(
        &mut cols,
        "use_class",
        Doc::text(
            "應用分類代碼（use_classes 詞彙）",
            "The use class's id (use_classes vocabulary)",
        ),
        Box::new(|_, _, c| c.use_class.value.clone()),
        |s, _, c, l| term_label(s, V::UseClasses, &c.use_class.value, l),
    );
    labelled(
        &mut cols,
        "use_subtype",
        Doc::text(
            "應用類型代碼（所屬應用分類之下）；空白表示未載明",
            "The use sub-type's id (within its class); empty when not stated",
        ),
        Box::new(|_, _, c| {
            c.use_subtype
                .as_ref()
                .map_or_else(String::new, |s| s.value.clone())
        }),
        |s, _, c, l| {
            let Some(sub) = &c.use_subtype else {
                return String::new();
            };
            s.vocabulary(V::UseClasses)
                .get(&c.use_class.value)
                .and_then(|t| t.subtypes.iter().find(|x| x.id.value == sub.value))
                .map_or_else(String::new, |t| text_in(Some(&t.label), l))
        },
    );
    labelled(
        &mut cols,
        "techniques",
        Doc::text(
            "AI 技術代碼，以分號分隔（techniques 詞彙）",
            "The AI techniques' ids, separated by semicolons (techniques vocabulary)",
        ),
        Box::new(|_, _, c| {
            c.techniques
                .iter()
                .map(|t| t.value.as_str())
                .collect::<Vec<_>>()
                .join(";")
        }),
        |s, _, c, l| {
            c.techniques
                .iter()
                .map(|t| term_label(s, V::Techniques, &t.value, l))
                .collect::<Vec<_>>()
                .join("; ")
        },
    );
    for (name, doc, field) in [
        (
            "stage",
            Doc::text(
                "發展階段（依公布資料原文）",
                "Development stage, as published",
            ),
            (|c: &Case| c.stage.as_ref()) as fn(&Case) -> Option<&Text>,
        ),
        (
            "purpose",
            Doc::text(
                "要解決的問題（依公布資料原文）",
                "The problem the use addresses, in the publisher's words",
            ),
            |c| c.purpose.as_ref(),
        ),
        (
            "benefits",
            Doc::text(
                "預期效益（依公布資料原文）",
                "The benefits the publisher expects, in its words",
            ),
            |c| c.benefits.as_ref(),
        ),
        (
            "outputs",
            Doc::text(
                "系統產出（依公布資料原文）",
                "What the system outputs, in the publisher's words",
            ),
            |c| c.outputs.as_ref(),
        ),
        (
            "description",
            Doc::text(
                "案例說明（本站撰寫或依公布資料）",
                "The site's description of the case, or its source's",
            ),
            |c| c.description.as_ref(),
        ),
    ] {
        for l in langs {
            let l2 = l.clone();
            cols.push(col(
                format!("{name}_{l}"),
                doc.in_language(l),
                Box::new(move |_, _, c| text_in(field(c), &l2)),
            ));
        }
    }
    cols.push(col(
        "source_url",
        Doc::text(
            "此案例在公布來源中的位置（網址）",
            "This case's entry in the published source (URL)",
        ),
        Box::new(|_, _, c| {
            c.source_url
                .as_ref()
                .map_or_else(String::new, |u| u.value.trim().to_string())
        }),
    ));
    let default = site.config.default_language.value.clone();
    cols.push(col(
        "page_url",
        Doc::text(
            "本站此案例頁的網址（預設語言；網站沒有公開網址時為相對於網站根目錄的路徑）",
            "The address of the case's page on this site (default language; a path from the site root when the site has no public address)",
        ),
        Box::new(move |s, _, c| {
            // Absolute when the site has a public address; otherwise the
            // path from the site root (an address no one can reach is not
            // written as if it were one).
            let path = urls::case(&default, &c.id.value);
            s.address.absolute(&path).unwrap_or(path)
        }),
    ));
    let flags = &site.vocabulary(V::RiskFlags).terms;
    for (n, f) in flags.iter().enumerate() {
        cols.push(col(
            f.id.value.clone(),
            Doc::flag(&f.label),
            Box::new(move |s, i, c| {
                match FlagState::all(s, i, c)[n] {
                    FlagState::On => "1",
                    FlagState::Off => "0",
                    FlagState::NotAssessed => "NA",
                }
                .to_string()
            }),
        ));
    }
    for f in flags {
        let id = f.id.value.clone();
        cols.push(col(
            format!("{}_method", f.id.value),
            Doc::flag_method(&f.label),
            Box::new(move |_, i, c| Site::flag_method(i, c, &id).unwrap_or("").to_string()),
        ));
    }
    cols
}

/// The header line of `cases.csv`, after the byte-order mark.
pub fn header(cols: &[Column]) -> Vec<u8> {
    let mut w = writer();
    write_safe(
        &mut w,
        &cols.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
    );
    let mut out = BOM.to_vec();
    out.extend(w.into_inner().expect("csv"));
    out
}

/// One case's line of `cases.csv`; `i` is the index of its inventory.
pub fn line(site: &Site, cols: &[Column], i: usize, c: &Case) -> Vec<u8> {
    let inv = &site.inventories[i];
    let mut w = writer();
    let cells: Vec<String> = cols.iter().map(|col| (col.value)(site, inv, c)).collect();
    write_safe(&mut w, &cells);
    w.into_inner().expect("csv")
}

/// `data/cases.csv`: the header, then one line per case (each written
/// alone as [`line`] does: a CSV writer keeps no state between lines that
/// changes their bytes).
pub fn cases_csv(site: &Site) -> Vec<u8> {
    let cols = columns(site);
    let mut out = header(&cols);
    for (i, c) in site.cases() {
        out.extend(line(site, &cols, i, c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_quoted() {
        let mut w = writer();
        let cells: Vec<String> = [
            r#"=HYPERLINK("http://evil.example/","點我")"#,
            "+cmd|calc!A1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "  =1+2",
            "a;=1+2",
            "車牌辨識",
            "1",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        write_safe(&mut w, &cells);
        let line = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            line,
            "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"點我\"\")\",\"'+cmd|calc!A1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",\"'  =1+2\",\"a;=1+2\",\"車牌辨識\",1\r\n"
        );
    }
}
