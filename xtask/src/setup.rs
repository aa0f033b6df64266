//! Installs what the commands need when it is missing, from the package
//! registries only (crates.io, npm, Debian), and never anything trunk would
//! otherwise try to download.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, run};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WORKER_BUILD_VERSION: &str = "0.8.7";
pub const BINARYEN_VERSION: &str = "132.0.0";
/// Checks the CI workflow files against the schemas it carries (GitHub's
/// workflows, GitLab CI), offline, from PyPI.
pub const CHECK_JSONSCHEMA_VERSION: &str = "0.39.0";
/// Where it is installed (a virtual environment of the machine's Python).
pub const CHECK_JSONSCHEMA: &str = "target/tools/check-jsonschema/bin/check-jsonschema";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The PATH under which the installed tools are found first.
pub struct Tools {
    path: OsString,
}

impl Tools {
    pub fn ensure(root: &Path, for_tests: bool) -> Result<Self> {
        let cargo_bin = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .ok_or("neither CARGO_HOME nor HOME is set")?
            .join("bin");
        let binaryen_bin = root.join("target/tools/binaryen/node_modules/.bin");
        let mut dirs = vec![binaryen_bin.clone(), cargo_bin];
        dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        let tools = Tools { path: std::env::join_paths(dirs).map_err(|e| e.to_string())? };

        tools.ensure_wasm_target()?;
        if !tools.version_of("trunk").is_some_and(|v| v.starts_with("trunk 0.21.")) {
            run(tools.command("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
        }
        let bindgen = wasm_bindgen_version(root)?;
        let wanted = format!("wasm-bindgen {bindgen}");
        if tools.version_of("wasm-bindgen").as_deref() != Some(wanted.as_str())
            || tools.version_of("wasm-bindgen-test-runner").is_none()
        {
            // Its lock file names a crate version the registry no longer
            // serves, so it cannot be installed with --locked.
            run(tools.command("cargo").args(["install", "wasm-bindgen-cli", "--version", &bindgen, "--force"]))?;
        }
        if !tools.version_of("wasm-opt").is_some_and(|v| v.contains("version 132")) {
            // Debian's binaryen (108) produces wasm that fails at run time.
            let prefix = root.join("target/tools/binaryen");
            std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
            run(tools
                .command("npm")
                .args(["install", "--no-audit", "--no-fund", "--no-save", "--prefix"])
                .arg(&prefix)
                .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
        }
        // rav1e (the press's AVIF encoder) assembles its fast paths with nasm.
        if tools.which("nasm").is_none() {
            run(Command::new("apt-get").arg("update"))?;
            run(Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends", "nasm"])
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
        }
        // The staff editor and its fonts, copied into dist/quan-tri/ by the build.
        if !root.join("editor/node_modules/@sveltia/cms/dist").exists() {
            run(tools.command("npm").current_dir(root.join("editor")).args([
                "ci",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
            ]))?;
        }
        if for_tests {
            if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
                run(Command::new("apt-get").arg("update"))?;
                run(Command::new("apt-get")
                    .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
                    .env("DEBIAN_FRONTEND", "noninteractive"))?;
            }
            // The Nu Html Checker runs on Java; the sitemaps are checked with xmllint.
            for (program, package) in [("java", "default-jre-headless"), ("xmllint", "libxml2-utils")] {
                if tools.which(program).is_none() {
                    run(Command::new("apt-get").arg("update"))?;
                    run(Command::new("apt-get")
                        .args(["install", "-y", "--no-install-recommends", package])
                        .env("DEBIAN_FRONTEND", "noninteractive"))?;
                }
            }
            if !tools.version_of("worker-build").is_some_and(|v| v.contains(WORKER_BUILD_VERSION)) {
                run(tools.command("cargo").args([
                    "install",
                    "worker-build",
                    "--version",
                    WORKER_BUILD_VERSION,
                    "--locked",
                ]))?;
            }
            let checker = root.join(CHECK_JSONSCHEMA);
            let wanted = format!("version {CHECK_JSONSCHEMA_VERSION}");
            if !tools.version_of(&checker.to_string_lossy()).is_some_and(|v| v.contains(&wanted)) {
                let venv = root.join("target/tools/check-jsonschema");
                run(tools.command("python3").args(["-m", "venv"]).arg(&venv))?;
                run(tools.command(&venv.join("bin/pip").to_string_lossy()).args([
                    "install",
                    "--quiet",
                    &format!("check-jsonschema=={CHECK_JSONSCHEMA_VERSION}"),
                ]))?;
            }
            for dir in ["tests/e2e", "crates/counter-worker"] {
                if !installed_as_locked(&root.join(dir)) {
                    run(tools.command("npm").current_dir(root.join(dir)).args(["ci", "--no-audit", "--no-fund"]))?;
                }
            }
        }
        Ok(tools)
    }

    /// A command that finds the installed tools first.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }

    /// Full path of a program as found on this PATH.
    pub fn which(&self, program: &str) -> Option<PathBuf> {
        std::env::split_paths(&self.path).map(|dir| dir.join(program)).find(|path| path.is_file())
    }

    pub fn version_of(&self, program: &str) -> Option<String> {
        let output = self.command(program).arg("--version").output().ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    fn ensure_wasm_target(&self) -> Result {
        let output = self
            .command("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map_err(|e| format!("cannot run rustup: {e}"))?;
        if !String::from_utf8_lossy(&output.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
            run(self.command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        }
        Ok(())
    }
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    Err("Cargo.lock names no wasm-bindgen package".into())
}

/// Whether `dir/node_modules` holds what `dir/package-lock.json` locks: npm
/// writes `node_modules/.package-lock.json` on every install, so a lock
/// changed since (a version bumped) is newer than it.
fn installed_as_locked(dir: &Path) -> bool {
    let modified = |path: PathBuf| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    match (modified(dir.join("node_modules/.package-lock.json")), modified(dir.join("package-lock.json"))) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    }
}
