//! Turning a file's bytes into text: UTF-8 (with or without a byte-order
//! mark) unless another encoding is named; text that is not valid in the
//! encoding is an error naming its place, never replaced. Naming a legacy
//! encoding for a file that is valid UTF-8 is refused too: decoding it would
//! silently turn every accented letter into mojibake.

use super::ReadError;
use encoding_rs::Encoding;

/// Decodes `bytes` as `encoding` (None: UTF-8, strictly). A BOM of the
/// encoding is removed. `csv_delimiter`, for a CSV, lets an error name the
/// row it is in as well as the line.
pub fn decode(
    bytes: &[u8],
    encoding: Option<&str>,
    csv_delimiter: Option<u8>,
) -> Result<String, ReadError> {
    let enc = match encoding {
        None => encoding_rs::UTF_8,
        Some(label) => Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| ReadError::UnknownEncoding(label.to_string()))?,
    };
    if enc == encoding_rs::UTF_8 {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if encoding.is_none() && (body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF")) {
            return Err(ReadError::Utf16Bom);
        }
        let skipped = bytes.len() - body.len();
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let bad_len = e.error_len().unwrap_or(body.len() - at).min(4);
                Err(invalid_at(body, at, skipped, bad_len, csv_delimiter))
            }
        };
    }
    let (body, bom) = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (&bytes[len..], true),
        _ => (bytes, false),
    };
    if !bom {
        refuse_legacy_on_utf8(body, enc)?;
    }
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => Ok(s.into_owned()),
        None => {
            // Find the first bad byte with the streaming decoder.
            let mut dec = enc.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(body.len() * 3);
            let (res, read) = dec.decode_to_string_without_replacement(body, &mut out, true);
            let at = match res {
                encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(len as usize),
                _ => read,
            };
            Err(ReadError::InvalidText {
                encoding: enc.name().to_string(),
                offset: Some(at + (bytes.len() - body.len())),
                line: None,
                row: None,
                bytes: hex(&body[at..(at + 4).min(body.len())]),
            })
        }
    }
}

/// A file that is valid UTF-8 and holds text beyond ASCII is UTF-8: read as
/// windows-1252 (or any other legacy encoding) it would decode without an
/// error into mojibake (`é` → `Ã©`). Pure ASCII reads the same in every
/// ASCII-compatible encoding, so it passes; an encoding that is not
/// ASCII-compatible (UTF-16 without its BOM) is refused for any UTF-8 text.
fn refuse_legacy_on_utf8(body: &[u8], enc: &'static Encoding) -> Result<(), ReadError> {
    if std::str::from_utf8(body).is_err() {
        return Ok(());
    }
    let first = body.iter().position(|b| !b.is_ascii());
    if first.is_none() && enc.is_ascii_compatible() {
        return Ok(());
    }
    let text = std::str::from_utf8(body).unwrap_or("");
    let (line, example) = match first {
        Some(at) => {
            let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let start = (0..=at)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let ch: String = text[start..].chars().take(1).collect();
            let wrong = enc.decode(ch.as_bytes()).0.into_owned();
            (Some(line), Some((ch, wrong)))
        }
        None => (None, None),
    };
    Err(ReadError::Utf8NotLegacy {
        encoding: enc.name().to_string(),
        line,
        example,
    })
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn invalid_at(
    body: &[u8],
    at: usize,
    skipped: usize,
    bad_len: usize,
    csv_delimiter: Option<u8>,
) -> ReadError {
    let prefix = &body[..at];
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    // The prefix is valid UTF-8; count the records it holds to name the row.
    let row = csv_delimiter.map(|delimiter| {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(prefix);
        let mut n = 0usize;
        let mut rec = csv::ByteRecord::new();
        while let Ok(true) = rdr.read_byte_record(&mut rec) {
            n += 1;
        }
        if prefix.ends_with(b"\n") {
            n += 1;
        }
        n.max(1)
    });
    ReadError::InvalidText {
        encoding: "UTF-8".to_string(),
        offset: Some(at + skipped),
        line: Some(line),
        row,
        bytes: hex(&body[at..at + bad_len.max(1)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_utf8() {
        let e = decode(b"a,b\n1,\xFF\n", None, Some(b',')).unwrap_err();
        match e {
            ReadError::InvalidText {
                offset, line, row, ..
            } => {
                assert_eq!((offset, line, row), (Some(6), Some(2), Some(2)))
            }
            _ => panic!("{e:?}"),
        }
    }

    #[test]
    fn legacy_encoding_on_utf8_is_refused() {
        let e = decode("a\nCafé\n".as_bytes(), Some("windows-1252"), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the file is valid UTF-8, not windows-1252: read as windows-1252, \"é\" on line 2 would become \"Ã©\"; leave out --encoding (and source.encoding)"
        );
        // ASCII reads the same either way.
        assert_eq!(
            decode(b"a,b\n", Some("windows-1252"), None).unwrap(),
            "a,b\n"
        );
        // Real windows-1252 bytes decode.
        assert_eq!(
            decode(b"Caf\xE9", Some("windows-1252"), None).unwrap(),
            "Café"
        );
    }
}
