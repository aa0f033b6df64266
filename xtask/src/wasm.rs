//! `cargo xtask bench wasm`: what the reader wasm is made of — the release
//! build through wasm-bindgen and wasm-opt as trunk ships it, but with its
//! names kept (`--keep-debug`, `-g`) — by crate, by function and by generic
//! function's copies (twiggy `top` and `monos`), so each change to the app
//! can say what it cost.
//! twiggy is a measuring tool, not the product's: it is installed here, into
//! `target/tools/twiggy`, the first time.

use std::collections::BTreeMap;
use std::path::Path;

use crate::setup::Tools;
use crate::{Result, run};

const TWIGGY_VERSION: &str = "0.8.0";

/// The crate a function belongs to, from its demangled name
/// (`<leptos::…>::f` → `leptos`, `<T as tachys::…>::f` → `tachys`,
/// `core[5930c85a]::…` → `core`); the wasm's data and tables have none.
fn crate_of(name: &str) -> String {
    let mut name = name;
    loop {
        let trimmed = name
            .trim_start_matches(['<', '&', '*', '('])
            .trim_start_matches("mut ")
            .trim_start_matches("dyn ")
            .trim_start_matches("impl ");
        if trimmed == name {
            break;
        }
        name = trimmed;
    }
    // A generic's impl of a trait: the trait's crate.
    if let Some((ty, rest)) = name.split_once(" as ")
        && ty.len() <= 2
    {
        return crate_of(rest);
    }
    if name.starts_with("data") || name.starts_with("elem[") || name.starts_with("table[") {
        return "(data, tables)".into();
    }
    match name.split_once("::") {
        Some((first, _)) => {
            let first = first.split('[').next().unwrap_or(first);
            if first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                first.to_string()
            } else {
                "(other)".into()
            }
        }
        None => "(other)".into(),
    }
}

/// The names and custom sections: in the measured file, not in the shipped one.
fn not_shipped(name: &str) -> bool {
    name.starts_with("custom section") || name.ends_with(" subsection")
}

fn twiggy(tools: &Tools, twiggy: &Path, args: &[&str], wasm: &Path) -> Result<String> {
    let output = tools.command(&twiggy.to_string_lossy()).args(args).arg(wasm).output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("twiggy {}: {}", args.join(" "), String::from_utf8_lossy(&output.stderr)));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The release wasm through wasm-bindgen and wasm-opt with the flags of
/// `index.html` (as trunk runs them), names kept: what ships, measurable.
fn shipped_with_names(tools: &Tools, root: &Path) -> Result<std::path::PathBuf> {
    let built = root.join("target/wasm32-unknown-unknown/release/portal.wasm");
    let out = root.join("target/bench-wasm");
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--keep-debug", "--out-dir"])
        .arg(&out)
        .arg(&built))?;
    let index = std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let attribute = |name: &str| {
        index
            .split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or(format!("index.html: no {name} on the rust link"))
    };
    let (level, params) = (attribute("data-wasm-opt")?, attribute("data-wasm-opt-params")?);
    let shipped = out.join("portal.wasm");
    run(tools
        .command("wasm-opt")
        .args([format!("-O{level}").as_str(), "-g"])
        .args(params.split_whitespace())
        .arg(out.join("portal_bg.wasm"))
        .arg("-o")
        .arg(&shipped))?;
    Ok(shipped)
}

pub fn bench(root: &Path) -> Result {
    let tools = Tools::ensure(root, false)?;
    let prefix = root.join("target/tools/twiggy");
    let twiggy_bin = prefix.join("bin/twiggy");
    let installed = tools.version_of(&twiggy_bin.to_string_lossy()).is_some_and(|v| v.contains(TWIGGY_VERSION));
    if !installed {
        run(tools
            .command("cargo")
            .args(["install", "twiggy", "--locked", "--version", TWIGGY_VERSION, "--root"])
            .arg(&prefix))?;
    }
    // The same build as trunk's (the profile and the rustflags of .cargo/config.toml).
    run(tools.command("cargo").current_dir(root).args([
        "build",
        "--quiet",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        "portal",
    ]))?;
    let wasm = shipped_with_names(&tools, root)?;
    let total = std::fs::metadata(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?.len();
    let items: serde_json::Value =
        serde_json::from_str(&twiggy(&tools, &twiggy_bin, &["top", "-n", "1000000", "-f", "json"], &wasm)?)
            .map_err(|e| format!("twiggy's JSON: {e}"))?;
    // The names are a section the shipped file does not keep: the shares
    // are of the code and data.
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    let mut kept = 0;
    for item in items.as_array().into_iter().flatten() {
        let (Some(name), Some(size)) = (item["name"].as_str(), item["shallow_size"].as_u64()) else { continue };
        if not_shipped(name) {
            continue;
        }
        kept += size;
        *by_crate.entry(crate_of(name)).or_default() += size;
    }
    let mut crates: Vec<(String, u64)> = by_crate.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    println!(
        "reader wasm as shipped, with its names: {} ({total} bytes, {kept} of code and data: \
         the shipped file without the names)",
        wasm.display()
    );
    println!("\nby crate (shallow bytes of code and data, share):");
    for (name, size) in crates.iter().take(20) {
        println!("  {name:<28} {size:>9} {:>6.1} %", *size as f64 * 100.0 / kept.max(1) as f64);
    }
    println!("\nlargest functions (twiggy top -n 25):");
    print!("{}", twiggy(&tools, &twiggy_bin, &["top", "-n", "25"], &wasm)?);
    println!("\ngeneric functions and their copies (twiggy monos -m 15 -n 3):");
    print!("{}", twiggy(&tools, &twiggy_bin, &["monos", "-m", "15", "-n", "3"], &wasm)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn functions_are_put_under_their_crate() {
        assert_eq!(crate_of("leptos_router::components::FlatRoutes"), "leptos_router");
        assert_eq!(crate_of("<leptos::tachys::view::AnyView as core::fmt::Debug>::fmt"), "leptos");
        assert_eq!(crate_of("&mut serde_json::de::Deserializer<R>"), "serde_json");
        assert_eq!(crate_of("data[12]"), "(data, tables)");
        assert_eq!(crate_of("<T as tachys::view::any_view::IntoAny>::into_any::rebuild"), "tachys");
        assert_eq!(crate_of("<core[c5930c85a12de822]::str::pattern::StrSearcher>::new"), "core");
        assert_eq!(crate_of("__wbindgen_malloc"), "(other)");
    }
}
