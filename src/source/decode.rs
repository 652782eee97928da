//! Turning a customer's bytes into text without assuming UTF-8.
//!
//! Customers of a Japanese host send files saved by Japanese Windows (Shift_JIS, really
//! Windows-31J), by old Unix tools (EUC-JP), by mail clients (ISO-2022-JP), by Excel (UTF-16 or
//! UTF-8 with a BOM), or plain UTF-8. We sniff, decode with `encoding_rs`, and remember every byte
//! run that did not decode, so each becomes a diagnostic at its own line and column instead of a
//! crash or a silently mangled record.

use std::fmt;

/// A text encoding, as named by the WHATWG Encoding Standard.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Encoding(&'static encoding_rs::Encoding);

#[allow(non_upper_case_globals)]
impl Encoding {
    pub const Utf8: Encoding = Encoding(&encoding_rs::UTF_8_INIT);

    /// Looks up an encoding by label: `utf-8`, `shift_jis`, `sjis`, `cp932`, `euc-jp`,
    /// `iso-2022-jp`, `utf-16le`, `utf-16be`, or any other WHATWG label.
    pub fn for_label(label: &str) -> Option<Encoding> {
        let normalized = label.trim().to_ascii_lowercase().replace('_', "-");
        let label = match normalized.as_str() {
            "sjis" | "shift-jis" | "cp932" | "ms932" | "windows-31j" => "shift_jis",
            "eucjp" => "euc-jp",
            "utf8" => "utf-8",
            "utf16le" | "utf-16" => "utf-16le",
            "utf16be" => "utf-16be",
            other => other,
        };
        encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()).map(Encoding)
    }

    /// The lowercase WHATWG name: `utf-8`, `shift_jis`, `euc-jp`, `iso-2022-jp`, `utf-16le`, ...
    pub fn name(self) -> String {
        self.0.name().to_ascii_lowercase()
    }

    pub fn is_utf8(self) -> bool {
        self.0 == encoding_rs::UTF_8
    }
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A run of bytes that is not valid in the file's encoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MalformedRun {
    /// Where the U+FFFD that replaced the run sits in the decoded text.
    pub text_offset: u32,
    /// Where the run starts in the original bytes.
    pub byte_offset: u64,
    /// The bytes themselves (at most a few).
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub malformed: Vec<MalformedRun>,
    pub had_bom: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error(
        "unknown encoding `{0}`; use auto, utf-8, shift_jis, euc-jp, iso-2022-jp, utf-16le or utf-16be"
    )]
    UnknownEncoding(String),
}

/// Like [`decode`], but takes the bytes, so that a UTF-8 file (the usual case) becomes its text
/// without a copy: for a large zone that saves a pass over it and its size in memory.
pub fn decode_owned(bytes: Vec<u8>, requested: Option<Encoding>) -> Decoded {
    let may_be_plain_utf8 = requested.is_none_or(Encoding::is_utf8)
        && encoding_rs::Encoding::for_bom(&bytes).is_none()
        && (requested.is_some()
            || (sniff_utf16(&bytes).is_none() && !has_iso_2022_jp_escape(&bytes)));
    if may_be_plain_utf8 {
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Decoded {
                    text,
                    encoding: Encoding::Utf8,
                    malformed: Vec::new(),
                    had_bom: false,
                };
            }
            Err(e) => return decode(e.as_bytes(), requested),
        }
    }
    decode(&bytes, requested)
}

/// Decodes `bytes`, detecting the encoding when `requested` is `None`.
pub fn decode(bytes: &[u8], requested: Option<Encoding>) -> Decoded {
    let (bom_encoding, bom_len) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(Encoding(enc)), len),
        None => (None, 0),
    };
    let encoding = match (requested, bom_encoding) {
        (Some(requested), _) => requested,
        (None, Some(bom)) => bom,
        (None, None) => detect(bytes),
    };
    // A BOM is stripped only when it belongs to the encoding in use; otherwise its bytes are
    // ordinary (and probably malformed) content that the customer should hear about.
    let body = if bom_encoding == Some(encoding) {
        &bytes[bom_len..]
    } else {
        bytes
    };
    let mut decoded = decode_with(body, encoding);
    decoded.had_bom = bom_encoding == Some(encoding);
    if decoded.had_bom {
        for run in &mut decoded.malformed {
            run.byte_offset += bom_len as u64;
        }
    }
    decoded
}

fn decode_with(bytes: &[u8], encoding: Encoding) -> Decoded {
    // Fast path: most zone files are ASCII or clean UTF-8, and need no copy beyond this one.
    if encoding.is_utf8()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Decoded {
            text: text.to_owned(),
            encoding,
            malformed: Vec::new(),
            had_bom: false,
        };
    }
    let mut decoder = encoding.0.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut malformed = Vec::new();
    let mut pos = 0usize;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
        pos += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(bytes.len() - pos + 16),
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                let end = pos.saturating_sub(after as usize);
                let start = end.saturating_sub(bad as usize);
                malformed.push(MalformedRun {
                    text_offset: text.len() as u32,
                    byte_offset: start as u64,
                    bytes: bytes[start..end].to_vec(),
                });
                if text.capacity() - text.len() < 4 {
                    text.reserve(16);
                }
                text.push('\u{FFFD}');
            }
        }
    }
    Decoded {
        text,
        encoding,
        malformed,
        had_bom: false,
    }
}

/// Picks an encoding for BOM-less bytes.
fn detect(bytes: &[u8]) -> Encoding {
    if let Some(utf16) = sniff_utf16(bytes) {
        return utf16;
    }
    // ISO-2022-JP is 7-bit, so it also passes as ASCII: look for its escape sequences first.
    if has_iso_2022_jp_escape(bytes) {
        return Encoding(encoding_rs::ISO_2022_JP);
    }
    if bytes.is_ascii() || std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return Encoding::Utf8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    // The first megabyte is plenty to tell Japanese encodings apart, and bounds the work.
    detector.feed(&bytes[..bytes.len().min(1 << 20)], true);
    // A `.jp` hint tips ambiguous short inputs toward the Japanese encodings our customers use.
    Encoding(detector.guess(Some(b"jp"), chardetng::Utf8Detection::Deny))
}

/// The escape sequences that switch ISO-2022-JP into JIS X 0208 or JIS X 0201. ESC is rare in
/// text, so looking for it first keeps this a quick scan.
fn has_iso_2022_jp_escape(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(0x1B, rest) {
        let seq = &rest[at..rest.len().min(at + 3)];
        if seq == b"\x1b$B" || seq == b"\x1b$@" || seq == b"\x1b(J" {
            return true;
        }
        rest = &rest[at + 1..];
    }
    false
}

/// UTF-16 without a BOM shows up as every other byte being NUL in ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs {
        Some(Encoding(encoding_rs::UTF_16LE))
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs {
        Some(Encoding(encoding_rs::UTF_16BE))
    } else {
        None
    }
}

/// True when the bytes are UTF-8 with a few bad bytes: many valid multi-byte sequences and at
/// most one invalid byte per eight of them. Such a file is a UTF-8 file with damage, and
/// reporting the damage beats guessing a legacy encoding that turns every Japanese character
/// into mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                invalid += skip;
                rest = &bad[skip.min(bad.len())..];
            }
        }
    }
    valid_multibyte >= 4 && invalid * 8 <= valid_multibyte
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
        enc.encode(text).0.into_owned()
    }

    const JAPANESE: &str =
        "; 株式会社サンプルのゾーン情報です\nwww IN A 192.0.2.1 ; ウェブサーバー\n";

    #[test]
    fn detects_shift_jis() {
        let d = decode(&encode(JAPANESE, encoding_rs::SHIFT_JIS), None);
        assert_eq!(d.encoding.name(), "shift_jis");
        assert_eq!(d.text, JAPANESE);
        assert!(d.malformed.is_empty());
    }

    #[test]
    fn detects_euc_jp() {
        let d = decode(&encode(JAPANESE, encoding_rs::EUC_JP), None);
        assert_eq!(d.encoding.name(), "euc-jp");
        assert_eq!(d.text, JAPANESE);
    }

    #[test]
    fn detects_iso_2022_jp() {
        let d = decode(&encode(JAPANESE, encoding_rs::ISO_2022_JP), None);
        assert_eq!(d.encoding.name(), "iso-2022-jp");
        assert_eq!(d.text, JAPANESE);
    }

    #[test]
    fn strips_utf8_bom() {
        let d = decode(b"\xEF\xBB\xBFwww IN A 192.0.2.1\n", None);
        assert!(d.had_bom);
        assert_eq!(d.text, "www IN A 192.0.2.1\n");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "www IN A 192.0.2.1\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le, None);
        assert_eq!(d.encoding.name(), "utf-16le");
        assert_eq!(d.text, "www IN A 192.0.2.1\n");
        let d = decode(&le[2..], None);
        assert_eq!(d.encoding.name(), "utf-16le");
        assert!(!d.had_bom);
        assert_eq!(d.text, "www IN A 192.0.2.1\n");
    }

    #[test]
    fn malformed_bytes_are_positioned_not_fatal() {
        let mut bytes = "www IN TXT \"日本語のテキスト、ゾーン\"\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"bad IN TXT \"\xFF\"\n");
        let d = decode(&bytes, None);
        assert!(d.encoding.is_utf8());
        assert_eq!(d.malformed.len(), 1);
        let run = &d.malformed[0];
        assert_eq!(run.bytes, vec![0xFF]);
        assert_eq!(
            &d.text[run.text_offset as usize..run.text_offset as usize + 3],
            "\u{FFFD}"
        );
    }

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let cases: Vec<Vec<u8>> = vec![
            b"www IN A 192.0.2.1\n".to_vec(),
            b"\xEF\xBB\xBFwww IN A 192.0.2.1\n".to_vec(),
            encode(JAPANESE, encoding_rs::SHIFT_JIS),
            encode(JAPANESE, encoding_rs::ISO_2022_JP),
            b"bad \xFF byte \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\n".to_vec(),
        ];
        for bytes in cases {
            let (a, b) = (decode(&bytes, None), decode_owned(bytes.clone(), None));
            assert_eq!(
                (a.text, a.encoding, a.malformed, a.had_bom),
                (b.text, b.encoding, b.malformed, b.had_bom)
            );
        }
    }

    #[test]
    fn requested_encoding_wins() {
        let d = decode(
            &encode(JAPANESE, encoding_rs::SHIFT_JIS),
            Encoding::for_label("sjis"),
        );
        assert_eq!(d.text, JAPANESE);
        assert!(Encoding::for_label("klingon").is_none());
    }
}
