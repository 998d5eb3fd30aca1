//! Writing the user's files whole or not at all.
//!
//! Every file the app and the CLI write (documents, translations, cards,
//! packages, key files) goes through [`AtomicFile`]: the bytes go to a
//! temporary file beside the target, which is synced to disk and then renamed
//! over the target, and the folder is synced so the rename itself survives a
//! crash. Until the rename the target is untouched; after it the target is
//! the whole new file. A write that fails (full disk, an error while the
//! bytes are produced) removes the temporary file and leaves the target as it
//! was.

use std::fs::Permissions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;
use thiserror::Error;

/// A file that could not be written; the target, if it existed, is as it was.
#[derive(Debug, Error)]
#[error("{}: cannot write: {source}", path.display())]
pub struct WriteError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// Why it could not be.
    pub source: io::Error,
}

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Writes to `path` atomically what `produce` writes into the writer it is
/// given; an error from `produce` leaves `path` untouched.
pub fn write_atomically_with(path: &Path, produce: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    let mut file = AtomicFile::create(path)?;
    let mut out = io::BufWriter::new(&mut file);
    produce(&mut out).and_then(|()| out.flush()).map_err(|source| WriteError { path: path.to_path_buf(), source })?;
    drop(out);
    file.commit()
}

/// A file being written: a temporary file beside its target that takes the
/// target's name on [`AtomicFile::commit`]. Dropped without a commit, it
/// is removed and the target stays as it was.
pub struct AtomicFile {
    temp: NamedTempFile,
    path: PathBuf,
}

impl AtomicFile {
    /// Starts writing `path`. The new file gets the permissions of the file
    /// it replaces, or, for a new file, those of any file the user creates
    /// (subject to the umask).
    pub fn create(path: &Path) -> Result<AtomicFile, WriteError> {
        match std::fs::metadata(path) {
            Ok(meta) => {
                let file = AtomicFile::create_with(path, None)?;
                file.temp.as_file().set_permissions(meta.permissions()).map_err(|source| WriteError { path: path.to_path_buf(), source })?;
                Ok(file)
            }
            Err(_) => AtomicFile::create_with(path, new_file_permissions()),
        }
    }

    /// Starts writing `path` as a file only its owner can read (for secret
    /// keys).
    pub fn create_private(path: &Path) -> Result<AtomicFile, WriteError> {
        AtomicFile::create_with(path, None)
    }

    fn create_with(path: &Path, permissions: Option<Permissions>) -> Result<AtomicFile, WriteError> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        if let Some(permissions) = permissions {
            builder.permissions(permissions);
        }
        let temp = builder.tempfile_in(folder_of(path)).map_err(|source| WriteError { path: path.to_path_buf(), source })?;
        Ok(AtomicFile { temp, path: path.to_path_buf() })
    }

    /// The file this will become.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes what was written so far durable in the temporary file, before
    /// something else is recorded as done (the target is not yet replaced).
    pub fn sync(&mut self) -> Result<(), WriteError> {
        let error = |source| WriteError { path: self.path.clone(), source };
        self.temp.as_file_mut().flush().map_err(error)?;
        self.temp.as_file().sync_all().map_err(error)
    }

    /// Syncs the file, renames it over the target and syncs the folder.
    pub fn commit(mut self) -> Result<(), WriteError> {
        self.sync()?;
        let AtomicFile { temp, path } = self;
        temp.persist(&path).map_err(|e| WriteError { path: path.clone(), source: e.error })?;
        sync_folder(folder_of(&path)).map_err(|source| WriteError { path, source })
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.as_file_mut().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.as_file_mut().flush()
    }
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}

/// Makes a rename in `folder` durable (a folder cannot be synced on Windows,
/// where the rename is durable once it returns).
#[cfg(unix)]
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
pub fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that accepts `left` bytes and then fails as a full disk does.
    struct FailsAfter<'a> {
        inner: &'a mut dyn Write,
        left: usize,
    }

    impl Write for FailsAfter<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "No space left on device"));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            self.inner.write(&buf[..n])
        }

        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_original_byte_for_byte_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("request.json");
        let original: Vec<u8> = (0..9_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &original).unwrap();
        let new = vec![b'x'; 16_384];
        for fail_after in [0, 1, 4_096, 16_383] {
            let err = write_atomically_with(&path, |out| FailsAfter { inner: out, left: fail_after }.write_all(&new)).unwrap_err();
            assert_eq!(err.source.kind(), io::ErrorKind::StorageFull);
            assert_eq!(err.to_string(), format!("{}: cannot write: No space left on device", path.display()));
            assert_eq!(std::fs::read(&path).unwrap(), original, "failing after {fail_after} bytes");
            assert_eq!(names(dir.path()), ["request.json"], "failing after {fail_after} bytes");
        }
    }

    #[test]
    fn a_write_replaces_the_whole_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        std::fs::write(&path, vec![b'o'; 50_000]).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, b"short").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"short");
        assert_eq!(names(dir.path()), ["out.pdf"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_as_any_file_the_user_creates_and_a_private_one_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("card.mlacard");
        std::fs::write(dir.path().join("reference"), b"r").unwrap();
        write_atomically(&plain, b"card").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&plain), mode(&dir.path().join("reference")));
        let secret = dir.path().join("key.age");
        let mut file = AtomicFile::create_private(&secret).unwrap();
        file.write_all(b"secret").unwrap();
        file.commit().unwrap();
        assert_eq!(mode(&secret), 0o600);
    }

    #[test]
    fn a_file_in_a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no such folder").join("out.pdf");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(err.to_string().starts_with(&format!("{}: cannot write: ", path.display())), "{err}");
    }
}
