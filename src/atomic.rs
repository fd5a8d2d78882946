//! Output files and folders are written whole: into a temporary file (or folder) beside
//! the target, then renamed into place, so readers never see half a file and an
//! interrupted run leaves none. Every writer of the library goes through here.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Fills `path` through `fill`, which writes a temporary file beside it (the path it is
/// given), then renames it into place; the temporary file is removed on failure.
///
/// A symbolic link is followed: the file it names is replaced, never the link (so
/// `--out /dev/stdout` redirected to a file replaces that file). A target that exists
/// and is not a regular file — a pipe, a terminal, `/dev/null` — is written directly:
/// there is nothing to rename over, and renaming over a device would replace it.
pub fn replace_file(path: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let fail = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => return fill(path),
        _ => {}
    }
    let resolved = follow_links(path);
    let path = resolved.as_path();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| fail(std::io::Error::other("the path has no file name")))?;
    let temp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = fill(&temp).and_then(|()| std::fs::rename(&temp, path).map_err(fail));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The file a chain of symbolic links ends at (itself when `path` is not a link; the
/// link's target even when that does not exist yet).
fn follow_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    // A loop of links ends somewhere; the write then fails and says so.
    for _ in 0..32 {
        let Ok(next) = std::fs::read_link(&at) else {
            break;
        };
        at = match at.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
    }
    at
}

/// Writes `bytes` to `path` whole (synced before the rename).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_streamed(path, |file| file.write_all(bytes))
}

/// `write_file` for output made piece by piece: `fill` writes into the temporary file
/// (buffered), which then replaces `path`.
pub fn write_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    write_streamed_with(path, |file| {
        fill(file).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// `write_streamed` for a writer whose failures are the library's errors.
pub fn write_streamed_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    let io = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    replace_file(path, |temp| {
        let mut file = std::io::BufWriter::new(std::fs::File::create(temp).map_err(io)?);
        fill(&mut file)?;
        let file = file.into_inner().map_err(|e| io(e.into_error()))?;
        // A pipe or device (written directly, see `replace_file`) cannot be synced.
        match file.metadata() {
            Ok(meta) if meta.is_file() => file.sync_all().map_err(io),
            _ => Ok(()),
        }
    })
}

/// Whether a folder may be written at `out` (a name, not there yet unless `force`); its
/// name.
pub fn check_folder_target(out: &Path, force: bool) -> Result<String> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::NotAFolderName(out.to_path_buf()))?;
    if out.exists() && !force {
        return Err(Error::OutputExists(out.to_path_buf()));
    }
    Ok(name)
}

/// Fills a folder and moves it into place at `out` whole: `fill` writes into a temporary
/// folder beside it, which then replaces `out` (only when `force`), so a failed run leaves
/// no half folder and the old one stays until the new one is complete.
pub fn write_folder(out: &Path, force: bool, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let name = check_folder_target(out, force)?;
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(fail(&parent))?;
    let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir(&temp).map_err(fail(&temp))?;
    if let Err(e) = fill(&temp) {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(out, &old).map_err(fail(out))?;
    }
    if let Err(source) = std::fs::rename(&temp, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&temp);
        return Err(fail(out)(source));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
