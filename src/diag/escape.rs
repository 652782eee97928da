//! Zone data is hostile: before any of it reaches a terminal, characters that could move the
//! cursor, recolour the screen, hide text or reorder it are replaced by `\DDD` escapes of their
//! UTF-8 bytes, the same notation a zone file uses.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters a terminal or a text viewer could act on instead of showing: C0 and C1
/// controls, DEL, and the invisible formatting characters used in "Trojan Source" attacks.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x061C | 0x115F | 0x1160 | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F
            | 0x3164 | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB)
}

/// `text` with every unsafe character written as `\DDD` escapes of its UTF-8 bytes.
/// Tabs stay tabs: they are harmless, common in zone files, and the renderer aligns them.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\t' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\t' && is_unsafe(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "\\{b:03}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Bytes that may not be UTF-8 (a TXT string, say): printable ASCII as is, the rest as `\DDD`.
pub fn escape_bytes(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => escape(s).into_owned(),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            for &b in bytes {
                if (0x20..0x7F).contains(&b) {
                    out.push(b as char);
                } else {
                    let _ = write!(out, "\\{b:03}");
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_bidi() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\u{1b}[31mred"), "a\\027[31mred");
        assert_eq!(escape("x\u{202E}y"), "x\\226\\128\\174y");
        assert_eq!(escape("tab\there"), "tab\there");
        assert_eq!(escape("日本語"), "日本語");
        assert_eq!(escape_bytes(b"\xff\x07ok"), "\\255\\007ok");
    }
}
