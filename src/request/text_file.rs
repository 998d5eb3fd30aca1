//! Reading a file the user names (a request, a translation, a card, an
//! annex):
//! refused from its size on disk before any of it is read, and read through
//! a bound, so that a file growing meanwhile, or a pipe, cannot exceed it.

use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// Why a text file was not read. The caller names the file.
#[derive(Debug, Error)]
pub enum TextFileError {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than its limit; nothing of it was kept.
    #[error("the file is {size} bytes, more than the {limit} bytes allowed")]
    TooLarge {
        /// Its size in bytes (at least, when it grew while being read).
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
}

/// The UTF-8 text of the file at `path`, of at most `limit` bytes.
pub fn read_text_file(path: &Path, limit: u64) -> Result<String, TextFileError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes).map_err(|e| TextFileError::NotUtf8 { offset: e.utf8_error().valid_up_to() })
}

/// The bytes of the file at `path`, of at most `limit` bytes (an annex
/// file, or the text of [`read_text_file`]); never [`TextFileError::NotUtf8`].
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, TextFileError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(TextFileError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(TextFileError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_at_the_limit_is_read_one_byte_over_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "{}\n").unwrap();
        assert_eq!(read_text_file(&path, 3).unwrap(), "{}\n");
        assert!(matches!(read_text_file(&path, 2), Err(TextFileError::TooLarge { size: 3, limit: 2 })));
    }

    #[test]
    fn a_pipe_is_read_only_up_to_the_limit() {
        // A FIFO reports a size of 0: only the bounded read refuses it.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
                // The reader stops after limit + 1 bytes; the rest fails to write.
                let _ = pipe.write_all(&vec![b'x'; 1 << 20]);
            })
        };
        let e = read_text_file(&fifo, 1000).unwrap_err();
        assert!(matches!(e, TextFileError::TooLarge { size: 1001, limit: 1000 }), "{e:?}");
        writer.join().unwrap();
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, [b'{', 0xff]).unwrap();
        assert!(matches!(read_text_file(&path, 10), Err(TextFileError::NotUtf8 { offset: 1 })));
        assert!(matches!(read_text_file(&dir.path().join("missing"), 10), Err(TextFileError::Io(_))));
    }
}
