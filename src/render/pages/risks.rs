//! The risk analysis page: every inventory's flag shares (an overview
//! grid, then bars inventory by inventory) and the flags ticked together.
//! Nothing on it adds one inventory's cases to another's.

use super::{push, Jobs, Shows};
use crate::render::figures::{flags, t};
use crate::render::urls;
use crate::render::views::View;
use serde_json::{json, Value};

pub(super) fn risks<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "risks.html",
        |l| urls::section(l, "risks"),
        Shows::CaseFigures,
        move || risks_page(v),
    );
}

fn risks_page(v: View) -> Value {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    json!({
        "overview": flags::overview(v),
        "multiples": flags::multiples(v, "risk-flags-by-inventory", t(v, "fig_multiples_title", &[]), &all, None),
        "pairs": flags::pairs(v),
        "inventories": super::home::inventory_lines(v),
        "use_classes_url": urls::section(v.lang, "compare/use-classes"),
    })
}
