//! Reading one large zone file on several threads, with the result one thread would give.
//!
//! The text is cut into pieces at lines where a record starts, and each piece after the first is
//! parsed on its own thread from the state the file is *expected* to be in at its cut: the
//! origin and default TTL the `$ORIGIN` and `$TTL` lines above it leave, class IN. Whether the
//! guess was right is known once the piece before is done, and a piece is kept only when
//!
//! - the piece before ended exactly at the cut, so the cut was not inside a record spread over
//!   lines in parentheses;
//! - the piece before ended in the state guessed for this one (same origin, same default TTL,
//!   same class, no suppression comment waiting for the next record);
//! - the piece read nothing else of the state before it: everything else the parser carries
//!   from record to record (the last owner, the last TTL, the SOA minimum) is either set in the
//!   piece before it is read, or only read when there is no default TTL, and pieces are only
//!   guessed where there is one. The one exception, an invalid `$TTL` read on with the SOA
//!   minimum, marks the piece as unusable.
//!
//! A piece that fails any of this, and every piece after it, is read again on this thread from
//! where the last good one ended. Names are interned piece by piece in file order, so the name
//! ids, the records, the failed records, the suppressions and the findings (their order and the
//! storage limit included) are exactly those of one pass. A hostile file can defeat the guess;
//! that costs one more read of the rest of the file, never a different report.

use super::*;
use crate::zone::NameTable;

/// Files smaller than this are read on one thread: starting threads and merging what they read
/// would cost about what it saves.
pub const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Pieces are at least this large, so that each is worth a thread's while.
const MIN_PIECE_BYTES: usize = 256 << 10;

/// Large files are cut into pieces of about this size, not just a few per thread. A piece's
/// tables then stay in the cache while it is read, and are reused warm for the next piece (see
/// [`Done::spare`]); and the last piece, merged while the other threads have nothing left to
/// read, is short. At 1M records (34 MB), 32 pieces instead of 8 took the reading from a median
/// of 240 ms to 195 ms on two cores.
const PIECE_BYTES: usize = 1 << 20;

/// How many threads `threads` means for a text of `len` bytes: 0 is automatic (one per core, up
/// to 4, from [`PARALLEL_MIN_BYTES`] on).
pub(super) fn thread_count(threads: usize, len: usize) -> usize {
    crate::zone::thread_count(threads, len >= PARALLEL_MIN_BYTES)
}

/// What one piece read, on its own thread.
struct Piece<'f> {
    /// Where it was cut, and the state it was guessed to start in.
    start: usize,
    guess: Guess,
    zone: Zone,
    em: Emitter<'f>,
    /// The state it ended in, and where it stopped.
    end_state: FileState,
    stop: Stop,
    soa_minimum: Option<u32>,
    used_unknown_state: bool,
    /// Records its `$GENERATE` lines made.
    generated: u64,
}

/// Pieces read by any thread, waiting to be merged in order by the caller's.
struct Done<'f> {
    slots: std::sync::Mutex<Vec<Option<std::thread::Result<Piece<'f>>>>>,
    filled: std::sync::Condvar,
    /// The tables of pieces already merged, emptied, for later pieces to read into: their
    /// memory is already the process's, where a new table's is page faults the kernel must
    /// zero-fill, piece after piece.
    spare: std::sync::Mutex<Vec<Zone>>,
}

impl<'f> Done<'f> {
    fn spare_zone(&self) -> Option<Zone> {
        (self.spare.lock())
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop()
    }

    fn give_back(&self, zone: Zone) {
        (self.spare.lock())
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(zone);
    }

    fn put(&self, i: usize, piece: std::thread::Result<Piece<'f>>) {
        self.lock()[i] = Some(piece);
        self.filled.notify_all();
    }

    fn take(&self, i: usize) -> Option<std::thread::Result<Piece<'f>>> {
        self.lock()[i].take()
    }

    fn wait_for(&self, i: usize) -> std::thread::Result<Piece<'f>> {
        let mut slots = self.lock();
        loop {
            if let Some(piece) = slots[i].take() {
                return piece;
            }
            slots = self
                .filled
                .wait(slots)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<std::thread::Result<Piece<'f>>>>> {
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The state a piece is guessed to start in.
#[derive(Clone)]
struct Guess {
    origin: Option<OwnedName>,
    default_ttl: u32,
    class: u16,
}

impl Guess {
    /// Whether a piece ending in `st`, with zone class `class`, hands over this state.
    fn holds(&self, st: &FileState, class: Option<u16>) -> bool {
        st.origin == self.origin
            && st.default_ttl == Some(self.default_ttl)
            && class == Some(self.class)
            && st.pending_suppression.is_none()
    }
}

impl Parser<'_, '_> {
    /// Parses the text of `st.file` in pieces on `threads` threads, when it can be cut and has
    /// no `$INCLUDE`. `None` when it was not tried: the caller reads the file on one thread.
    ///
    /// The text is cut in more pieces than threads (four per thread) so that merging, which
    /// only this thread can do, overlaps with the reading of later pieces: this thread reads
    /// the first piece, then merges each piece as soon as it and all before it are read, and
    /// reads a piece itself whenever the next one to merge is not ready and some are unclaimed.
    pub(super) fn parse_in_pieces(
        &mut self,
        st: &mut FileState,
        text: &str,
        threads: usize,
        em: &mut Emitter<'_>,
    ) -> Option<Stop> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        if threads < 2 {
            return None;
        }
        let wanted = (text.len() / PIECE_BYTES)
            .max(threads * 4)
            .min(text.len() / MIN_PIECE_BYTES)
            .max(threads);
        let cuts = cuts(text, wanted);
        if cuts.is_empty() {
            return None;
        }
        let guesses = self.guess_states(st, text, &cuts)?;
        let room = em.room();
        let template = em.sibling(room);
        let options = self.options;
        let file = st.file;
        // An empty table hashing as the file's does, for the pieces' tables.
        let hashing = self.zone.names.sibling(0, 0);
        // Piece `i` of `cuts.len()` starts at `cuts[i]`; the text before the first cut is this
        // thread's own first piece.
        let next = AtomicUsize::new(0);
        let done = Done {
            slots: std::sync::Mutex::new((0..cuts.len()).map(|_| None).collect()),
            filled: std::sync::Condvar::new(),
            spare: std::sync::Mutex::new(Vec::new()),
        };
        let read = |i: usize| {
            let end = cuts.get(i + 1).copied().unwrap_or(usize::MAX);
            let em = template.sibling(room);
            let spare = done.spare_zone();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_piece(
                    options,
                    file,
                    text,
                    cuts[i],
                    end,
                    &guesses[i],
                    &hashing,
                    spare,
                    em,
                )
            }))
        };
        let claim = || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&i| i < cuts.len());
        std::thread::scope(|scope| {
            for _ in 1..threads.min(cuts.len() + 1) {
                scope.spawn(|| {
                    while let Some(i) = claim() {
                        done.put(i, read(i));
                    }
                });
            }
            let mut stop = self.parse_entries(st, text, 0, cuts[0], em);
            let mut merged = 0;
            while merged < cuts.len() {
                let piece = match done.take(merged) {
                    Some(piece) => piece,
                    None => match claim() {
                        Some(i) => {
                            done.put(i, read(i));
                            continue;
                        }
                        None => done.wait_for(merged),
                    },
                };
                let piece = piece.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                // The piece's `$GENERATE` lines were all allowed against a total counted from
                // its start; they are allowed in one pass too when the sum stays within it.
                let generated = self.generated.saturating_add(piece.generated);
                if !matches!(stop, Stop::At(at) if at == piece.start)
                    || !piece.guess.holds(st, self.class)
                    || piece.used_unknown_state
                    || generated > self.generate_total()
                {
                    // The guess was wrong: the rest is read again below; stop the others.
                    next.store(cuts.len(), Ordering::Relaxed);
                    break;
                }
                let mut found = piece.em;
                found.truncate_to(em.room());
                em.absorb(found);
                let mut zone = piece.zone;
                let ids = self.zone.append(&mut zone);
                done.give_back(zone);
                #[cfg(test)]
                tests::KEPT.with(|k| k.set(k.get() + 1));
                self.soa_minimum = piece.soa_minimum.or(self.soa_minimum);
                self.generated = generated;
                *st = piece.end_state;
                st.last_owner = st.last_owner.map(|o| ids[o.0 as usize]);
                stop = piece.stop;
                merged += 1;
            }
            // Read on from where the last piece that could be kept stopped (nothing is left
            // when all were kept).
            Some(match stop {
                Stop::At(at) if at < text.len() => self.parse_entries(st, text, at, usize::MAX, em),
                other => other,
            })
        })
    }

    /// The state expected at each cut: the file's state with the `$ORIGIN` and `$TTL` lines
    /// above the cut applied, by the parser's own code (findings discarded). `None` when the
    /// file includes another (an include needs the sources, which the threads cannot share),
    /// or when there is no default TTL at a cut (then the state a record leaves matters).
    fn guess_states(&self, st: &FileState, text: &str, cuts: &[usize]) -> Option<Vec<Guess>> {
        let mut no_includes = NoIncludes;
        let zone = Zone::new(OwnedName::root(), OriginSource::None);
        let mut probe = Parser::new(zone, self.options, &mut no_includes, st.file);
        let mut state = FileState::new(st.file, st.origin.clone(), st.default_ttl, None);
        let filter = crate::diag::RuleFilter::default();
        let mut discard = Emitter::new(Lang::En, &filter).with_store_limit(0);
        let mut guesses = Vec::with_capacity(cuts.len());
        let mut cut = cuts.iter().peekable();
        let bytes = text.as_bytes();
        let mut entry = Entry::default();
        for at in memchr::memchr_iter(b'$', bytes) {
            if at > 0 && !matches!(bytes[at - 1], b'\n' | b'\r') {
                continue;
            }
            while let Some(&&c) = cut.peek()
                && c <= at
            {
                guesses.push(guess(&state)?);
                cut.next();
            }
            let mut lexer = Lexer::new(text, self.options.limits).starting_at(at);
            if !lexer.next_entry(&mut entry) || entry.tokens.is_empty() {
                continue;
            }
            let keyword = entry.tokens[0].text(text);
            if keyword.eq_ignore_ascii_case("$INCLUDE") {
                return None;
            }
            if keyword.eq_ignore_ascii_case("$ORIGIN") || keyword.eq_ignore_ascii_case("$TTL") {
                probe.directive(&mut state, text, &entry, &mut discard);
            }
        }
        for _ in cut {
            guesses.push(guess(&state)?);
        }
        Some(guesses)
    }

    /// The SOA minimum, for a record or `$TTL` that needs it. A piece read from a guessed state
    /// does not know it until it reads an SOA itself; using it unknown makes the piece unusable.
    pub(super) fn soa_minimum(&mut self) -> Option<u32> {
        if self.soa_minimum.is_none() && self.from_guessed_state {
            self.used_unknown_state = true;
        }
        self.soa_minimum
    }
}

fn guess(st: &FileState) -> Option<Guess> {
    Some(Guess {
        origin: st.origin.clone(),
        default_ttl: st.default_ttl?,
        class: 1,
    })
}

/// Reads the entries of `text` that start in `start..end`, from the state `guess`.
#[allow(clippy::too_many_arguments)]
fn read_piece<'f>(
    options: &ParseOptions,
    file: FileId,
    text: &str,
    start: usize,
    end: usize,
    guess: &Guess,
    names: &NameTable,
    spare: Option<Zone>,
    mut em: Emitter<'f>,
) -> Piece<'f> {
    let mut no_includes = NoIncludes;
    let mut zone = spare.unwrap_or_else(|| {
        let mut zone = Zone::new(OwnedName::root(), OriginSource::None);
        // Hashed as the file's table hashes, and kept, for the merge.
        zone.names = names.sibling(0, 0).keeping_hashes();
        zone
    });
    zone.reserve_for_text(end.min(text.len()) - start);
    let mut p = Parser {
        class: Some(guess.class),
        from_guessed_state: true,
        ..Parser::new(zone, options, &mut no_includes, file)
    };
    let mut st = FileState::new(file, guess.origin.clone(), Some(guess.default_ttl), None);
    let stop = p.parse_entries(&mut st, text, start, end, &mut em);
    // An include cannot be read here; the piece is read again on the caller's thread.
    let used_unknown_state = p.used_unknown_state || matches!(stop, Stop::Include { .. });
    Piece {
        start,
        guess: guess.clone(),
        soa_minimum: p.soa_minimum,
        generated: p.generated,
        zone: p.zone,
        em,
        end_state: st,
        stop,
        used_unknown_state,
    }
}

/// Where to cut `text` into `pieces` pieces of about equal size: at the start of a line that
/// starts a record (an owner name in column 1), strictly increasing, never at 0. Fewer cuts when
/// the text has too few such lines.
fn cuts(text: &str, pieces: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut cuts: Vec<usize> = Vec::with_capacity(pieces - 1);
    for i in 1..pieces {
        let target = text.len() / pieces * i;
        let from = target.max(cuts.last().map_or(0, |&c| c + 1));
        if let Some(cut) = record_line_from(bytes, from) {
            cuts.push(cut);
        }
    }
    cuts.dedup();
    cuts
}

/// The first line starting at or after `from` (past its line start) that begins with a
/// character an owner name begins with.
fn record_line_from(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let newline = memchr::memchr2(b'\n', b'\r', bytes.get(at..)?)? + at;
        let next = newline + 1;
        let first = *bytes.get(next)?;
        if first.is_ascii_alphanumeric() || matches!(first, b'_' | b'*' | b'@' | b'-') {
            return Some(next);
        }
        at = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use proptest::prelude::*;

    thread_local! {
        /// Pieces kept by the parses of this test thread.
        pub(super) static KEPT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Everything a parse of `text` on `threads` threads gives, as text, and how many pieces
    /// read on other threads were kept.
    fn parse_on(text: &str, threads: usize) -> (String, usize) {
        parse_with(text, threads, ParseOptions::default().max_generate)
    }

    /// [`parse_on`] with a `--max-generate` of `max_generate`.
    fn parse_with(text: &str, threads: usize, max_generate: u64) -> (String, usize) {
        let mut sources = crate::source::Sources::default();
        let file = sources.add(SourceFile::from_text("t.zone", text));
        let filter = crate::diag::RuleFilter::default();
        let mut em = Emitter::new(Lang::En, &filter).with_store_limit(7);
        let options = ParseOptions {
            origin: Some(OwnedName::from_text("example.jp.").unwrap()),
            threads,
            max_generate,
            ..ParseOptions::default()
        };
        KEPT.with(|k| k.set(0));
        let zone = parse(&mut sources, file, &options, &mut NoIncludes, &mut em);
        let names: Vec<String> = zone.names.iter().map(|(_, n)| n.to_string()).collect();
        let records: Vec<String> = zone
            .records
            .iter()
            .map(|r| format!("{r:?} {}", zone.rdata_text(r)))
            .collect();
        let (found, overflow) = em.into_parts();
        let found: Vec<String> = found
            .iter()
            .map(|d| format!("{} {:?} {}", d.rule.code, d.span, d.message))
            .collect();
        let all = format!(
            "{names:#?}\n{records:#?}\n{:?}\n{:?}\n{found:#?}\n{overflow:?}",
            zone.failed, zone.suppressions
        );
        (all, KEPT.with(|k| k.get()))
    }

    /// Asserts that every number of threads reads `text` as one does, and returns how many
    /// pieces the parse on `threads` threads kept.
    fn same_on_any_threads(text: &str, threads: usize) -> usize {
        let (one, _) = parse_on(text, 1);
        for n in 2..=6 {
            assert_eq!(parse_on(text, n).0, one, "{n} threads on:\n{text}");
        }
        parse_on(text, threads).1
    }

    const HEAD: &str = "$TTL 1h\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n";

    #[test]
    fn generate_lines_are_counted_across_pieces() {
        // Forty lines of 4 records with --max-generate 8: the file's total is 128, so one pass
        // refuses the last eight lines. Each piece counts from its own start; a piece is kept
        // while the sum stays within the total (the second and third of four), and the one
        // that passes it is read again, so the refusals say what one pass says.
        let mut text = HEAD.to_owned();
        for i in 0..40 {
            text.push_str(&format!(
                "h{i} A 192.0.2.{i}\n$GENERATE 1-4 g{i}-$ A 192.0.2.$\n"
            ));
        }
        let (one, _) = parse_with(&text, 1, 8);
        for n in 2..=6 {
            assert_eq!(parse_with(&text, n, 8).0, one, "{n} threads");
        }
        // The first 32 lines' names (4 each); the storage limit of 7 findings keeps 7 of the
        // 8 refusals.
        assert_eq!(one.matches("\"g").count(), 128, "{one}");
        assert_eq!(one.matches("ZG028").count(), 7, "{one}");
        assert!(one.contains("may make 128 in all, and 0 are left"), "{one}");
        assert_eq!(parse_with(&text, 4, 8).1, 2);
        // Within the default total, every piece is kept.
        assert_eq!(same_on_any_threads(&text, 4), 3);
    }

    #[test]
    fn pieces_are_kept_when_the_guess_holds() {
        let mut text = HEAD.to_owned();
        for i in 0..40 {
            text.push_str(&format!("h{i} A 192.0.2.{i}\n\tAAAA 2001:db8::{i:x}\n"));
            if i == 13 {
                text.push_str("$ORIGIN sub.example.jp.\n$TTL 300\n");
            }
            if i == 27 {
                text.push_str("$ORIGIN example.jp.\nh1 TXT \"again\"\n");
            }
        }
        assert_eq!(same_on_any_threads(&text, 4), 3);
    }

    #[test]
    fn findings_keep_their_order_and_the_storage_limit() {
        let mut text = HEAD.to_owned();
        for i in 0..30 {
            text.push_str(&format!("h{i} A 192.0.2.{}\nbad{i} AAA ::1\n", i * 20));
        }
        assert!(same_on_any_threads(&text, 3) > 0);
        let (report, _) = parse_on(&text, 3);
        assert!(report.contains("ZG0"), "{report}");
    }

    #[test]
    fn a_cut_inside_parentheses_is_read_again() {
        // `1 2 3 4 5 )` starts in column 1, so it looks like a record line to the cutter.
        let mut text = HEAD.to_owned();
        for i in 0..20 {
            text.push_str(&format!("h{i} TXT (\n\"part {i}\"\n9 \"more\" )\n"));
        }
        same_on_any_threads(&text, 5);
    }

    #[test]
    fn a_wrong_guess_is_read_again() {
        // Each in a file of its own, since the first wrong guess makes one thread read the
        // rest: a `$ORIGIN` line inside parentheses fools the directive scan; a suppression
        // comment waits for the line below a cut; an invalid `$TTL` is read on with the SOA
        // minimum; a zone's class is not IN.
        for odd in [
            "t TXT ( \"x\"\n$ORIGIN other.jp.\n)\n",
            "; zonegate: ignore[ZG301] on purpose\n",
            "$TTL forever\n",
        ] {
            for at in [3, 9, 15] {
                let mut text = HEAD.to_owned();
                for i in 0..20 {
                    text.push_str(&format!("h{i} A 192.0.2.{i}\n"));
                    if i == at {
                        text.push_str(odd);
                    }
                }
                same_on_any_threads(&text, 5);
            }
        }
        let mut chaos = "$TTL 1h\n@ CH SOA ns1 hostmaster 1 7200 900 1209600 300\n".to_owned();
        for i in 0..20 {
            chaos.push_str(&format!("h{i} TXT \"{i}\"\n"));
        }
        same_on_any_threads(&chaos, 4);
    }

    #[test]
    fn without_a_default_ttl_or_with_an_include_one_thread_reads() {
        let mut text = "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n".to_owned();
        for i in 0..20 {
            text.push_str(&format!(
                "h{i} {} A 192.0.2.{i}\nx{i} A 192.0.2.1\n",
                60 + i
            ));
        }
        assert_eq!(same_on_any_threads(&text, 4), 0);
        let included =
            format!("{HEAD}a A 192.0.2.1\n$INCLUDE other.zone\nb A 192.0.2.2\nc A 192.0.2.3\n");
        assert_eq!(same_on_any_threads(&included, 4), 0);
    }

    #[test]
    fn cuts_fall_on_record_lines() {
        let text = "$TTL 1h\n@ SOA a. b. (\n 1 2 3 4 5 )\nwww A 192.0.2.1\n\tAAAA ::1\r\nmail A 192.0.2.2\n";
        for pieces in 2..6 {
            let cuts = cuts(text, pieces);
            assert!(
                !cuts.is_empty() && cuts.windows(2).all(|w| w[0] < w[1]),
                "{cuts:?}"
            );
            for c in &cuts {
                assert!(
                    ["www", "mail"].iter().any(|w| text[*c..].starts_with(w)),
                    "{c}"
                );
            }
        }
        assert!(cuts("; only\n\t; comments\n", 2).is_empty());
    }

    /// Lines of every kind the parser treats specially, in any order.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => (0..50u8).prop_map(|i| format!("h{i} A 192.0.2.{i}\n")),
            2 => (0..50u8).prop_map(|i| format!("\tAAAA 2001:db8::{i:x}\n")),
            1 => Just("h1 TXT (\n\"a\"\n7 \"b\" )\n".to_owned()),
            1 => Just("h2 TXT ( \"a\"\n".to_owned()),
            1 => Just(")\n".to_owned()),
            1 => Just("$ORIGIN sub.example.jp.\n".to_owned()),
            1 => Just("$ORIGIN example.jp.\n".to_owned()),
            1 => Just("$TTL 300\n".to_owned()),
            1 => Just("$TTL 5 minutes\n".to_owned()),
            1 => Just("$TTL forever\n".to_owned()),
            1 => Just("; zonegate: ignore[ZG401] x\n".to_owned()),
            1 => Just("h3 IN MX 10 mail ; zonegate: ignore[ZG402] y\r\n".to_owned()),
            1 => Just("@ SOA ns1 hostmaster 2 7200 900 1209600 600\n".to_owned()),
            1 => Just("h4 CH A 192.0.2.1\n".to_owned()),
            1 => Just("h5 \"unclosed\n".to_owned()),
            1 => Just("$GENERATE 1-3 g$ A 192.0.2.$\n".to_owned()),
            1 => Just("h6 A 192.0.2.300\rh7 A 192.0.2.7\r".to_owned()),
            1 => Just("\n".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_reads_the_same_on_any_threads(
            lines in proptest::collection::vec(line(), 0..60),
            ttl in proptest::bool::ANY,
            threads in 2..7usize,
        ) {
            let text = format!("{}{}", if ttl { "$TTL 1h\n" } else { "" }, lines.concat());
            prop_assert_eq!(parse_on(&text, threads).0, parse_on(&text, 1).0);
        }
    }
}
