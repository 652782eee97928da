//! The file system, kept at the edge: reading inputs within limits, deciding which includes may
//! be read, and finding zone files in a directory. Nothing here writes.

use crate::report::{RunError, SkipReason, Skipped};
use crate::source::{FileId, SourceFile, Sources};
use crate::zone::{IncludeError, IncludeLoader};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads at most `limit` bytes; the flag says whether there was more.
pub fn read_limited(reader: impl Read, limit: u64) -> std::io::Result<(Vec<u8>, bool)> {
    read_limited_into(Vec::new(), reader, limit)
}

/// [`read_limited`] for a file, into a buffer sized from its length up front (a limited reader
/// cannot tell `read_to_end` the size, which would then grow the buffer in steps and read a
/// 30 MB zone in pieces of doubling size).
pub fn read_file_limited(file: std::fs::File, limit: u64) -> std::io::Result<(Vec<u8>, bool)> {
    read_file_limited_on(file, limit, 1)
}

/// Files at least this large are read in two halves at once when more than one thread is
/// allowed. Reading a zone from the page cache is the kernel copying it into a fresh buffer,
/// page fault by page fault: for a million records (34 MB) about 25 ms on one thread, which
/// no other work overlaps, and the copy splits across cores.
pub const PARALLEL_READ_MIN_BYTES: u64 = 4 << 20;

/// [`read_file_limited`], on two threads unless `threads` is 1 (0 is automatic) or there is
/// one core.
pub fn read_file_limited_on(
    file: std::fs::File,
    limit: u64,
    threads: usize,
) -> std::io::Result<(Vec<u8>, bool)> {
    let len = file.metadata().map_or(0, |m| m.len());
    let expected = len.min(limit);
    #[cfg(unix)]
    if expected >= PARALLEL_READ_MIN_BYTES
        && threads != 1
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
        && let Some(head) = read_in_halves(&file, expected as usize)?
    {
        // Whatever the file holds beyond the length it had (it grew meanwhile) is read on as
        // one stream would, so that the limit and the truncation flag mean the same.
        let mut file = file;
        std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(expected))?;
        return read_limited_into(head, file, limit);
    }
    // Elsewhere a file is read as one stream, whatever `threads` allows.
    #[cfg(not(unix))]
    let _ = threads;
    // One more byte than the limit tells a file at the limit from a larger one.
    let room = usize::try_from(expected.saturating_add(1)).unwrap_or(0);
    read_limited_into(Vec::with_capacity(room), file, limit)
}

/// The first `len` bytes of `file`, read as two halves on two threads; `None` when the file
/// is shorter than that (it shrank since its length was taken).
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, len: usize) -> std::io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    // Zeroed memory fresh from the system: no page of it is touched before the kernel writes
    // the file into it, on the thread reading that half.
    let mut bytes = vec![0u8; len];
    let half = len / 2;
    let (first, second) = bytes.split_at_mut(half);
    let (mine, other) = std::thread::scope(|s| {
        let other = s.spawn(|| file.read_exact_at(second, half as u64));
        (file.read_exact_at(first, 0), other.join())
    });
    let other = other.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    match (mine, other) {
        (Ok(()), Ok(())) => Ok(Some(bytes)),
        (Err(e), _) | (_, Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Reads on from `reader` after the `bytes` already read, until `limit` bytes in all, and one
/// more to tell whether there was more.
fn read_limited_into(
    mut bytes: Vec<u8>,
    mut reader: impl Read,
    limit: u64,
) -> std::io::Result<(Vec<u8>, bool)> {
    let left = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader.by_ref().take(left).read_to_end(&mut bytes)?;
    let truncated = bytes.len() as u64 > limit;
    if truncated {
        bytes.truncate(limit as usize);
    }
    Ok((bytes, truncated))
}

/// Opens `path` for reading only if it is a regular file, so a FIFO or a device named on the
/// command line (or by an include) cannot hang or flood the checker.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let file = std::fs::File::open(path)?;
    // Check the opened file too: the path may have been swapped since the first look.
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// Admits includes that, once canonicalised, lie inside one directory.
pub struct IncludeDir {
    allowed: PathBuf,
    max_file_size: u64,
    encoding: Option<crate::source::Encoding>,
    /// Canonical path of every file read, by id, for loop detection.
    paths: Vec<(FileId, PathBuf)>,
    /// The path each file is shown under, by id: the top-level file as the user named it, an
    /// included file joined to the directory of the file that includes it, so that
    /// `zones/a.zone` including `part.zone` reports `zones/part.zone`, a path the user (and a
    /// SARIF or GitHub annotation) can open.
    shown: Vec<(FileId, PathBuf)>,
}

impl IncludeDir {
    pub fn new(
        allowed: &Path,
        max_file_size: u64,
        encoding: Option<crate::source::Encoding>,
    ) -> std::io::Result<Self> {
        Ok(IncludeDir {
            allowed: allowed.canonicalize()?,
            max_file_size,
            encoding,
            paths: Vec::new(),
            shown: Vec::new(),
        })
    }

    /// Registers the top-level file, so that an include of it is seen as a loop.
    pub fn register(&mut self, file: FileId, path: &Path) {
        if let Ok(canonical) = path.canonicalize() {
            self.paths.push((file, canonical));
        }
        self.shown.push((file, path.to_path_buf()));
    }

    /// The path an included file is shown under: relative to the including file's directory as
    /// shown, which is where the include was resolved from.
    fn shown_path(&self, from: FileId, path: &str) -> String {
        let included = Path::new(path);
        if included.is_absolute() {
            return path.to_owned();
        }
        self.shown
            .iter()
            .find(|(id, _)| *id == from)
            .and_then(|(_, p)| p.parent())
            .map_or_else(
                || path.to_owned(),
                |dir| dir.join(included).display().to_string(),
            )
    }
}

impl IncludeLoader for IncludeDir {
    fn load(
        &mut self,
        sources: &mut Sources,
        from: FileId,
        chain: &[FileId],
        path: &str,
    ) -> Result<FileId, IncludeError> {
        // Relative paths are relative to the including file, as people expect when they keep a
        // zone and its parts together.
        let base = self
            .paths
            .iter()
            .find(|(id, _)| *id == from)
            .and_then(|(_, p)| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| self.allowed.clone());
        let joined = base.join(path);
        let canonical = joined
            .canonicalize()
            .map_err(|e| IncludeError::Unreadable(e.to_string()))?;
        if !canonical.starts_with(&self.allowed) {
            return Err(IncludeError::OutsideAllowed {
                resolved: canonical.display().to_string(),
                allowed: self.allowed.display().to_string(),
            });
        }
        if self
            .paths
            .iter()
            .any(|(id, p)| *p == canonical && chain.contains(id))
        {
            return Err(IncludeError::Loop);
        }
        let file = open_regular(&canonical).map_err(|e| IncludeError::Unreadable(e.to_string()))?;
        let (bytes, truncated) = read_file_limited(file, self.max_file_size)
            .map_err(|e| IncludeError::Unreadable(e.to_string()))?;
        if truncated {
            return Err(IncludeError::Unreadable(format!(
                "larger than {} bytes",
                self.max_file_size
            )));
        }
        let decoded = crate::source::decode(&bytes, self.encoding);
        let shown = self.shown_path(from, path);
        let id = sources.add(SourceFile::new(shown.clone(), decoded));
        self.paths.push((id, canonical));
        self.shown.push((id, PathBuf::from(shown)));
        Ok(id)
    }
}

/// How a file's name says it should be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ByName {
    /// A zone file or a record table by name: checked whatever it holds.
    Yes,
    /// Named like BIND's `db.example.jp` but with the extension of a program or a document
    /// (`db.py`, `db.json`): checked only if its content looks like a zone.
    Unlikely,
    /// Any other name: checked only if its content looks like a zone.
    No,
}

/// Extensions that make a `db.*` name a program, a document or data rather than BIND's
/// `db.<zone>`. `db.local`, `db.127` and `db.example.jp` stay zone files.
pub const NOT_ZONE_EXTENSIONS: &[&str] = &[
    "bak", "c", "cfg", "conf", "cpp", "cs", "css", "go", "h", "html", "ini", "java", "js", "json",
    "kt", "lock", "log", "md", "php", "pl", "py", "rb", "rs", "sh", "sql", "sqlite", "sqlite3",
    "swift", "toml", "ts", "txt", "xml", "yaml", "yml",
];

fn by_name(path: &Path) -> ByName {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let by_extension = [".zone", ".db", ".csv", ".tsv", ".xlsx", ".xls"]
        .iter()
        .any(|ext| name.len() > ext.len() && name.ends_with(ext));
    if by_extension {
        return ByName::Yes;
    }
    match name.strip_prefix("db.") {
        Some(rest) if !rest.is_empty() => {
            let ext = rest.rsplit('.').next().unwrap_or(rest);
            if NOT_ZONE_EXTENSIONS.contains(&ext) {
                ByName::Unlikely
            } else {
                ByName::Yes
            }
        }
        _ => ByName::No,
    }
}

/// Whether a file's first bytes say it is a zone: its first line that is not blank or a comment
/// is `$ORIGIN`, `$TTL` or an SOA record. The head is decoded like any input, so a UTF-16 or
/// Shift_JIS zone with a BOM or Japanese comments is recognised too.
pub fn starts_like_zone(head: &[u8]) -> bool {
    let decoded = crate::source::decode(head, None);
    decoded
        .text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'))
        .find(|l| !l.is_empty() && !l.starts_with(';'))
        .is_some_and(|l| {
            let upper = l.to_ascii_uppercase();
            upper.starts_with("$ORIGIN")
                || upper.starts_with("$TTL")
                || upper.split_whitespace().take(4).any(|w| w == "SOA")
        })
}

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// Whether a file found in a directory walk should be checked; `Err` when it is named like a
/// zone but must not be read as one.
fn wanted(path: &Path) -> Result<bool, SkipReason> {
    let name = by_name(path);
    let Ok(file) = open_regular(path) else {
        return match name {
            ByName::Yes => Err(SkipReason::NotRegularFile),
            _ => Ok(false),
        };
    };
    let head = read_limited(file, 4096).map(|(h, _)| h).unwrap_or_default();
    if head.starts_with(SQLITE_MAGIC) {
        // `*.db` and `db.sqlite3` are also what SQLite databases are called.
        return match name {
            ByName::Yes => Err(SkipReason::Database),
            _ => Ok(false),
        };
    }
    Ok(name == ByName::Yes || starts_like_zone(&head))
}

/// Whether a file in a directory walk looks like something to check: zone files by name
/// (`*.zone`, `*.db`, `db.*`), record tables and workbooks (`*.csv`, `*.tsv`, `*.xlsx`, `*.xls`),
/// or any file whose first meaningful line is `$ORIGIN`, `$TTL` or an SOA.
pub fn looks_like_zone(path: &Path) -> bool {
    wanted(path).unwrap_or(false)
}

/// What a directory walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to check, sorted.
    pub files: Vec<PathBuf>,
    /// Files named like zones that were not read, and why.
    pub skipped: Vec<Skipped>,
    /// Directories that could not be read: files under them were not checked.
    pub errors: Vec<RunError>,
}

/// Files to check under `dir`, in a stable (sorted) order.
///
/// Like git and ripgrep: `.gitignore` (in or out of a git repository), `.git/info/exclude`, the
/// global git excludes and `.ignore` files are honoured, hidden files and directories are
/// skipped, and symbolic links are not followed. A link to a regular file inside `dir` is
/// checked under the link's name; a link that leads outside `dir` is skipped and reported, so a
/// checked-in link cannot make zonegate read `/etc/shadow` into a CI log.
pub fn walk(dir: &Path) -> Walk {
    let mut out = Walk::default();
    let root = match dir.canonicalize() {
        Ok(root) => root,
        Err(e) => {
            out.errors.push(RunError {
                path: dir.display().to_string(),
                message: e.to_string(),
            });
            return out;
        }
    };
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .parents(true)
        .ignore(true)
        .git_ignore(true)
        .git_global(true)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        // `zonegate check --format junit . > report.xml` must not read its own report.
        .skip_stdout(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        // A malformed `.gitignore` line (`entry.error()`) is skipped, as git skips it.
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.errors.push(walk_error(dir, &e));
                continue;
            }
        };
        let path = entry.path();
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            if !symlink_inside(path, &root) {
                // Only a link that would have been checked is worth a notice.
                if by_name(path) == ByName::Yes {
                    out.skipped.push(Skipped {
                        path: path.display().to_string(),
                        reason: SkipReason::SymlinkNotFollowed,
                    });
                }
                continue;
            }
        } else if !kind.is_file() {
            if by_name(path) == ByName::Yes {
                out.skipped.push(Skipped {
                    path: path.display().to_string(),
                    reason: SkipReason::NotRegularFile,
                });
            }
            continue;
        }
        match wanted(path) {
            Ok(true) => out.files.push(path.to_path_buf()),
            Ok(false) => {}
            Err(reason) => out.skipped.push(Skipped {
                path: path.display().to_string(),
                reason,
            }),
        }
    }
    out.files.sort();
    out.files.dedup();
    out
}

/// Whether a symbolic link leads to a regular file inside `root` (canonical).
fn symlink_inside(link: &Path, root: &Path) -> bool {
    link.canonicalize()
        .is_ok_and(|target| target.starts_with(root) && target.is_file())
}

fn walk_error(dir: &Path, e: &ignore::Error) -> RunError {
    fn path_of(e: &ignore::Error) -> Option<&Path> {
        match e {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    let message = match e.io_error() {
        Some(io) => io.to_string(),
        None => e.to_string(),
    };
    RunError {
        path: path_of(e).unwrap_or(dir).display().to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `len` bytes that differ from place to place, so that a half read into the
    /// wrong place shows.
    fn patterned_file(len: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let bytes: Vec<u8> = (0..len)
            .map(|i| (i % 251) as u8 ^ (i >> 16) as u8)
            .collect();
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, &bytes).unwrap();
        (file, bytes)
    }

    #[test]
    fn a_large_file_read_in_halves_is_the_file_within_the_limit() {
        let len = PARALLEL_READ_MIN_BYTES as usize + 12_345;
        let (file, bytes) = patterned_file(len);
        let open = || std::fs::File::open(file.path()).unwrap();
        for threads in [0, 1, 2] {
            for (limit, truncated) in [
                (u64::MAX, false),
                (len as u64, false),
                (len as u64 - 1, true),
                (PARALLEL_READ_MIN_BYTES, true),
                (1000, true),
            ] {
                let (read, cut) = read_file_limited_on(open(), limit, threads).unwrap();
                let want = &bytes[..len.min(limit as usize)];
                assert!(read == want, "threads {threads}, limit {limit}");
                assert_eq!(cut, truncated, "threads {threads}, limit {limit}");
            }
        }
    }

    #[test]
    fn halves_are_not_taken_from_a_file_shorter_than_its_length_said() {
        let (file, bytes) = patterned_file(100_000);
        let file = std::fs::File::open(file.path()).unwrap();
        assert_eq!(read_in_halves(&file, 100_000).unwrap(), Some(bytes));
        // It shrank after its length was taken: the caller reads it again as one stream.
        assert_eq!(read_in_halves(&file, 100_001).unwrap(), None);
    }

    #[test]
    fn names_that_are_zones_and_names_that_are_not() {
        for name in [
            "example.jp.zone",
            "EXAMPLE.DB",
            "db.example.jp",
            "db.local",
            "db.127",
            "table.csv",
            "table.TSV",
            "book.xlsx",
            "book.xls",
        ] {
            assert_eq!(by_name(Path::new(name)), ByName::Yes, "{name}");
        }
        for name in ["db.py", "db.json", "db.sqlite3", "db.example.jp.py"] {
            assert_eq!(by_name(Path::new(name)), ByName::Unlikely, "{name}");
        }
        for name in ["README.md", "db.", ".zone", "zone", "named.conf"] {
            assert_eq!(by_name(Path::new(name)), ByName::No, "{name}");
        }
    }

    #[test]
    fn content_that_starts_like_a_zone() {
        assert!(starts_like_zone(b"; comment\n\n$ORIGIN example.jp.\n"));
        assert!(starts_like_zone(b"$ttl 3600\n"));
        assert!(starts_like_zone(b"@ 3600 IN SOA ns1 host 1 2 3 4 5\n"));
        assert!(starts_like_zone(b"\xEF\xBB\xBF$TTL 1h\n"));
        // UTF-16 with a BOM, as Windows Notepad saves "Unicode".
        let utf16: Vec<u8> = "\u{FEFF}$ORIGIN example.jp.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(starts_like_zone(&utf16));
        assert!(!starts_like_zone(b"# README\n$ORIGIN is explained below\n"));
        assert!(!starts_like_zone(
            b"www IN A 192.0.2.1\n@ IN SOA ns1 host 1 2 3 4 5\n"
        ));
        assert!(!starts_like_zone(b""));
    }
}
