//! The lexer as it was before its common path was made fast, kept as the reference the fast one
//! must agree with, entry for entry (see the differential tests in `super::tests`). Change it
//! only together with a deliberate change of the lexer's behaviour.

use super::{ESCAPED, Entry, FULLWIDTH, LexError, LexLimits, NON_ASCII, QUOTED, Token};
use crate::zone::customer::fullwidth_to_ascii;
use crate::zone::name::decode_escape;

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
            self.lex_entry(entry);
            if !entry.tokens.is_empty() || !entry.comments.is_empty() || !entry.errors.is_empty() {
                return true;
            }
        }
    }

    fn lex_entry(&mut self, e: &mut Entry) {
        let bytes = self.bytes;
        e.start = self.pos as u32;
        e.end = self.pos as u32;
        e.blank_owner = matches!(bytes[self.pos], b' ' | b'\t')
            || self.text[self.pos..].starts_with('\u{3000}');
        let mut line_start = self.pos;
        let mut paren: Option<usize> = None;
        loop {
            if self.pos - line_start > self.limits.max_line_len {
                let end = memchr_newline(&bytes[self.pos..]).map_or(bytes.len(), |p| self.pos + p);
                push_error(
                    e,
                    LexError::LineTooLong {
                        start: line_start as u32,
                        len: (end - line_start) as u32,
                    },
                );
                e.poisoned = true;
                self.pos = end;
                // The rest of the line is skipped; the limit applies afresh from its end.
                line_start = end;
                continue;
            }
            let Some(&b) = bytes.get(self.pos) else {
                if let Some(open) = paren {
                    self.recover_unclosed_paren(e, open, None);
                }
                return;
            };
            match b {
                b' ' | b'\t' => {
                    self.pos += 1;
                    while matches!(bytes.get(self.pos), Some(b' ' | b'\t')) {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.pos += if b == b'\r' && bytes.get(self.pos + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    if paren.is_none() {
                        return;
                    }
                    line_start = self.pos;
                }
                b';' => {
                    let start = self.pos + 1;
                    let end = memchr_newline(&bytes[start..]).map_or(bytes.len(), |p| start + p);
                    e.comments.push((start as u32, end as u32));
                    e.end = end as u32;
                    self.pos = end;
                }
                b'(' => {
                    if let Some(open) = paren {
                        push_error(
                            e,
                            LexError::NestedParen {
                                at: self.pos as u32,
                                outer: open as u32,
                            },
                        );
                        if open >= line_start {
                            // `((` on one line: a typo, not a lost `)`; read on as if single.
                            self.pos += 1;
                            continue;
                        }
                        self.recover_unclosed_paren(e, open, Some(line_start));
                        return;
                    }
                    paren = Some(self.pos);
                    e.end = self.pos as u32 + 1;
                    self.pos += 1;
                }
                b')' => {
                    if paren.take().is_none() {
                        push_error(
                            e,
                            LexError::UnmatchedCloseParen {
                                at: self.pos as u32,
                            },
                        );
                    }
                    e.end = self.pos as u32 + 1;
                    self.pos += 1;
                }
                b'"' => self.quoted(e),
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => {
                    push_error(
                        e,
                        LexError::ControlChar {
                            at: self.pos as u32,
                            byte: b,
                        },
                    );
                    self.pos += 1;
                }
                // U+3000 is E3 80 80 in UTF-8: test the first byte before slicing the text.
                0xE3 if self.text[self.pos..].starts_with('\u{3000}') => {
                    push_error(
                        e,
                        LexError::IdeographicSpace {
                            at: self.pos as u32,
                        },
                    );
                    self.pos += '\u{3000}'.len_utf8();
                }
                _ => self.word(e),
            }
        }
    }

    fn push_token(&mut self, e: &mut Entry, token: Token) {
        if (token.end - token.start) as usize > self.limits.max_token_len {
            push_error(
                e,
                LexError::TokenTooLong {
                    start: token.start,
                    end: token.end,
                },
            );
            e.poisoned = true;
        }
        if e.tokens.len() >= self.limits.max_tokens_per_entry {
            if !e.poisoned {
                push_error(e, LexError::TooManyTokens { at: token.start });
            }
            e.poisoned = true;
            return;
        }
        e.end = token.end;
        e.tokens.push(token);
    }

    fn word(&mut self, e: &mut Entry) {
        let bytes = self.bytes;
        let start = self.pos;
        let mut flags = 0u8;
        let mut fullwidth_run: Option<usize> = None;
        while let Some(&b) = bytes.get(self.pos) {
            if PLAIN[b as usize] {
                if let Some(run) = fullwidth_run.take() {
                    push_error(
                        e,
                        LexError::FullWidth {
                            start: run as u32,
                            end: self.pos as u32,
                        },
                    );
                }
                // The hot loop: almost every byte of a zone file is a plain word byte.
                self.pos += 1;
                while self.pos < bytes.len() && PLAIN[bytes[self.pos] as usize] {
                    self.pos += 1;
                }
                continue;
            }
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | b';' | b'(' | b')' => break,
                // A quote inside a word quotes part of it, as in SVCB's `alpn="h2,h3"`
                // (RFC 9460 §2.1) and as BIND reads it: the word goes on after the quote closes.
                b'"' if self.pos > start => {
                    self.embedded_quote(e);
                    continue;
                }
                b'"' => break,
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => break,
                b'\\' => {
                    flags |= ESCAPED;
                    self.escape(e);
                    continue;
                }
                0x80.. => {
                    let c = self.text[self.pos..].chars().next().expect("char boundary");
                    if c == '\u{3000}' {
                        break;
                    }
                    if fullwidth_to_ascii(c).is_some() {
                        flags |= FULLWIDTH;
                        fullwidth_run.get_or_insert(self.pos);
                    } else {
                        flags |= NON_ASCII;
                        if let Some(run) = fullwidth_run.take() {
                            push_error(
                                e,
                                LexError::FullWidth {
                                    start: run as u32,
                                    end: self.pos as u32,
                                },
                            );
                        }
                    }
                    self.pos += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            if let Some(run) = fullwidth_run.take() {
                push_error(
                    e,
                    LexError::FullWidth {
                        start: run as u32,
                        end: self.pos as u32,
                    },
                );
            }
            self.pos += 1;
        }
        if let Some(run) = fullwidth_run {
            push_error(
                e,
                LexError::FullWidth {
                    start: run as u32,
                    end: self.pos as u32,
                },
            );
        }
        self.push_token(
            e,
            Token {
                start: start as u32,
                end: self.pos as u32,
                flags,
            },
        );
    }

    /// Checks the escape at `self.pos` and steps over it. A bad one is reported and read as
    /// the backslash alone, so the rest of the token still lexes.
    fn escape(&mut self, e: &mut Entry) {
        let at = self.pos;
        match decode_escape(self.bytes, at) {
            Some((_, next)) if !matches!(self.bytes[at + 1], b'\n' | b'\r') => {
                // Step over a whole escaped multi-byte character, not just its first byte.
                let c_len = self.text[at + 1..].chars().next().map_or(1, char::len_utf8);
                self.pos = if self.bytes[at + 1].is_ascii_digit() {
                    next
                } else {
                    at + 1 + c_len
                };
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
                self.pos = at + 1;
            }
        }
    }

    /// Steps over `"..."` inside a word, escapes and all. An unclosed one ends at its line.
    fn embedded_quote(&mut self, e: &mut Entry) {
        let open = self.pos;
        self.pos += 1;
        loop {
            match self.bytes.get(self.pos) {
                None | Some(b'\n' | b'\r') => {
                    push_error(
                        e,
                        LexError::UnclosedQuote {
                            open: open as u32,
                            line_end: self.pos as u32,
                        },
                    );
                    return;
                }
                Some(b'"') => {
                    self.pos += 1;
                    return;
                }
                Some(b'\\') => self.escape(e),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn quoted(&mut self, e: &mut Entry) {
        let bytes = self.bytes;
        let open = self.pos;
        self.pos += 1;
        let mut flags = QUOTED;
        loop {
            // The hot loop: the text of a TXT string is almost all printable ASCII.
            while bytes
                .get(self.pos)
                .is_some_and(|&b| QUOTED_PLAIN[b as usize])
            {
                self.pos += 1;
            }
            match bytes.get(self.pos) {
                None | Some(b'\n' | b'\r') => {
                    push_error(
                        e,
                        LexError::UnclosedQuote {
                            open: open as u32,
                            line_end: self.pos as u32,
                        },
                    );
                    break;
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    flags |= ESCAPED;
                    self.escape(e);
                }
                Some(&b @ (0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F)) => {
                    push_error(
                        e,
                        LexError::ControlChar {
                            at: self.pos as u32,
                            byte: b,
                        },
                    );
                    self.pos += 1;
                }
                Some(&b) => {
                    if b >= 0x80 {
                        flags |= NON_ASCII;
                    }
                    self.pos += 1;
                }
            }
        }
        self.push_token(
            e,
            Token {
                start: open as u32,
                end: self.pos as u32,
                flags,
            },
        );
    }

    /// A parenthesis opened at `open` was never closed (we hit the end of the text, or another
    /// `(` on the line starting at `nested_line`). Assume it should have closed before the next
    /// line that starts in column 1, since that is where the customer started a new record; drop
    /// what was lexed beyond that point and resume there.
    fn recover_unclosed_paren(&mut self, e: &mut Entry, open: usize, nested_line: Option<usize>) {
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
        self.pos = resume;
    }
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
            && !bytes[next..].starts_with("\u{3000}".as_bytes())
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
