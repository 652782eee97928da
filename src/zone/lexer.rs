//! The master-file lexer (RFC 1035 §5.1): splits text into entries, one per record or
//! directive, each a list of token spans.
//!
//! An entry ends at a line break outside parentheses. Tokens are words or quoted strings;
//! `;` starts a comment; `\X` and `\DDD` escape. The lexer decodes nothing: a token is a span,
//! and [`token_bytes`] decodes one only when someone needs its value, which keeps the common
//! path free of allocation.
//!
//! The lexer never stops at a fault. A quote left open ends at its line; a parenthesis left
//! open is closed, for recovery, before the next line that starts in column 1 (where a new
//! record would start), so one forgotten `)` costs one diagnostic, not the rest of the file.
//!
//! The lexer reads every byte of zones of a million records, so the common case, a word of
//! plain bytes and the blanks after it, takes a short path of table lookups four bytes a round;
//! anything else (quotes, escapes, non-ASCII text, faults, limits) takes the careful one. The
//! tests hold both to the plain lexer kept in `lexer/reference.rs`: same entries, byte for byte.

use crate::zone::customer::fullwidth_to_ascii;
use crate::zone::name::decode_escape;

/// Limits that keep a hostile file from costing unbounded time or memory.
#[derive(Clone, Copy, Debug)]
pub struct LexLimits {
    pub max_line_len: usize,
    pub max_token_len: usize,
    pub max_tokens_per_entry: usize,
}

impl Default for LexLimits {
    fn default() -> Self {
        // A record's data is at most 65,535 octets (RFC 1035 §3.2.1); written as `\DDD` escapes
        // that is about 262,000 characters, so 1 MiB lines and 256 KiB tokens refuse nothing real.
        LexLimits {
            max_line_len: 1 << 20,
            max_token_len: 256 << 10,
            max_tokens_per_entry: 70_000,
        }
    }
}

pub const QUOTED: u8 = 1;
pub const ESCAPED: u8 = 2;
pub const FULLWIDTH: u8 = 4;
pub const NON_ASCII: u8 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text; for a quoted string, including the quotes.
    pub start: u32,
    pub end: u32,
    pub flags: u8,
}

impl Token {
    pub fn is_quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }

    /// The token as written, without surrounding quotes.
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        let (s, e) = (self.start as usize, self.end as usize);
        if self.is_quoted() {
            let inner_end = if e > s + 1 && text.as_bytes()[e - 1] == b'"' {
                e - 1
            } else {
                e
            };
            &text[s + 1..inner_end.max(s + 1)]
        } else {
            &text[s..e]
        }
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

/// A fault the lexer found, by byte offset. The parser turns these into diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexError {
    UnclosedQuote { open: u32, line_end: u32 },
    UnclosedParen { open: u32 },
    UnmatchedCloseParen { at: u32 },
    NestedParen { at: u32, outer: u32 },
    BadEscape { start: u32, end: u32 },
    FullWidth { start: u32, end: u32 },
    IdeographicSpace { at: u32 },
    ControlChar { at: u32, byte: u8 },
    LineTooLong { start: u32, len: u32 },
    TokenTooLong { start: u32, end: u32 },
    TooManyTokens { at: u32 },
}

impl LexError {
    fn offset(&self) -> u32 {
        match *self {
            LexError::UnclosedQuote { open, .. } | LexError::UnclosedParen { open } => open,
            LexError::UnmatchedCloseParen { at }
            | LexError::NestedParen { at, .. }
            | LexError::IdeographicSpace { at }
            | LexError::ControlChar { at, .. }
            | LexError::TooManyTokens { at } => at,
            LexError::BadEscape { start, .. }
            | LexError::FullWidth { start, .. }
            | LexError::LineTooLong { start, .. }
            | LexError::TokenTooLong { start, .. } => start,
        }
    }
}

/// One logical line: a record, a directive, or a line holding only a comment.
#[derive(Debug, Default)]
pub struct Entry {
    pub tokens: Vec<Token>,
    /// The entry's first line starts with a blank: the owner is the previous record's.
    pub blank_owner: bool,
    /// Offset of the start of the entry's first line, and of the end of its last token or comment.
    pub start: u32,
    pub end: u32,
    /// Comment spans (after the `;`), for inline suppressions.
    pub comments: Vec<(u32, u32)>,
    pub errors: Vec<LexError>,
    /// A limit was hit; the entry's tokens are incomplete and it must not become a record.
    pub poisoned: bool,
}

impl Entry {
    fn clear(&mut self) {
        self.tokens.clear();
        self.comments.clear();
        self.errors.clear();
        self.blank_owner = false;
        self.poisoned = false;
    }
}

pub struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    limits: LexLimits,
}

impl<'t> Lexer<'t> {
    pub fn new(text: &'t str, limits: LexLimits) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            limits,
        }
    }

    /// Lexes from offset `pos` of the text, which must be where an entry starts (the start of a
    /// line outside parentheses). Offsets stay those of the whole text.
    pub fn starting_at(mut self, pos: usize) -> Self {
        self.pos = pos.min(self.bytes.len());
        self
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads the next entry into `entry`. Blank lines are skipped; a line holding only a comment
    /// is returned as an entry without tokens. Returns false at the end of the text.
    pub fn next_entry(&mut self, entry: &mut Entry) -> bool {
        loop {
            entry.clear();
            if self.pos >= self.bytes.len() {
                return false;
            }
            self.pos = self.lex_entry(entry, self.pos);
            if !entry.tokens.is_empty() || !entry.comments.is_empty() || !entry.errors.is_empty() {
                return true;
            }
        }
    }

    /// Lexes the entry that starts at `pos` into `e` and returns where the next one starts.
    ///
    /// Positions are locals passed in and out rather than `self.pos`, so the hot loops keep them
    /// in registers.
    fn lex_entry(&self, e: &mut Entry, mut pos: usize) -> usize {
        let bytes = self.bytes;
        e.start = pos as u32;
        e.end = pos as u32;
        e.blank_owner = match bytes[pos] {
            b' ' | b'\t' => true,
            0xE3 => bytes[pos..].starts_with(IDEOGRAPHIC_SPACE),
            _ => false,
        };
        let mut line_start = pos;
        // The line's length is checked between tokens, against the furthest offset it may reach:
        // one comparison per token instead of a subtraction and a comparison.
        let mut line_limit = line_start.saturating_add(self.limits.max_line_len);
        let mut paren: Option<usize> = None;
        loop {
            if pos > line_limit {
                pos = self.skip_long_line(e, line_start, pos);
                // The limit applies afresh from the end of the skipped line.
                line_start = pos;
                line_limit = line_start.saturating_add(self.limits.max_line_len);
                continue;
            }
            let Some(&b) = bytes.get(pos) else {
                return match paren {
                    Some(open) => self.recover_unclosed_paren(e, open, None),
                    None => pos,
                };
            };
            // The hot path, tested before the `match`: almost every token is a word of plain
            // bytes up to a blank, a line break or the end of the text, with nothing to flag or
            // report. A quote, an escape or a non-ASCII character hands it to the careful loop.
            if PLAIN[b as usize] {
                let end = run_end(bytes, pos + 1, &PLAIN);
                pos = match bytes.get(end) {
                    Some(b'"' | b'\\' | 0x80..) => self.word(e, pos, end),
                    // Step over the blanks that usually follow here rather than in another
                    // round. Checking the line's length after them instead of before changes
                    // nothing: blanks make no token, and a line too long before them is too
                    // long after, with the same line end to skip to.
                    Some(b' ' | b'\t') => {
                        self.push_token(e, pos, end, 0);
                        skip_blanks(bytes, end + 1)
                    }
                    _ => {
                        self.push_token(e, pos, end, 0);
                        end
                    }
                };
                continue;
            }
            match b {
                b' ' | b'\t' => pos = skip_blanks(bytes, pos + 1),
                b'\n' | b'\r' => {
                    pos += if b == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    if paren.is_none() {
                        return pos;
                    }
                    line_start = pos;
                    line_limit = line_start.saturating_add(self.limits.max_line_len);
                }
                b';' => {
                    let start = pos + 1;
                    let end = memchr_newline(&bytes[start..]).map_or(bytes.len(), |p| start + p);
                    e.comments.push((start as u32, end as u32));
                    e.end = end as u32;
                    pos = end;
                }
                b'(' => {
                    if let Some(open) = paren {
                        push_error(
                            e,
                            LexError::NestedParen {
                                at: pos as u32,
                                outer: open as u32,
                            },
                        );
                        if open >= line_start {
                            // `((` on one line: a typo, not a lost `)`; read on as if single.
                            pos += 1;
                            continue;
                        }
                        return self.recover_unclosed_paren(e, open, Some(line_start));
                    }
                    paren = Some(pos);
                    e.end = pos as u32 + 1;
                    pos += 1;
                }
                b')' => {
                    if paren.take().is_none() {
                        push_error(e, LexError::UnmatchedCloseParen { at: pos as u32 });
                    }
                    e.end = pos as u32 + 1;
                    pos += 1;
                }
                b'"' => pos = self.quoted(e, pos),
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => {
                    push_error(
                        e,
                        LexError::ControlChar {
                            at: pos as u32,
                            byte: b,
                        },
                    );
                    pos += 1;
                }
                // U+3000 is E3 80 80 in UTF-8: test the first byte before the other two.
                0xE3 if bytes[pos..].starts_with(IDEOGRAPHIC_SPACE) => {
                    push_error(e, LexError::IdeographicSpace { at: pos as u32 });
                    pos += IDEOGRAPHIC_SPACE.len();
                }
                _ => pos = self.word(e, pos, pos),
            }
        }
    }

    /// The line that starts at `line_start` is longer than the limit, which `pos` has passed:
    /// reports it, poisons the entry and returns the end of the line, where lexing goes on.
    #[cold]
    fn skip_long_line(&self, e: &mut Entry, line_start: usize, pos: usize) -> usize {
        let end = memchr_newline(&self.bytes[pos..]).map_or(self.bytes.len(), |p| pos + p);
        push_error(
            e,
            LexError::LineTooLong {
                start: line_start as u32,
                len: (end - line_start) as u32,
            },
        );
        e.poisoned = true;
        end
    }

    /// Appends the token `start..end`, unless the entry already has as many as the limits
    /// allow. This runs once per token and the limits are almost never near, so the common case
    /// is two comparisons and a push.
    fn push_token(&self, e: &mut Entry, start: usize, end: usize, flags: u8) {
        if (end - start > self.limits.max_token_len
            || e.tokens.len() >= self.limits.max_tokens_per_entry)
            && !self.over_limit(e, start, end)
        {
            return;
        }
        e.end = end as u32;
        e.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            flags,
        });
    }

    /// Reports the token `start..end` at or past a limit and poisons the entry; false when the
    /// entry already holds as many tokens as it may, so this one is dropped. Cold, so that its
    /// body stays out of the hot loop it would otherwise be inlined into: there it cost a fifth
    /// more instructions.
    #[cold]
    fn over_limit(&self, e: &mut Entry, start: usize, end: usize) -> bool {
        if end - start > self.limits.max_token_len {
            push_error(
                e,
                LexError::TokenTooLong {
                    start: start as u32,
                    end: end as u32,
                },
            );
            e.poisoned = true;
        }
        if e.tokens.len() >= self.limits.max_tokens_per_entry {
            if !e.poisoned {
                push_error(e, LexError::TooManyTokens { at: start as u32 });
            }
            e.poisoned = true;
            return false;
        }
        true
    }

    /// Lexes the word that starts at `start`, from `pos` on (what lies before is plain bytes,
    /// which set no flag), and returns where it ends. The careful loop, for words with quotes,
    /// escapes or non-ASCII characters; see [`Lexer::lex_entry`] for the common case.
    fn word(&self, e: &mut Entry, start: usize, mut pos: usize) -> usize {
        let bytes = self.bytes;
        let mut flags = 0u8;
        let mut fullwidth_run: Option<usize> = None;
        while let Some(&b) = bytes.get(pos) {
            if PLAIN[b as usize] {
                if let Some(run) = fullwidth_run.take() {
                    push_error(
                        e,
                        LexError::FullWidth {
                            start: run as u32,
                            end: pos as u32,
                        },
                    );
                }
                pos = run_end(bytes, pos + 1, &PLAIN);
                continue;
            }
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | b';' | b'(' | b')' => break,
                // A quote inside a word quotes part of it, as in SVCB's `alpn="h2,h3"`
                // (RFC 9460 §2.1) and as BIND reads it: the word goes on after the quote closes.
                b'"' if pos > start => {
                    pos = self.embedded_quote(e, pos);
                    continue;
                }
                b'"' => break,
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => break,
                b'\\' => {
                    flags |= ESCAPED;
                    pos = self.escape(e, pos);
                    continue;
                }
                0x80.. => {
                    let c = self.text[pos..].chars().next().expect("char boundary");
                    if c == '\u{3000}' {
                        break;
                    }
                    if fullwidth_to_ascii(c).is_some() {
                        flags |= FULLWIDTH;
                        fullwidth_run.get_or_insert(pos);
                    } else {
                        flags |= NON_ASCII;
                        if let Some(run) = fullwidth_run.take() {
                            push_error(
                                e,
                                LexError::FullWidth {
                                    start: run as u32,
                                    end: pos as u32,
                                },
                            );
                        }
                    }
                    pos += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            if let Some(run) = fullwidth_run.take() {
                push_error(
                    e,
                    LexError::FullWidth {
                        start: run as u32,
                        end: pos as u32,
                    },
                );
            }
            pos += 1;
        }
        if let Some(run) = fullwidth_run {
            push_error(
                e,
                LexError::FullWidth {
                    start: run as u32,
                    end: pos as u32,
                },
            );
        }
        self.push_token(e, start, pos, flags);
        pos
    }

    /// Checks the escape at `at` and returns where it ends. A bad one is reported and read as
    /// the backslash alone, so the rest of the token still lexes.
    fn escape(&self, e: &mut Entry, at: usize) -> usize {
        match decode_escape(self.bytes, at) {
            Some((_, next)) if !matches!(self.bytes[at + 1], b'\n' | b'\r') => {
                if self.bytes[at + 1].is_ascii_digit() {
                    next
                } else {
                    // Step over a whole escaped multi-byte character, not just its first byte.
                    at + 1 + self.text[at + 1..].chars().next().map_or(1, char::len_utf8)
                }
            }
            _ => {
                let end = (at + 1..(at + 4).min(self.bytes.len()))
                    .take_while(|&i| self.bytes[i].is_ascii_digit())
                    .last()
                    .map_or(at + 1, |i| i + 1);
                push_error(
                    e,
                    LexError::BadEscape {
                        start: at as u32,
                        end: end as u32,
                    },
                );
                at + 1
            }
        }
    }

    /// Steps over the `"..."` that opens at `open` inside a word, escapes and all, and returns
    /// where it ends. An unclosed one ends at its line.
    fn embedded_quote(&self, e: &mut Entry, open: usize) -> usize {
        let mut pos = open + 1;
        loop {
            match self.bytes.get(pos) {
                None | Some(b'\n' | b'\r') => {
                    push_error(
                        e,
                        LexError::UnclosedQuote {
                            open: open as u32,
                            line_end: pos as u32,
                        },
                    );
                    return pos;
                }
                Some(b'"') => return pos + 1,
                Some(b'\\') => pos = self.escape(e, pos),
                Some(_) => pos += 1,
            }
        }
    }

    /// Lexes the quoted string that opens at `open` and returns where it ends.
    fn quoted(&self, e: &mut Entry, open: usize) -> usize {
        let bytes = self.bytes;
        let mut pos = open + 1;
        let mut flags = QUOTED;
        loop {
            // The hot loop: the text of a TXT string is almost all printable ASCII.
            pos = run_end(bytes, pos, &QUOTED_PLAIN);
            match bytes.get(pos) {
                None | Some(b'\n' | b'\r') => {
                    push_error(
                        e,
                        LexError::UnclosedQuote {
                            open: open as u32,
                            line_end: pos as u32,
                        },
                    );
                    break;
                }
                Some(b'"') => {
                    pos += 1;
                    break;
                }
                Some(b'\\') => {
                    flags |= ESCAPED;
                    pos = self.escape(e, pos);
                }
                Some(&b @ (0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F)) => {
                    push_error(
                        e,
                        LexError::ControlChar {
                            at: pos as u32,
                            byte: b,
                        },
                    );
                    pos += 1;
                }
                Some(&b) => {
                    if b >= 0x80 {
                        flags |= NON_ASCII;
                    }
                    pos += 1;
                }
            }
        }
        self.push_token(e, open, pos, flags);
        pos
    }

    /// A parenthesis opened at `open` was never closed (we hit the end of the text, or another
    /// `(` on the line starting at `nested_line`). Assume it should have closed before the next
    /// line that starts in column 1, since that is where the customer started a new record; drop
    /// what was lexed beyond that point and return it as where to resume.
    fn recover_unclosed_paren(
        &self,
        e: &mut Entry,
        open: usize,
        nested_line: Option<usize>,
    ) -> usize {
        push_error(e, LexError::UnclosedParen { open: open as u32 });
        let limit = nested_line.unwrap_or(self.bytes.len());
        let resume = next_column_one_line(self.bytes, open, limit).unwrap_or(limit);
        e.tokens.retain(|t| (t.start as usize) < resume);
        e.comments.retain(|c| (c.0 as usize) < resume);
        e.errors.retain(|err| {
            (err.offset() as usize) < resume || matches!(err, LexError::UnclosedParen { .. })
        });
        e.end = e
            .tokens
            .last()
            .map_or(e.start, |t| t.end)
            .max(e.comments.last().map_or(0, |c| c.1));
        resume
    }
}

/// U+3000 IDEOGRAPHIC SPACE, which Japanese input methods type for a blank, in UTF-8.
const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();

/// The end of the run of bytes that `table` marks, from `from` (at most the text's length).
/// The lexer's innermost loop: it reads almost every byte of a zone file.
fn run_end(bytes: &[u8], from: usize, table: &[bool; 256]) -> usize {
    // Four bytes a round while four are left: the loop's own cost, as much as the test of a
    // byte, is paid a quarter as often. `len - at >= 4` rather than `at + 4 <= len` lets the
    // compiler see that the four indices are in bounds.
    let mut at = from;
    while bytes.len() - at >= 4 {
        if !table[bytes[at] as usize] {
            return at;
        }
        if !table[bytes[at + 1] as usize] {
            return at + 1;
        }
        if !table[bytes[at + 2] as usize] {
            return at + 2;
        }
        if !table[bytes[at + 3] as usize] {
            return at + 3;
        }
        at += 4;
    }
    while let Some(&b) = bytes.get(at) {
        if !table[b as usize] {
            break;
        }
        at += 1;
    }
    at
}

/// The end of the run of blanks that starts at `from`.
fn skip_blanks(bytes: &[u8], mut from: usize) -> usize {
    // Most runs are one space long: a plain loop beats an iterator's setup.
    while let Some(b' ' | b'\t') = bytes.get(from) {
        from += 1;
    }
    from
}

/// Start of the first line after the one containing `from` (and before `limit`) that begins with
/// something other than a blank, a comment or a closing parenthesis.
fn next_column_one_line(bytes: &[u8], from: usize, limit: usize) -> Option<usize> {
    let mut i = from;
    while i < limit {
        let nl = memchr_newline(&bytes[i..limit])? + i;
        let next = if bytes[nl] == b'\r' && bytes.get(nl + 1) == Some(&b'\n') {
            nl + 2
        } else {
            nl + 1
        };
        if next >= limit {
            return None;
        }
        if !matches!(bytes[next], b' ' | b'\t' | b';' | b')' | b'\n' | b'\r')
            && !bytes[next..].starts_with(IDEOGRAPHIC_SPACE)
        {
            return Some(next);
        }
        i = next;
    }
    None
}

/// Records a fault unless the entry already has more than anyone will read: a line of a million
/// `(` must cost a counter, not a million diagnostics.
fn push_error(e: &mut Entry, error: LexError) {
    const MAX_ERRORS_PER_ENTRY: usize = 100;
    if e.errors.len() < MAX_ERRORS_PER_ENTRY || matches!(error, LexError::UnclosedParen { .. }) {
        e.errors.push(error);
    }
}

fn memchr_newline(hay: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', hay)
}

/// Bytes that can only continue a word: printable ASCII other than the characters that mean
/// something to the lexer (`;`, `(`, `)`, `"`, `\\`).
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x21;
    while b < 0x7F {
        table[b] = !matches!(b as u8, b';' | b'(' | b')' | b'"' | b'\\');
        b += 1;
    }
    table
};

/// Octets inside quotes that need no second look: printable ASCII and tab, but not the quote
/// or the backslash.
static QUOTED_PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\t' as usize] = true;
    let mut b = 0x20;
    while b < 0x7F {
        table[b] = !matches!(b as u8, b'"' | b'\\');
        b += 1;
    }
    table
};

/// The octets a token stands for: quotes removed, escapes decoded, full-width forms read as
/// ASCII (outside quotes). Never fails; the lexer has already reported bad escapes, which decode
/// here as the backslash itself.
pub fn token_bytes<'t>(text: &'t str, token: &Token) -> std::borrow::Cow<'t, [u8]> {
    let raw = token.raw(text);
    if token.flags & (ESCAPED | FULLWIDTH) == 0 {
        return std::borrow::Cow::Borrowed(raw.as_bytes());
    }
    let fullwidth = token.flags & FULLWIDTH != 0 && !token.is_quoted();
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => match decode_escape(bytes, i) {
                Some((octet, next)) if bytes[i + 1].is_ascii_digit() => {
                    out.push(octet);
                    i = next;
                }
                Some(_) => {
                    // `\X`: X itself, all of it if it is a multi-byte character.
                    let c_len = raw[i + 1..].chars().next().map_or(1, char::len_utf8);
                    out.extend_from_slice(&bytes[i + 1..i + 1 + c_len]);
                    i += 1 + c_len;
                }
                None => {
                    out.push(b'\\');
                    i += 1;
                }
            },
            0x80.. if fullwidth => {
                let c = raw[i..].chars().next().expect("char boundary");
                match fullwidth_to_ascii(c) {
                    Some(a) => out.push(a as u8),
                    None => out.extend_from_slice(&bytes[i..i + c.len_utf8()]),
                }
                i += c.len_utf8();
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The token's text for name parsing and keyword matching: as written, but with full-width forms
/// read as ASCII. Escapes are left for the name parser, which must tell `\.` from `.`.
pub fn token_str<'t>(text: &'t str, token: &Token) -> std::borrow::Cow<'t, str> {
    let raw = token.raw(text);
    if token.flags & FULLWIDTH == 0 || token.is_quoted() {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(crate::zone::customer::fullwidth_to_ascii_str(raw))
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> Vec<(Vec<String>, bool, Vec<LexError>)> {
        let mut lexer = Lexer::new(text, LexLimits::default());
        let mut e = Entry::default();
        let mut out = Vec::new();
        while lexer.next_entry(&mut e) {
            let toks = e.tokens.iter().map(|t| t.text(text).to_owned()).collect();
            out.push((toks, e.blank_owner, e.errors.clone()));
        }
        out
    }

    #[test]
    fn entries_tokens_and_blank_owners() {
        let got =
            lex("www IN A 192.0.2.1 ; web\n\n  IN AAAA ::1\r\nmail\tMX 10 mx\rtxt TXT \"a b\" c");
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].0, ["www", "IN", "A", "192.0.2.1"]);
        assert!(!got[0].1);
        assert_eq!(got[1].0, ["IN", "AAAA", "::1"]);
        assert!(got[1].1);
        assert_eq!(got[2].0, ["mail", "MX", "10", "mx"]);
        assert_eq!(got[3].0, ["txt", "TXT", "\"a b\"", "c"]);
    }

    #[test]
    fn parentheses_span_lines() {
        let got = lex("@ SOA ns host (\n  1 ; serial\n  2 3 4 5 )\nwww A 1.2.3.4\n");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].0,
            ["@", "SOA", "ns", "host", "1", "2", "3", "4", "5"]
        );
        assert!(got[0].2.is_empty());
    }

    #[test]
    fn unclosed_paren_recovers_at_next_record() {
        let text = "@ SOA ns host (\n  1 2 3 4 5\nwww A 1.2.3.4\nmail A 1.2.3.5\n";
        let got = lex(text);
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0].0,
            ["@", "SOA", "ns", "host", "1", "2", "3", "4", "5"]
        );
        assert_eq!(got[0].2, [LexError::UnclosedParen { open: 14 }]);
        assert_eq!(got[1].0, ["www", "A", "1.2.3.4"]);
        assert_eq!(got[2].0, ["mail", "A", "1.2.3.5"]);
    }

    #[test]
    fn nested_paren_reports_both() {
        let text = "a TXT ( \"x\"\n  b TXT ( \"y\" )\nc A 1.2.3.4\n";
        let got = lex(text);
        assert!(got[0].2.contains(&LexError::UnclosedParen { open: 6 }));
        assert!(got.iter().any(|g| g.0 == ["c", "A", "1.2.3.4"]));
    }

    #[test]
    fn unclosed_quote_ends_at_line() {
        let got = lex("a TXT \"open\nb A 1.2.3.4\n");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].2,
            [LexError::UnclosedQuote {
                open: 6,
                line_end: 11
            }]
        );
        assert_eq!(got[1].0, ["b", "A", "1.2.3.4"]);
    }

    #[test]
    fn escapes_and_values() {
        let text = "a\\ b \"q\\\"x\\065\" \\999 ｗｗｗ";
        let mut lexer = Lexer::new(text, LexLimits::default());
        let mut e = Entry::default();
        assert!(lexer.next_entry(&mut e));
        assert_eq!(e.tokens.len(), 4);
        assert_eq!(&*token_bytes(text, &e.tokens[0]), b"a b");
        assert_eq!(&*token_bytes(text, &e.tokens[1]), b"q\"xA");
        assert!(matches!(e.errors[0], LexError::BadEscape { .. }));
        assert_eq!(&*token_bytes(text, &e.tokens[3]), b"www");
        assert!(matches!(e.errors[1], LexError::FullWidth { .. }));
    }

    #[test]
    fn quotes_inside_a_word_belong_to_it() {
        let got = lex("x HTTPS 1 . alpn=\"h2,h3\" key7=\"a b\"\n");
        assert_eq!(
            got[0].0,
            ["x", "HTTPS", "1", ".", "alpn=\"h2,h3\"", "key7=\"a b\""]
        );
        assert!(got[0].2.is_empty());
    }

    #[test]
    fn ideographic_space_separates() {
        let got = lex("www\u{3000}IN A 1.2.3.4");
        assert_eq!(got[0].0, ["www", "IN", "A", "1.2.3.4"]);
        assert_eq!(got[0].2, [LexError::IdeographicSpace { at: 3 }]);
    }

    #[test]
    fn overlong_line_is_skipped_once() {
        let text = format!("a TXT {}\nb A 1.2.3.4\n", "x".repeat(100));
        let limits = LexLimits {
            max_line_len: 20,
            ..LexLimits::default()
        };
        let mut lexer = Lexer::new(&text, limits);
        let mut e = Entry::default();
        assert!(lexer.next_entry(&mut e));
        assert!(e.poisoned);
        assert_eq!(e.errors.len(), 1);
        assert!(lexer.next_entry(&mut e));
        assert_eq!(e.tokens.len(), 3);
        assert!(!lexer.next_entry(&mut e));
    }

    #[test]
    fn million_open_parens_is_linear() {
        let text = "(".repeat(1_000_000);
        let got = lex(&text);
        assert!(!got.is_empty());
    }
    /// Everything the lexer says about one entry, and where it stopped after it.
    #[derive(Debug, PartialEq)]
    struct Lexed {
        tokens: Vec<Token>,
        blank_owner: bool,
        start: u32,
        end: u32,
        comments: Vec<(u32, u32)>,
        errors: Vec<LexError>,
        poisoned: bool,
        position: usize,
    }

    impl Lexed {
        fn of(e: &Entry, position: usize) -> Self {
            Lexed {
                tokens: e.tokens.clone(),
                blank_owner: e.blank_owner,
                start: e.start,
                end: e.end,
                comments: e.comments.clone(),
                errors: e.errors.clone(),
                poisoned: e.poisoned,
                position,
            }
        }
    }

    fn fast(text: &str, limits: LexLimits, from: usize) -> Vec<Lexed> {
        let mut lexer = Lexer::new(text, limits).starting_at(from);
        let mut e = Entry::default();
        let mut out = Vec::new();
        while lexer.next_entry(&mut e) {
            out.push(Lexed::of(&e, lexer.position()));
        }
        assert_eq!(lexer.position(), text.len(), "stops at the end of the text");
        out
    }

    fn slow(text: &str, limits: LexLimits, from: usize) -> Vec<Lexed> {
        let mut lexer = reference::Lexer::new(text, limits).starting_at(from);
        let mut e = Entry::default();
        let mut out = Vec::new();
        while lexer.next_entry(&mut e) {
            out.push(Lexed::of(&e, lexer.position()));
        }
        out
    }

    /// Limits small enough for the short texts below to hit them.
    const TINY: LexLimits = LexLimits {
        max_line_len: 12,
        max_token_len: 4,
        max_tokens_per_entry: 3,
    };

    #[test]
    fn agrees_with_the_reference_on_the_fixtures() {
        let mut files = 0;
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("fixtures are readable") {
                let path = entry.expect("fixture entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let bytes = std::fs::read(&path).expect("fixture is readable");
                // Shift_JIS fixtures lex as the replacement characters the decoder would leave.
                let text = String::from_utf8_lossy(&bytes);
                for limits in [LexLimits::default(), TINY] {
                    let (fast, slow) = (fast(&text, limits, 0), slow(&text, limits, 0));
                    // The first entry that differs, not two whole files.
                    let differs = fast.iter().zip(&slow).position(|(f, s)| f != s);
                    if let Some(i) = differs.or((fast.len() != slow.len()).then_some(0)) {
                        panic!(
                            "{} with {limits:?}, entry {i}:\n  fast: {:?}\n  reference: {:?}",
                            path.display(),
                            fast.get(i),
                            slow.get(i)
                        );
                    }
                }
                files += 1;
            }
        }
        assert!(files > 300, "only {files} fixtures found");
    }

    mod differential {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of zone text, ordinary and hostile, that meet the lexer's every branch when
        /// strung together at random.
        fn fragment() -> impl Strategy<Value = String> {
            let pick = |pieces: &'static [&'static str]| {
                proptest::sample::select(pieces).prop_map(str::to_owned)
            };
            prop_oneof![
                4 => pick(&[
                    "www", "h21", "IN", "A", "10.70.75.26", "@", "$ORIGIN", "$INCLUDE",
                    "example.jp.", "2001:db8::1", "v=spf1", "!", "~all", "a.b-c_d*",
                ]),
                4 => pick(&[" ", "\t", "  ", " \t "]),
                3 => pick(&["\n", "\r\n", "\r", "\n\t", "\n ", "\n\n", "\r\r\n"]),
                1 => pick(&[";", "; comment", ";(\"", "; \u{3000}x\\"]),
                2 => pick(&["(", ")", "((", "))", "( ", " )", ")("]),
                2 => pick(&[
                    "\"", "\"a b\"", "\"x\\\"y\"", "alpn=\"h2,h3\"", "\"\\065\"",
                    "\"\t\u{7}\"", "\"é\u{3000}\"", "k=\"\\", "\"\\999\"", "\"\"",
                ]),
                2 => pick(&[
                    "\\", "\\.", "\\065", "\\999", "\\1", "\\12", "\\1a", "\\256", "\\\n",
                    "\\\r", "\\あ", "\\ｗ", "\\\\", "\\\"", "\\ ", "\\;", "\\(",
                ]),
                1 => pick(&["\0", "\u{1}", "\u{8}", "\u{b}", "\u{c}", "\u{e}", "\u{1f}", "\u{7f}"]),
                2 => pick(&[
                    "あ", "\u{3000}", "ｗｗｗ", "Ｉ", "ｗ\u{3000}", "é", "日本", "ｗé",
                    "\u{ff01}", "\u{ff5e}", "\u{ff5f}", "\u{ff00}", "\u{e3}", "\u{3001}",
                ]),
                1 => (0usize..40).prop_map(|n| "x".repeat(n)),
                1 => any::<char>().prop_map(String::from),
            ]
        }

        fn limits() -> impl Strategy<Value = LexLimits> {
            prop_oneof![
                Just(LexLimits::default()),
                Just(TINY),
                (0usize..48, 0usize..12, 0usize..8).prop_map(|(line, token, tokens)| {
                    LexLimits {
                        max_line_len: line,
                        max_token_len: token,
                        max_tokens_per_entry: tokens,
                    }
                }),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]

            /// The fast lexer says exactly what the reference says: the same tokens, spans,
            /// flags, comments, errors in the same order, and the same entry bounds, blank
            /// owners, poisoning and resume positions, from the start of any line.
            #[test]
            fn agrees_with_the_reference(
                pieces in proptest::collection::vec(fragment(), 0..60),
                limits in limits(),
                line in any::<proptest::sample::Index>(),
            ) {
                let text = pieces.concat();
                let line_starts: Vec<usize> = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                for from in [0, *line.get(&line_starts)] {
                    prop_assert_eq!(fast(&text, limits, from), slow(&text, limits, from));
                }
            }
        }
    }
}
