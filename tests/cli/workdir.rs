//! A fresh temporary folder per test, files written into it, and the binary run in it.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Workdir {
    dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Fails the test with both streams shown unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code {} (wanted {code})\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    /// `run` with environment variables set, the cache in the work folder and no
    /// COMTRADE_API_KEY unless `env` gives one.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tradestat"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("TRADESTAT_CACHE_DIR", self.path("cache"))
            .env_remove("COMTRADE_API_KEY");
        for (k, v) in env {
            command.env(k, v);
        }
        let out = command.output().expect("run tradestat");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs `tradestat ARGS` with the work folder as current directory.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_tradestat"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("run tradestat");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A file of the repository (bundled data, fixtures), as an absolute path string.
pub fn repo_file(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .display()
        .to_string()
}

pub const HEADER: &str = "reporter,partner,period,flow,commodity,value,unit,source,note\n";
