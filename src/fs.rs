//! The file system, kept at the edge: reading inputs within limits, deciding which includes may
//! be read, and finding zone files in a directory. Nothing here writes.

use crate::source::{FileId, SourceFile, Sources};
use crate::zone::{IncludeError, IncludeLoader};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads at most `limit` bytes; the flag says whether there was more.
pub fn read_limited(mut reader: impl Read, limit: u64) -> std::io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
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
        })
    }

    /// Registers the top-level file, so that an include of it is seen as a loop.
    pub fn register(&mut self, file: FileId, path: &Path) {
        if let Ok(canonical) = path.canonicalize() {
            self.paths.push((file, canonical));
        }
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
        let (bytes, truncated) = read_limited(file, self.max_file_size)
            .map_err(|e| IncludeError::Unreadable(e.to_string()))?;
        if truncated {
            return Err(IncludeError::Unreadable(format!(
                "larger than {} bytes",
                self.max_file_size
            )));
        }
        let decoded = crate::source::decode(&bytes, self.encoding);
        let id = sources.add(SourceFile::new(path, decoded));
        self.paths.push((id, canonical));
        Ok(id)
    }
}

/// Whether a file in a directory walk looks like something to check: zone files by name
/// (`*.zone`, `*.db`, `db.*`), record tables (`*.csv`, `*.tsv`, `*.xlsx`, `*.xls`), or any file whose first meaningful line is a
/// directive or an SOA.
pub fn looks_like_zone(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name.ends_with(".zone")
        || name.ends_with(".db")
        || name.starts_with("db.")
        || name.ends_with(".csv")
        || name.ends_with(".tsv")
        || name.ends_with(".xlsx")
        || name.ends_with(".xls")
    {
        return true;
    }
    let Ok(file) = open_regular(path) else {
        return false;
    };
    let Ok((head, _)) = read_limited(file, 4096) else {
        return false;
    };
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with(';'))
        .is_some_and(|l| {
            let upper = l.to_ascii_uppercase();
            upper.starts_with("$ORIGIN")
                || upper.starts_with("$TTL")
                || upper.split_whitespace().take(4).any(|w| w == "SOA")
        })
}

/// Files to check under `dir`, in a stable (sorted) order. Hidden files and directories are
/// skipped.
pub fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&d)?.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && looks_like_zone(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
