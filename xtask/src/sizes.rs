//! The size of what a reader downloads: each wasm/js/css file raw, gzip and
//! brotli, with the wasm budget beside it.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// Release wasm budget, brotli-compressed (issue #2).
const WASM_BROTLI_BUDGET: usize = 200 * 1024;

pub fn report(dist: &Path) -> Result {
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm" || ext == "js" || ext == "css"))
        .collect();
    files.sort();
    println!("{:<44} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let mut total = [0usize; 3];
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let sizes = [bytes.len(), gzip(&bytes), brotli(&bytes)];
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<44} {:>10} {:>10} {:>10}", sizes[0], sizes[1], sizes[2]);
        for (sum, size) in total.iter_mut().zip(sizes) {
            *sum += size;
        }
        if path.extension().is_some_and(|ext| ext == "wasm") {
            let ratio = sizes[2] as f64 / WASM_BROTLI_BUDGET as f64;
            println!(
                "  wasm brotli: {:.1} KB = {:.2}× the {} KB budget",
                sizes[2] as f64 / 1024.0,
                ratio,
                WASM_BROTLI_BUDGET / 1024
            );
        }
    }
    println!("{:<44} {:>10} {:>10} {:>10}", "total", total[0], total[1], total[2]);
    Ok(())
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out.len()
}
