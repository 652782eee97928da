//! Byte offset to line number, computed once per file and only when something is rendered.

/// The byte offset at which each line starts. A line ends at `\n`, `\r\n` or a lone `\r`,
/// so files from classic Mac OS and Windows number their lines as their authors see them.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while let Some(pos) = memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(i as u32);
        }
        LineIndex { starts }
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset at which 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)] as usize
    }

    /// Byte range of 0-based `line`, without its terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&s| s as usize);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr2(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr2(a, b, hay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_of_every_kind() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.count(), 4);
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_of(2), 1);
        assert_eq!(idx.line_of(5), 2);
        assert_eq!(idx.line_of(7), 3);
        assert_eq!(&text[idx.line_range(text, 1)], "b");
        assert_eq!(&text[idx.line_range(text, 2)], "c");
    }
}
