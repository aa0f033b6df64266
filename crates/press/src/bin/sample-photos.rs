//! Writes the sample content's camera photos (made up by `press::corpus::camera_jpeg`)
//! into content/media/: camera-sized JPEGs, some turned by their EXIF
//! orientation, some carrying a GPS position, as staff upload them.
//!
//! usage: sample-photos [CONTENT_DIR]

fn main() -> std::io::Result<()> {
    let content = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "content".into()));
    let media = content.join("media");
    std::fs::create_dir_all(&media)?;
    // (file, width, height as stored, seed, EXIF orientation, GPS)
    let photos: [(&str, u32, u32, u64, u16, Option<(f64, f64)>); 4] = [
        ("hoi-nghi-nong-thon-moi.jpg", 4000, 3000, 11, 1, Some((22.3364, 103.8438))),
        ("cau-treo-ban-ho.jpg", 4000, 3000, 23, 6, Some((22.2871, 103.9212))),
        ("vu-dong-ruong-bac-thang.jpg", 3264, 2448, 37, 1, None),
        ("gieo-ma-vu-dong.jpg", 4000, 3000, 53, 3, Some((22.4012, 103.7705))),
    ];
    for (name, width, height, seed, orientation, gps) in photos {
        let bytes = press::corpus::camera_jpeg(width, height, seed, orientation, gps);
        std::fs::write(media.join(name), &bytes)?;
        eprintln!("{name}: {width}×{height}, orientation {orientation}, {} bytes", bytes.len());
    }
    Ok(())
}
