//! How text is cut into search tokens, here and in `static/search.js`
//! alike: lower-cased, full-width ASCII folded to ASCII; runs of Han, kana
//! and Hangul become overlapping character bigrams (a one-character run
//! stays a unigram), so 車牌辨識 is found through 車牌 · 牌辨 · 辨識
//! without a dictionary; runs of other letters and digits become words.

/// Whether `c` is written without spaces between words (Han, kana, Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// The tokens of `text` (see the module comment), in order, with repeats.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut run_cjk = false;
    let flush = |run: &mut Vec<char>, cjk: bool, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        if cjk {
            if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                for w in run.windows(2) {
                    out.push(w.iter().collect());
                }
            }
        } else {
            out.push(run.iter().collect());
        }
        run.clear();
    };
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            if !run_cjk {
                flush(&mut run, false, &mut out);
            }
            run_cjk = true;
            run.push(c);
        } else if c.is_alphanumeric() {
            if run_cjk {
                flush(&mut run, true, &mut out);
            }
            run_cjk = false;
            run.push(c);
        } else {
            flush(&mut run, run_cjk, &mut out);
        }
    }
    flush(&mut run, run_cjk, &mut out);
    out
}

/// English words the index leaves out of document bodies (titles keep
/// them), and the search script out of a query that has other words: they
/// are in most US case descriptions and were a tenth of the index's bytes.
/// The index carries this list (`stop`), so the script never disagrees.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "for", "from", "in", "into",
    "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "which",
    "will", "with",
];

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn chinese_is_cut_into_bigrams_and_words_kept() {
        assert_eq!(tokens("車牌辨識"), ["車牌", "牌辨", "辨識"]);
        assert_eq!(
            tokens("AI應用 High-Impact"),
            ["ai", "應用", "high", "impact"]
        );
        assert_eq!(tokens("智"), ["智"]);
        assert_eq!(tokens("ＡＢＣ１"), ["abc1"]);
    }
}
