//! A minimal `.xls` writer for tests: BIFF8 records in an OLE compound file with 512-byte
//! sectors, enough for calamine to read (and for hostile variants that it should not be allowed
//! to read). No crate writes `.xls`, and a hand-written file is the only way to make the
//! hostile ones anyway.

#![allow(dead_code)]

pub enum Value {
    Number(f64),
    /// An index into the shared-string table.
    Shared(u32),
}

pub struct Sheet {
    pub name: String,
    /// (row, column, value), 0-based.
    pub cells: Vec<(u16, u16, Value)>,
    /// A DIMENSIONS record: first row, last row + 1, first column, last column + 1.
    pub dimensions: Option<(u32, u32, u16, u16)>,
}

fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

fn bof(out: &mut Vec<u8>, dt: u16) {
    let mut d = Vec::new();
    d.extend_from_slice(&0x0600u16.to_le_bytes());
    d.extend_from_slice(&dt.to_le_bytes());
    d.extend_from_slice(&[0; 12]);
    record(out, 0x0809, &d);
}

/// The Workbook stream: globals (BoundSheet8 per sheet, the SST), then each sheet.
pub fn workbook_stream(sheets: &[Sheet], strings: &[&str]) -> Vec<u8> {
    let mut sst = Vec::new();
    sst.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    sst.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    // Strings are 8-bit (fHighByte = 0); an SST longer than a record goes on in CONTINUE
    // records, each continuing string fragment starting with its flags byte.
    let mut pieces: Vec<Vec<u8>> = vec![sst];
    for s in strings {
        // ASCII is stored 8-bit (fHighByte = 0), anything else as UTF-16LE (fHighByte = 1).
        let (flags, bytes): (u8, Vec<u8>) = if s.is_ascii() {
            (0, s.as_bytes().to_vec())
        } else {
            (1, s.encode_utf16().flat_map(u16::to_le_bytes).collect())
        };
        let chars = if flags == 0 {
            bytes.len()
        } else {
            bytes.len() / 2
        };
        let mut head = Vec::new();
        head.extend_from_slice(&(chars as u16).to_le_bytes());
        head.push(flags);
        let last = pieces.last_mut().unwrap();
        if last.len() + 3 + 2 > 8224 {
            pieces.push(Vec::new());
        }
        pieces.last_mut().unwrap().extend_from_slice(&head);
        let mut rest = &bytes[..];
        loop {
            let last = pieces.last_mut().unwrap();
            let room = (8224 - last.len()) / 2 * 2;
            let n = room.min(rest.len());
            last.extend_from_slice(&rest[..n]);
            rest = &rest[n..];
            if rest.is_empty() {
                break;
            }
            pieces.push(vec![flags]);
        }
    }
    let mut globals_tail = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        record(
            &mut globals_tail,
            if i == 0 { 0x00FC } else { 0x003C },
            piece,
        );
    }
    record(&mut globals_tail, 0x000A, &[]);

    let mut globals_head = Vec::new();
    bof(&mut globals_head, 0x0005);
    let boundsheet_len = |s: &Sheet| 4 + 8 + s.name.len();
    let head_len = globals_head.len() + sheets.iter().map(boundsheet_len).sum::<usize>();
    let mut bodies = Vec::new();
    let mut offsets = Vec::new();
    for sheet in sheets {
        offsets.push(head_len + globals_tail.len() + bodies.len());
        bof(&mut bodies, 0x0010);
        if let Some((r0, r1, c0, c1)) = sheet.dimensions {
            let mut d = Vec::new();
            d.extend_from_slice(&r0.to_le_bytes());
            d.extend_from_slice(&r1.to_le_bytes());
            d.extend_from_slice(&c0.to_le_bytes());
            d.extend_from_slice(&c1.to_le_bytes());
            d.extend_from_slice(&[0, 0]);
            record(&mut bodies, 0x0200, &d);
        }
        for (row, col, value) in &sheet.cells {
            let mut d = Vec::new();
            d.extend_from_slice(&row.to_le_bytes());
            d.extend_from_slice(&col.to_le_bytes());
            d.extend_from_slice(&0u16.to_le_bytes());
            match value {
                Value::Number(f) => {
                    d.extend_from_slice(&f.to_le_bytes());
                    record(&mut bodies, 0x0203, &d);
                }
                Value::Shared(i) => {
                    d.extend_from_slice(&i.to_le_bytes());
                    record(&mut bodies, 0x00FD, &d);
                }
            }
        }
        record(&mut bodies, 0x000A, &[]);
    }
    for (sheet, offset) in sheets.iter().zip(&offsets) {
        let mut d = Vec::new();
        d.extend_from_slice(&(*offset as u32).to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        d.push(sheet.name.len() as u8);
        d.push(0);
        d.extend_from_slice(sheet.name.as_bytes());
        record(&mut globals_head, 0x0085, &d);
    }
    assert_eq!(globals_head.len(), head_len);
    let mut stream = globals_head;
    stream.extend(globals_tail);
    stream.extend(bodies);
    stream
}

const FREE: u32 = 0xFFFF_FFFF;
const END: u32 = 0xFFFF_FFFE;
const FATSECT: u32 = 0xFFFF_FFFD;

fn dir_entry(name: &str, typ: u8, child: u32, start: u32, size: u32) -> [u8; 128] {
    let mut e = [0u8; 128];
    let utf16: Vec<u16> = name.encode_utf16().collect();
    for (i, u) in utf16.iter().enumerate() {
        e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
    }
    e[64..66].copy_from_slice(&(((utf16.len() + 1) * 2) as u16).to_le_bytes());
    e[66] = typ;
    e[67] = 1;
    e[68..72].copy_from_slice(&FREE.to_le_bytes());
    e[72..76].copy_from_slice(&FREE.to_le_bytes());
    e[76..80].copy_from_slice(&child.to_le_bytes());
    e[116..120].copy_from_slice(&start.to_le_bytes());
    e[120..124].copy_from_slice(&size.to_le_bytes());
    e
}

/// An OLE compound file holding `stream` as "Workbook" (padded to 4096 bytes, so it lives in
/// regular sectors). `fat_hook` may rewrite the allocation table before it is written.
pub fn compound_file(stream: &[u8], fat_hook: impl FnOnce(&mut Vec<u32>)) -> Vec<u8> {
    compound_file_claiming(stream, None, fat_hook)
}

/// Like [`compound_file`], with the Workbook's directory entry claiming `claimed` bytes.
pub fn compound_file_claiming(
    stream: &[u8],
    claimed: Option<u32>,
    fat_hook: impl FnOnce(&mut Vec<u32>),
) -> Vec<u8> {
    let mut stream = stream.to_vec();
    if stream.len() < 4096 {
        stream.resize(4096, 0);
    }
    let stream_sectors = stream.len().div_ceil(512);
    let mut fat_sectors = 1;
    while fat_sectors * 128 < fat_sectors + 1 + stream_sectors {
        fat_sectors += 1;
    }
    assert!(fat_sectors <= 109, "too large for a header-only DIFAT");
    // Sectors: the FAT, then the directory, then the stream.
    let dir = fat_sectors as u32;
    let first = dir + 1;
    let mut fat = vec![FREE; fat_sectors * 128];
    for f in fat.iter_mut().take(fat_sectors) {
        *f = FATSECT;
    }
    fat[dir as usize] = END;
    for i in 0..stream_sectors as u32 {
        fat[(first + i) as usize] = if i + 1 == stream_sectors as u32 {
            END
        } else {
            first + i + 1
        };
    }
    fat_hook(&mut fat);
    let mut out = vec![0u8; 512];
    out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    out[24..26].copy_from_slice(&0x003Eu16.to_le_bytes());
    out[26..28].copy_from_slice(&3u16.to_le_bytes());
    out[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    out[30..32].copy_from_slice(&9u16.to_le_bytes());
    out[32..34].copy_from_slice(&6u16.to_le_bytes());
    out[44..48].copy_from_slice(&(fat_sectors as u32).to_le_bytes());
    out[48..52].copy_from_slice(&dir.to_le_bytes());
    out[56..60].copy_from_slice(&4096u32.to_le_bytes());
    out[60..64].copy_from_slice(&END.to_le_bytes());
    out[68..72].copy_from_slice(&END.to_le_bytes());
    for i in 0..109 {
        let id = if i < fat_sectors { i as u32 } else { FREE };
        out[76 + 4 * i..80 + 4 * i].copy_from_slice(&id.to_le_bytes());
    }
    for f in &fat {
        out.extend_from_slice(&f.to_le_bytes());
    }
    let mut dir_sector = Vec::new();
    dir_sector.extend_from_slice(&dir_entry("Root Entry", 5, 1, END, 0));
    let size = claimed.unwrap_or(stream.len() as u32);
    dir_sector.extend_from_slice(&dir_entry("Workbook", 2, FREE, first, size));
    dir_sector.resize(512, 0);
    out.extend_from_slice(&dir_sector);
    out.extend_from_slice(&stream);
    out.resize(512 + (first as usize + stream_sectors) * 512, 0);
    out
}

/// A workbook of one sheet with these rows of text (row 0 is the header).
pub fn table(rows: &[&[&str]]) -> Vec<u8> {
    let mut strings: Vec<&str> = Vec::new();
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let i = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                strings.push(text);
                strings.len() - 1
            });
            cells.push((r as u16, c as u16, Value::Shared(i as u32)));
        }
    }
    let sheet = Sheet {
        name: "Records".into(),
        cells,
        dimensions: None,
    };
    compound_file(&workbook_stream(&[sheet], &strings), |_| {})
}
