//! A small file system of its own for a test's data folder: a tmpfs, to fill up or to make read-only.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::TestResult;

/// A data folder on a small tmpfs, unmounted when dropped.
pub struct SmallDisk {
    dir: tempfile::TempDir,
    mounted: bool,
}

impl SmallDisk {
    /// `None` where the machine does not allow mounting (not root, or a container without the right): the test
    /// says so and checks nothing there. CI runs as root on a VM, where it mounts.
    pub fn mount(size: &str) -> TestResult<Option<SmallDisk>> {
        let dir = tempfile::tempdir()?;
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()?;
        if !status.success() {
            eprintln!("SKIPPED: this machine does not allow mounting a small tmpfs (it needs root)");
            return Ok(None);
        }
        Ok(Some(SmallDisk { dir, mounted: true }))
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Makes the file system read-only, as a disk mounted read-only to save what it holds.
    pub fn make_read_only(&self) -> TestResult {
        let out = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "{} could not be made read-only: {}",
                self.path().display(),
                String::from_utf8_lossy(&out.stderr).trim()
            )
            .into());
        }
        Ok(())
    }

    /// Fills the disk with a file until the file system has no room left.
    pub fn fill(&self) -> TestResult<std::path::PathBuf> {
        use std::io::Write;
        let path = self.path().join("filler");
        let mut file = std::fs::File::create(&path)?;
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        Ok(path)
    }
}

impl SmallDisk {
    /// Unmounts the file system: first stops every process that still has a file or its working folder on it (the
    /// app's WebKit helpers can outlive its window by a moment), then unmounts, trying again for a few seconds while
    /// the kernel says it is busy. An error says what kept it mounted.
    pub fn unmount(&mut self) -> TestResult {
        if !self.mounted {
            return Ok(());
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            for pid in processes_using(self.dir.path()) {
                let signal = if Instant::now() + Duration::from_secs(5) > deadline {
                    "-KILL"
                } else {
                    "-TERM"
                };
                let _ = std::process::Command::new("kill")
                    .args([signal, &pid.to_string()])
                    .status();
            }
            let out = std::process::Command::new("umount")
                .arg(self.dir.path())
                .output()?;
            if out.status.success() {
                self.mounted = false;
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the small disk at {} stays mounted: {} (held by {:?})",
                    self.dir.path().display(),
                    String::from_utf8_lossy(&out.stderr).trim(),
                    processes_using(self.dir.path())
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Processes with their working folder or an open file below `dir`.
fn processes_using(dir: &Path) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let inside = |link: std::path::PathBuf| std::fs::read_link(link).is_ok_and(|p| p.starts_with(dir));
        let fds = std::fs::read_dir(entry.path().join("fd"))
            .into_iter()
            .flatten()
            .flatten();
        if inside(entry.path().join("cwd")) || fds.into_iter().any(|fd| inside(fd.path())) {
            found.push(pid);
        }
    }
    found
}

/// A test that fails part way still leaves no file system mounted.
impl Drop for SmallDisk {
    fn drop(&mut self) {
        if let Err(err) = self.unmount() {
            eprintln!("{err}");
        }
    }
}
