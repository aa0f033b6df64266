//! The pixel work of one photo: decode no more pixels than the widest output
//! needs (a JPEG is scaled by 1/2, 1/4 or 1/8 inside its inverse DCT, as
//! libvips' shrink-on-load does), turn it upright, resize each width from the
//! one above it, and encode every width in every format on the cores that are
//! free (rayon: the encodes of one photo and those of the others share them).
//!
//! The encoder settings are chosen by measurement (`cargo xtask bench photo-settings`,
//! docs/benchmarks.md "Photos"): the fewest bytes and the least time that keep
//! every output's SSIMULACRA2 score at or above what the previous settings
//! gave.

use std::io::Cursor;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};
use rayon::prelude::*;

/// Refused above this: a decompression bomb, or a scan no reader needs.
pub const MAX_MEGAPIXELS: u64 = 50;

/// How each format is encoded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// 1–100 (jpeg-encoder's scale, libjpeg's tables), optimised Huffman tables.
    pub jpeg_quality: u8,
    /// Chroma at half resolution both ways (4:2:0) rather than full (4:4:4).
    pub jpeg_420: bool,
    pub jpeg_progressive: bool,
    /// 0–100 (libwebp).
    pub webp_quality: f32,
    /// libwebp's effort, 0 (fast) – 6 (small).
    pub webp_method: i32,
    /// rav1e's quantizer, 0 (lossless) – 255; 8-bit 4:2:0 like a camera's JPEG.
    pub avif_quantizer: u8,
    /// rav1e's speed preset, 0 (slow) – 10 (fast).
    pub avif_speed: u8,
}

impl Settings {
    /// What the press writes (chosen in docs/benchmarks.md, "Photos").
    pub const CHOSEN: Settings = Settings {
        jpeg_quality: 86,
        jpeg_420: true,
        jpeg_progressive: true,
        webp_quality: 78.0,
        webp_method: 6,
        avif_quantizer: 140,
        avif_speed: 8,
    };
}

/// The formats, in the order `<picture>` offers them.
pub const FORMATS: [&str; 3] = ["avif", "webp", "jpg"];

/// A photo's outputs, before they are named.
pub struct Made {
    /// The original's upright size.
    pub size: (u32, u32),
    /// Its widths, narrowest first ([`model::Photo::widths`]).
    pub widths: Vec<u32>,
    /// The average colour of the narrowest, `#rrggbb`.
    pub color: String,
    /// (width, extension, bytes) for each width and format.
    pub files: Vec<(u32, &'static str, Vec<u8>)>,
}

/// The widths written for an original `width` px wide (never upscaled).
pub fn widths(width: u32) -> Vec<u32> {
    model::Photo { base: String::new(), widest: widest(width), color: String::new() }.widths()
}

fn widest(width: u32) -> u32 {
    width.min(*model::PHOTO_WIDTHS.last().expect("widths"))
}

/// The height of `target` px wide at the original's upright proportions.
fn height_at(size: (u32, u32), target: u32) -> u32 {
    let (width, height) = size;
    ((u64::from(height) * u64::from(target) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// Decodes, checks, turns upright, resizes and encodes one photo.
pub fn make(bytes: &[u8], settings: &Settings) -> Result<Made, String> {
    make_in(bytes, settings, &FORMATS)
}

/// [`make`] in some of the [`FORMATS`] only (the benchmark's settings sweep).
pub fn make_in(bytes: &[u8], settings: &Settings, formats: &[&'static str]) -> Result<Made, String> {
    let (image, size) = decode(bytes)?;
    let widths = widths(size.0);
    // From the widest down, each from the one above: the sharpest source for
    // the least work.
    let mut resized: Vec<(u32, RgbImage)> = Vec::with_capacity(widths.len());
    let mut resizer = Resizer::new();
    for &target in widths.iter().rev() {
        let from = resized.last().map_or(&image, |(_, above)| above);
        let next = resize(&mut resizer, from, target, height_at(size, target))?;
        resized.push((target, next));
    }
    resized.reverse();
    let color = average(&resized[0].1);
    let jobs: Vec<(usize, &'static str)> =
        (0..resized.len()).flat_map(|i| formats.iter().map(move |&extension| (i, extension))).collect();
    // The largest encodes first, so the small ones fill the cores at the end.
    let mut files = jobs
        .into_par_iter()
        .rev()
        .map(|(i, extension)| {
            let (width, pixels) = &resized[i];
            encode(pixels, extension, settings).map(|data| (*width, extension, data))
        })
        .collect::<Result<Vec<_>, String>>()?;
    files.sort_by_key(|(width, extension, _)| (*width, FORMATS.iter().position(|e| e == extension)));
    Ok(Made { size, widths, color, files })
}

/// The upright pixels (a JPEG decoded at the smallest scale that still covers
/// the widest output) and the original's upright size.
pub fn decode(bytes: &[u8]) -> Result<(RgbImage, (u32, u32)), String> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    match reader.format() {
        Some(ImageFormat::Jpeg) => decode_jpeg(bytes),
        Some(ImageFormat::Png | ImageFormat::WebP) => {
            let mut decoder = reader.into_decoder().map_err(|e| format!("corrupt or truncated: {e}"))?;
            let (width, height) = decoder.dimensions();
            check_megapixels(width, height)?;
            let orientation = decoder.orientation().map_err(|e| format!("corrupt or truncated: {e}"))?;
            let mut image = DynamicImage::from_decoder(decoder).map_err(|e| format!("corrupt or truncated: {e}"))?;
            image.apply_orientation(orientation);
            let size = (image.width(), image.height());
            // Photos are opaque; a transparent PNG is laid on white.
            Ok((on_white(image), size))
        }
        Some(other) => Err(format!("unsupported format {other:?} (use JPEG, PNG or WebP)")),
        None => Err("not an image (its content is no JPEG, PNG or WebP)".into()),
    }
}

fn check_megapixels(width: u32, height: u32) -> Result<(), String> {
    let megapixels = u64::from(width) * u64::from(height) / 1_000_000;
    if megapixels > MAX_MEGAPIXELS {
        return Err(format!("{width}×{height} is {megapixels} megapixels, more than {MAX_MEGAPIXELS}"));
    }
    Ok(())
}

fn decode_jpeg(bytes: &[u8]) -> Result<(RgbImage, (u32, u32)), String> {
    // A cut-off file would decode with its missing rows grey rather than fail.
    if !bytes.iter().rposition(|b| *b != 0).is_some_and(|end| end >= 1 && bytes[end - 1..=end] == [0xff, 0xd9]) {
        return Err("corrupt or truncated: the JPEG stops before its end marker".into());
    }
    let corrupt = |e: jpeg_decoder::Error| format!("corrupt or truncated: {e}");
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(corrupt)?;
    let info = decoder.info().ok_or("corrupt or truncated: no frame header")?;
    let (stored_width, stored_height) = (u32::from(info.width), u32::from(info.height));
    check_megapixels(stored_width, stored_height)?;
    let orientation = decoder.exif_data().and_then(Orientation::from_exif_chunk).unwrap_or(Orientation::NoTransforms);
    let turned = matches!(
        orientation,
        Orientation::Rotate90 | Orientation::Rotate270 | Orientation::Rotate90FlipH | Orientation::Rotate270FlipH
    );
    let upright = if turned { (stored_height, stored_width) } else { (stored_width, stored_height) };
    // The scale that keeps at least the widest output's pixels.
    let target = widest(upright.0);
    let at_least = |side: u32| (u64::from(side) * u64::from(target)).div_ceil(u64::from(upright.0)) as u16;
    let (width, height) = decoder.scale(at_least(stored_width), at_least(stored_height)).map_err(corrupt)?;
    let pixels = decoder.decode().map_err(corrupt)?;
    let (width, height) = (u32::from(width), u32::from(height));
    let format = decoder.info().ok_or("corrupt or truncated: no frame header")?.pixel_format;
    let rgb: Vec<u8> = match format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels.chunks_exact(2).flat_map(|l| [l[0], l[0], l[0]]).collect(),
        // Ink amounts (jpeg-decoder undoes Adobe's inverted storage): the
        // paper's white less each ink and the black.
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let k = 255 - u16::from(p[3]);
                [0, 1, 2].map(|i| ((255 - u16::from(p[i])) * k / 255) as u8)
            })
            .collect(),
    };
    let image = RgbImage::from_raw(width, height, rgb).ok_or("corrupt or truncated: fewer pixels than its size")?;
    let mut image = DynamicImage::ImageRgb8(image);
    image.apply_orientation(orientation);
    Ok((image.into_rgb8(), upright))
}

fn resize(resizer: &mut Resizer, from: &RgbImage, width: u32, height: u32) -> Result<RgbImage, String> {
    if (from.width(), from.height()) == (width, height) {
        return Ok(from.clone());
    }
    let source =
        ImageRef::new(from.width(), from.height(), from.as_raw(), PixelType::U8x3).map_err(|e| e.to_string())?;
    let mut target = Image::new(width, height, PixelType::U8x3);
    resizer.resize(&source, &mut target, &ResizeOptions::new()).map_err(|e| e.to_string())?;
    RgbImage::from_raw(width, height, target.into_vec()).ok_or_else(|| "resize: wrong buffer size".into())
}

/// One width in one format.
pub fn encode(pixels: &RgbImage, extension: &str, settings: &Settings) -> Result<Vec<u8>, String> {
    let (width, height) = (pixels.width(), pixels.height());
    match extension {
        "jpg" => {
            let mut jpeg = Vec::new();
            let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, settings.jpeg_quality);
            encoder.set_sampling_factor(if settings.jpeg_420 {
                jpeg_encoder::SamplingFactor::R_4_2_0
            } else {
                jpeg_encoder::SamplingFactor::R_4_4_4
            });
            encoder.set_optimized_huffman_tables(true);
            encoder.set_progressive(settings.jpeg_progressive);
            encoder
                .encode(pixels.as_raw(), width as u16, height as u16, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| format!("JPEG: {e}"))?;
            Ok(jpeg)
        }
        "webp" => {
            let mut config = webp::WebPConfig::new().map_err(|()| "WebP: no encoder configuration")?;
            config.quality = settings.webp_quality;
            config.method = settings.webp_method;
            let encoded = webp::Encoder::from_rgb(pixels.as_raw(), width, height)
                .encode_advanced(&config)
                .map_err(|e| format!("WebP: {e:?}"))?;
            Ok(encoded.to_vec())
        }
        "avif" => avif(pixels, settings),
        other => Err(format!("no encoder for .{other}")),
    }
}

/// AV1 (rav1e) in an AVIF file (avif-serialize): 8-bit 4:2:0 YCbCr, full
/// range, BT.601, sRGB.
fn avif(pixels: &RgbImage, settings: &Settings) -> Result<Vec<u8>, String> {
    use rav1e::prelude::*;
    let (width, height) = (pixels.width() as usize, pixels.height() as usize);
    let mut encoder = EncoderConfig::with_speed_preset(settings.avif_speed);
    encoder.width = width;
    encoder.height = height;
    encoder.bit_depth = 8;
    encoder.chroma_sampling = ChromaSampling::Cs420;
    encoder.pixel_range = PixelRange::Full;
    encoder.color_description = Some(ColorDescription {
        color_primaries: ColorPrimaries::BT709,
        transfer_characteristics: TransferCharacteristics::SRGB,
        matrix_coefficients: MatrixCoefficients::BT601,
    });
    encoder.still_picture = true;
    encoder.quantizer = usize::from(settings.avif_quantizer);
    encoder.min_quantizer = settings.avif_quantizer;
    encoder.time_base = Rational::new(1, 1);
    encoder.tune = Tune::Psychovisual;
    // One tile compresses best; the photo's other encodes keep the cores busy.
    encoder.tiles = 1;
    let config = Config::new().with_encoder_config(encoder);
    let mut context: Context<u8> = config.new_context().map_err(|e| format!("AVIF: {e}"))?;
    let mut frame = context.new_frame();
    let (luma, blue, red) = ycbcr_420(pixels);
    let chroma_width = width.div_ceil(2);
    frame.planes[0].copy_from_raw_u8(&luma, width, 1);
    frame.planes[1].copy_from_raw_u8(&blue, chroma_width, 1);
    frame.planes[2].copy_from_raw_u8(&red, chroma_width, 1);
    context.send_frame(frame).map_err(|e| format!("AVIF: {e}"))?;
    context.flush();
    let mut av1 = Vec::new();
    loop {
        match context.receive_packet() {
            Ok(packet) => av1.extend_from_slice(&packet.data),
            Err(EncoderStatus::Encoded) => {}
            Err(EncoderStatus::LimitReached) => break,
            Err(e) => return Err(format!("AVIF: {e}")),
        }
    }
    Ok(avif_serialize::Aviffy::new()
        .set_chroma_subsampling((true, true))
        .matrix_coefficients(avif_serialize::constants::MatrixCoefficients::Bt601)
        .full_color_range(true)
        .to_vec(&av1, None, width as u32, height as u32, 8))
}

/// Full-range BT.601 luma at full size, chroma averaged over 2×2 pixels.
fn ycbcr_420(pixels: &RgbImage) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let (width, height) = (pixels.width() as usize, pixels.height() as usize);
    let rgb = pixels.as_raw();
    let at = |x: usize, y: usize| {
        let i = (y * width + x) * 3;
        [f32::from(rgb[i]), f32::from(rgb[i + 1]), f32::from(rgb[i + 2])]
    };
    let luma = rgb
        .chunks_exact(3)
        .map(|p| (0.299 * f32::from(p[0]) + 0.587 * f32::from(p[1]) + 0.114 * f32::from(p[2])).round() as u8)
        .collect();
    let (chroma_width, chroma_height) = (width.div_ceil(2), height.div_ceil(2));
    let mut blue = Vec::with_capacity(chroma_width * chroma_height);
    let mut red = Vec::with_capacity(chroma_width * chroma_height);
    for cy in 0..chroma_height {
        for cx in 0..chroma_width {
            let mut sum = [0.0f32; 3];
            let mut count = 0.0;
            for (x, y) in [(0, 0), (1, 0), (0, 1), (1, 1)].map(|(dx, dy)| (cx * 2 + dx, cy * 2 + dy)) {
                if x < width && y < height {
                    let p = at(x, y);
                    for c in 0..3 {
                        sum[c] += p[c];
                    }
                    count += 1.0;
                }
            }
            let [r, g, b] = sum.map(|s| s / count);
            let clamp = |v: f32| v.round().clamp(0.0, 255.0) as u8;
            blue.push(clamp(128.0 - 0.168_736 * r - 0.331_264 * g + 0.5 * b));
            red.push(clamp(128.0 + 0.5 * r - 0.418_688 * g - 0.081_312 * b));
        }
    }
    (luma, blue, red)
}

fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(p[3]) + 255 * (255 - u16::from(p[3]))) / 255) as u8;
        image::Rgb([over(p[0]), over(p[1]), over(p[2])])
    })
}

/// The average colour, as `#rrggbb`.
fn average(image: &RgbImage) -> String {
    let mut sum = [0u64; 3];
    for pixel in image.pixels() {
        for (total, channel) in sum.iter_mut().zip(pixel.0) {
            *total += u64::from(channel);
        }
    }
    let count = u64::from(image.width()) * u64::from(image.height());
    let [r, g, b] = sum.map(|total| total / count.max(1));
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A solid JPEG of `color` in `kind` (`Cmyk`: ink amounts, as prepress tools write).
    fn solid(kind: jpeg_encoder::ColorType, color: &[u8]) -> Vec<u8> {
        let pixels: Vec<u8> = color.iter().copied().cycle().take(color.len() * 64 * 48).collect();
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 95).encode(&pixels, 64, 48, kind).unwrap();
        jpeg
    }

    #[test]
    fn cmyk_and_greyscale_jpegs_keep_their_colours() {
        // Red ink-wise: no cyan, full magenta and yellow, no black.
        let (red, _) = decode(&solid(jpeg_encoder::ColorType::Cmyk, &[0, 255, 255, 0])).unwrap();
        let p = red.get_pixel(32, 24).0;
        assert!(p[0] > 240 && p[1] < 15 && p[2] < 15, "{p:?}");
        // A quarter black over white: light grey.
        let (grey, _) = decode(&solid(jpeg_encoder::ColorType::Cmyk, &[0, 0, 0, 64])).unwrap();
        let p = grey.get_pixel(32, 24).0;
        assert!(p.iter().all(|c| (185..=198).contains(c)), "{p:?}");
        let (luma, size) = decode(&solid(jpeg_encoder::ColorType::Luma, &[90])).unwrap();
        assert_eq!(size, (64, 48));
        let p = luma.get_pixel(32, 24).0;
        assert!(p.iter().all(|c| c.abs_diff(90) <= 2), "{p:?}");
    }
}
