//! What reading an old Excel workbook (`.xls`) would cost, measured before calamine reads it.
//!
//! calamine reads a whole `.xls` when it opens it: the OLE compound file's allocation tables,
//! then every sheet of the BIFF "Workbook" stream into a dense `Range` sized by the bounding box
//! of the sheet's cells. Two cells at A1 and IV65536 make a range of 16 million cells (half a
//! gigabyte); a `DIMENSIONS` record can ask for a reservation of billions of cells; a shared
//! string of 32,000 characters is copied into every cell that refers to it; a DIFAT that names
//! the same sector a million times makes the allocation table a million sectors long; a sector
//! chain that loops never ends. None of that costs the attacker more than a few kilobytes.
//!
//! [`measure`] walks the same structures the way calamine 0.38 does (`cfb.rs`, `xls.rs`:
//! `Cfb::new`, `get_stream`, `RecordIter`, `parse_workbook`), without decoding anything, and adds
//! up the bytes calamine would allocate. Chains that loop or leave the file are refused outright.
//! The caller refuses the workbook when the total passes [`MAX_COST`]. Anything this walk does
//! not understand is left to calamine, which reports it as damaged; what matters here is only
//! that nothing calamine *would* allocate is missed.

/// Most bytes reading one `.xls` may allocate. A record table of a few thousand cells needs a
/// few megabytes; a workbook with large unrelated sheets fits too.
pub const MAX_COST: u64 = 256 << 20;
/// Most sheets: calamine walks the stream from each sheet's offset, so a thousand entries for
/// the same offset would walk it a thousand times.
pub const MAX_SHEETS: usize = 1_000;

/// calamine's in-memory sizes on 64-bit targets: `Data` (a cell of a `Range`), `Cell<Data>`
/// (position and value, while a sheet is read), `String` (a formula's cell in a `Range<String>`).
const DATA: u64 = 32;
const CELL: u64 = 40;
const STRING: u64 = 24;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file is damaged in a way that would make calamine loop, read past the end or panic.
    Damaged(&'static str),
    /// Reading it would allocate about this many bytes.
    TooCostly(u64),
    /// A sound compound file without a workbook stream: another Office document, or (with
    /// `encrypted`) a password-protected `.xlsx`.
    NoWorkbook { encrypted: bool },
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// A running total that refuses as soon as it passes the budget, so that no loop here runs
/// longer than the budget allows either.
struct Cost(u64);

impl Cost {
    fn add(&mut self, bytes: u64) -> Result<(), Refusal> {
        self.0 = self.0.saturating_add(bytes);
        if self.0 > MAX_COST {
            Err(Refusal::TooCostly(self.0))
        } else {
            Ok(())
        }
    }
}

/// The compound file as calamine sees it: sectors after the header, and the allocation table.
struct Cfb<'a> {
    body: &'a [u8],
    size: usize,
    maxid: u32,
    fats: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn sector(&self, id: u32) -> Result<&'a [u8], Refusal> {
        if id > self.maxid {
            return Err(Refusal::Damaged("a sector number past the end of the file"));
        }
        let start = id as usize * self.size;
        self.body
            .get(start..start + self.size)
            .ok_or(Refusal::Damaged("a sector past the end of the file"))
    }

    /// The bytes of the chain from `first`, at most `len`: refused if it loops, or leaves the
    /// file or the table (where calamine would loop forever, or index out of bounds).
    fn chain(&self, first: u32, len: usize, cost: &mut Cost) -> Result<Vec<u8>, Refusal> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.fats.len()];
        let mut id = first;
        while id != ENDOFCHAIN {
            let sector = self.sector(id)?;
            let take = sector.len().min(len - out.len());
            cost.add(take as u64)?;
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            let i = id as usize;
            if i >= self.fats.len() {
                return Err(Refusal::Damaged(
                    "a sector chain leaves the allocation table",
                ));
            }
            if std::mem::replace(&mut seen[i], true) {
                return Err(Refusal::Damaged("a sector chain loops"));
            }
            id = self.fats[i];
        }
        Ok(out)
    }
}

/// A chain of 64-byte mini sectors inside the mini stream.
fn mini_chain(ministream: &[u8], minifat: &[u32], first: u32, len: usize) -> Result<(), Refusal> {
    let mut seen = vec![false; minifat.len()];
    let (mut id, mut got) = (first, 0usize);
    while id != ENDOFCHAIN {
        let start = id as usize * 64;
        if start + 64 > ministream.len() {
            return Err(Refusal::Damaged(
                "a mini sector past the end of the mini stream",
            ));
        }
        got += 64;
        if got >= len {
            break;
        }
        let i = id as usize;
        if i >= minifat.len() || std::mem::replace(&mut seen[i], true) {
            return Err(Refusal::Damaged(
                "a mini sector chain loops or leaves its table",
            ));
        }
        id = minifat[i];
    }
    Ok(())
}

/// The "Workbook" (or "Book") stream, and what reading the compound file costs.
fn workbook_stream(bytes: &[u8], cost: &mut Cost) -> Result<Vec<u8>, Refusal> {
    let header = bytes
        .get(..512)
        .ok_or(Refusal::Damaged("shorter than an OLE header"))?;
    let version = u16_at(header, 26).unwrap_or(0);
    let size: usize = match u16_at(header, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Err(Refusal::Damaged("an unknown sector size")),
    };
    let body = bytes.get(size..).unwrap_or_default();
    let field = |at| u32_at(header, at).unwrap_or(0);
    let (dir_start, mini_fat_start, mini_fat_len, difat_start) =
        (field(48), field(60), field(64) as usize, field(68));
    let maxid = (bytes.len() / size) as u32;
    let mut cfb = Cfb {
        body,
        size,
        maxid,
        fats: Vec::new(),
    };
    // The DIFAT: 109 entries in the header, then a chain of sectors whose last entry is the next.
    let mut difat: Vec<u32> = header[76..512]
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect();
    let mut id = difat_start;
    let mut steps = 0usize;
    while id < RESERVED_SECTORS {
        steps += 1;
        if steps > maxid as usize + 1 {
            return Err(Refusal::Damaged("the DIFAT chain loops"));
        }
        let sector = cfb.sector(id)?;
        cost.add(sector.len() as u64)?;
        difat.extend(
            sector
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default())),
        );
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    // calamine appends one sector per DIFAT entry, repeats included.
    for &id in difat.iter().filter(|&&id| id < DIFSECT) {
        let sector = cfb.sector(id)?;
        cost.add(sector.len() as u64)?;
        cfb.fats.extend(
            sector
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default())),
        );
    }
    let dirs = cfb.chain(dir_start, usize::MAX, cost)?;
    struct Dir {
        name: String,
        start: u32,
        len: u64,
    }
    let dirs: Vec<Dir> = dirs
        .chunks_exact(128)
        .map(|d| {
            let mut name = encoding_rs::UTF_16LE.decode(&d[..64]).0.into_owned();
            if let Some(nul) = name.bytes().position(|b| b == 0) {
                name.truncate(nul);
            }
            let len = if size == 512 {
                u64::from(u32_at(d, 120).unwrap_or(0))
            } else {
                u64_at(d, 120).unwrap_or(0)
            };
            Dir {
                name,
                start: u32_at(d, 116).unwrap_or(0),
                len,
            }
        })
        .collect();
    cost.add(dirs.len() as u64 * 64)?;
    let root = dirs
        .first()
        .ok_or(Refusal::Damaged("no root directory entry"))?;
    if version != 3 && root.start == ENDOFCHAIN {
        return Err(Refusal::Damaged("an empty root directory"));
    }
    let (ministream, minifat) = if mini_fat_len > 0 {
        let ministream = cfb.chain(root.start, clamp(root.len), cost)?;
        let minifat = cfb.chain(mini_fat_start, mini_fat_len.saturating_mul(size), cost)?;
        let minifat: Vec<u32> = minifat
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        (ministream, minifat)
    } else {
        (Vec::new(), Vec::new())
    };
    let find = |name: &str| {
        dirs.iter()
            .find(|d| d.name.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
    };
    let stream = find("Workbook")
        .or_else(|| find("Book"))
        .ok_or(Refusal::NoWorkbook {
            encrypted: find("EncryptedPackage").is_some(),
        })?;
    let len = clamp(stream.len);
    if len < 4096 {
        mini_chain(&ministream, &minifat, stream.start, len)?;
        let mut out = Vec::with_capacity(len);
        let mut id = stream.start;
        while out.len() < len && id != ENDOFCHAIN {
            let start = id as usize * 64;
            let take = 64.min(len - out.len());
            out.extend_from_slice(&ministream[start..start + take]);
            id = minifat.get(id as usize).copied().unwrap_or(ENDOFCHAIN);
        }
        cost.add(out.len() as u64)?;
        Ok(out)
    } else {
        cfb.chain(stream.start, len, cost)
    }
}

fn clamp(len: u64) -> usize {
    usize::try_from(len).unwrap_or(usize::MAX)
}

/// One BIFF record, with the data of the CONTINUE records that follow it, as calamine's
/// `RecordIter` splits them.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;
    /// `None` at the end of the stream and where calamine would stop with an error.
    fn next(&mut self) -> Option<Record<'a>> {
        let typ = u16_at(self.stream, 0)?;
        let len = u16_at(self.stream, 2)? as usize;
        let data = self.stream.get(4..4 + len)?;
        self.stream = &self.stream[4 + len..];
        let mut cont = Vec::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(0x003C) {
            let len = u16_at(self.stream, 2)? as usize;
            cont.push(self.stream.get(4..4 + len)?);
            self.stream = &self.stream[4 + len..];
        }
        Some(Record { typ, data, cont })
    }
}

/// The character counts of the strings of an SST record (MS-XLS 2.4.265), read as calamine's
/// `parse_sst` reads them; `None` where calamine would fail.
fn sst_lengths<'a>(record: &Record<'a>) -> Option<Vec<u32>> {
    let mut data: &'a [u8] = record.data.get(8..)?;
    let mut cont = record.cont.iter();
    let mut next = |data: &mut &'a [u8]| match cont.next() {
        Some(c) => {
            *data = c;
            true
        }
        None => false,
    };
    let mut lengths = Vec::new();
    loop {
        if data.is_empty() && !next(&mut data) {
            return Some(lengths);
        }
        if data.is_empty() {
            lengths.push(0);
            continue;
        }
        let cch = u16_at(data, 0)? as usize;
        let flags = *data.get(2)?;
        data = &data[3..];
        let c_run = if flags & 0x8 != 0 {
            let n = u16_at(data, 0)? as usize;
            data = &data[2..];
            n
        } else {
            0
        };
        let ext = if flags & 0x4 != 0 {
            let n = u32_at(data, 0)? as i32 as isize as usize;
            data = &data[4..];
            n
        } else {
            0
        };
        let (mut left, mut high) = (cch, flags & 1 != 0);
        while left > 0 {
            let width = if high { 2 } else { 1 };
            let n = left.min(data.len() / width);
            data = &data[n * width..];
            left -= n;
            if left > 0 {
                if !next(&mut data) {
                    return None;
                }
                high = *data.first()? & 1 != 0;
                data = &data[1..];
            }
        }
        let mut skip = c_run.checked_mul(4)?.checked_add(ext)?;
        while skip > 0 {
            if data.is_empty() && !next(&mut data) {
                return None;
            }
            let n = skip.min(data.len());
            data = &data[n..];
            skip -= n;
        }
        lengths.push(cch as u32);
    }
}

/// The bounding box of some cells, as `Range::from_sparse` computes it.
#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>);

impl Bounds {
    fn add(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn area(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

/// Adds up what calamine would allocate to read this `.xls`; refuses it when that passes
/// [`MAX_COST`], or when it is damaged in a way that would make calamine misbehave.
pub fn measure(bytes: &[u8]) -> Result<u64, Refusal> {
    let mut cost = Cost(0);
    let stream = workbook_stream(bytes, &mut cost)?;
    // The workbook globals, up to their EOF.
    let mut sheets: Vec<usize> = Vec::new();
    let mut strings: Vec<u32> = Vec::new();
    let mut longest_name = 0u64;
    for r in (Records { stream: &stream }) {
        match r.typ {
            0x0085 => {
                let pos = u32_at(r.data, 0).unwrap_or(0) as usize;
                if pos > stream.len() {
                    return Err(Refusal::Damaged(
                        "a sheet starts past the end of the stream",
                    ));
                }
                sheets.push(pos);
                if sheets.len() > MAX_SHEETS {
                    return Err(Refusal::TooCostly(cost.0));
                }
                longest_name = longest_name.max(u64::from(r.data.get(6).copied().unwrap_or(0)));
                cost.add(2 * (STRING + 256 * 3))?;
            }
            0x0018 => {
                longest_name = longest_name.max(u64::from(r.data.get(3).copied().unwrap_or(0)));
                cost.add(2 * STRING + 3 * r.data.len() as u64)?;
            }
            0x00FC => {
                // calamine keeps the last SST; each one is built in full first.
                strings = sst_lengths(&r).unwrap_or_default();
                let chars: u64 = strings.iter().map(|&n| u64::from(n)).sum();
                cost.add(strings.len() as u64 * STRING + 3 * chars)?;
            }
            0x000A => break,
            _ => {}
        }
    }
    // calamine turns each reference to a defined name or a sheet into its text.
    let formula_text_per_byte = 8 + 3 * 2 * longest_name;
    let mut largest = 0u64;
    for pos in sheets {
        let mut cells = Bounds::default();
        let mut formulas = Bounds::default();
        let mut fmla_pos = (0u32, 0u32);
        let (mut seen_bof, mut depth) = (false, 0usize);
        for r in (Records {
            stream: &stream[pos..],
        }) {
            // Walking costs time even where it allocates nothing.
            cost.add(4 + r.data.len() as u64 / 8)?;
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let row_col = || Some((u32::from(u16_at(r.data, 0)?), u32::from(u16_at(r.data, 2)?)));
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                // DIMENSIONS: calamine reserves rows × columns cells up front.
                0x0200 => {
                    let (rf, rl, mut cf, cl) = match r.data.len() {
                        10 => (
                            u32::from(u16_at(r.data, 0).unwrap_or(0)),
                            u32::from(u16_at(r.data, 2).unwrap_or(0)),
                            u32::from(u16_at(r.data, 4).unwrap_or(0)),
                            u32::from(u16_at(r.data, 6).unwrap_or(0)),
                        ),
                        14 | 16 => (
                            u32_at(r.data, 0).unwrap_or(0),
                            u32_at(r.data, 4).unwrap_or(0),
                            u32::from(u16_at(r.data, 8).unwrap_or(0)),
                            u32::from(u16_at(r.data, 10).unwrap_or(0)),
                        ),
                        _ => continue,
                    };
                    if 0xFF < cf || cl < cf {
                        cf = 0;
                    }
                    let (rows, cols) = if rl >= 1 && cl >= 1 {
                        if rl - 1 < rf || cl - 1 < cf {
                            return Err(Refusal::Damaged(
                                "a DIMENSIONS record ends before it starts",
                            ));
                        }
                        (u64::from(rl - 1 - rf) + 1, u64::from(cl - 1 - cf) + 1)
                    } else {
                        (1, 1)
                    };
                    cost.add(rows.saturating_mul(cols).saturating_mul(CELL))?;
                }
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let Some((row, col)) = row_col() {
                        cells.add(row, col);
                        cost.add(CELL + 3 * r.data.len() as u64)?;
                    }
                }
                0x0207 => {
                    cells.add(fmla_pos.0, fmla_pos.1);
                    cost.add(CELL + 3 * r.data.len() as u64)?;
                }
                0x00FD => {
                    if let (Some((row, col)), Some(i)) = (row_col(), u32_at(r.data, 6))
                        && let Some(&chars) = strings.get(i as usize)
                    {
                        cells.add(row, col);
                        cost.add(CELL + 3 * u64::from(chars))?;
                    }
                }
                0x00BD => {
                    let (Some((row, first)), Some(last)) = (
                        row_col(),
                        r.data
                            .len()
                            .checked_sub(2)
                            .and_then(|at| u16_at(r.data, at)),
                    ) else {
                        continue;
                    };
                    let last = u32::from(last);
                    if last < first {
                        return Err(Refusal::Damaged("a MULRK record ends before it starts"));
                    }
                    cells.add(row, first);
                    cells.add(row, last);
                    cost.add(u64::from(last - first + 1) * CELL)?;
                }
                0x0006 if r.data.len() >= 20 => {
                    if let Some((row, col)) = row_col() {
                        fmla_pos = (row, col);
                        cells.add(row, col);
                        formulas.add(row, col);
                        let rgce = (r.data.len() - 20) as u64;
                        cost.add(2 * CELL + STRING + rgce * formula_text_per_byte)?;
                    }
                }
                0x00E5 => cost.add(r.data.len() as u64 * 2)?,
                _ => {}
            }
        }
        let area = cells.area();
        largest = largest.max(area);
        cost.add(area.saturating_mul(DATA))?;
        cost.add(formulas.area().saturating_mul(STRING))?;
    }
    // The sheet read is cloned out of calamine's map.
    cost.add(largest.saturating_mul(DATA))?;
    Ok(cost.0)
}
