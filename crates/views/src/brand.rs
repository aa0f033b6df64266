//! The office's link-preview picture (`/share.png`, 1200×630) as a drawing:
//! the emblem on the left, "Cổng thông tin điện tử" and the office's name
//! beside it, the site's address under them. The press lays the name out in
//! lines (it measures the font) and renders this SVG to PNG; the app never
//! draws it.

use leptos::prelude::*;

/// The picture's size, as Facebook and Zalo ask.
pub const SHARE_WIDTH: u32 = 1200;
pub const SHARE_HEIGHT: u32 = 630;
/// Where the text starts, right of the emblem, and how wide it may run.
pub const SHARE_TEXT_X: u32 = 420;
pub const SHARE_TEXT_WIDTH: u32 = SHARE_WIDTH - SHARE_TEXT_X - 60;
/// The font the press ships for it (DejaVu Sans: every Vietnamese letter).
pub const SHARE_FONT: &str = "DejaVu Sans";

/// `lines` are the office's name already broken to fit [`SHARE_TEXT_WIDTH`]
/// at `size` px; `emblem` is the href the renderer resolves to the emblem.
#[component]
pub fn SharePicture(
    emblem: &'static str,
    tagline: String,
    lines: Vec<String>,
    size: u32,
    address: Option<String>,
) -> impl IntoView {
    let line_height = size * 6 / 5;
    // The block of tagline + name centred on the emblem's middle (y = 315).
    let block = 48 + lines.len() as u32 * line_height;
    let top = (SHARE_HEIGHT - block) / 2;
    let name_lines = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let y = top + 48 + size + i as u32 * line_height;
            view! { <text x=SHARE_TEXT_X y=y font-size=size font-weight="bold" fill="#ffffff">{line}</text> }
        })
        .collect_view();
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            width=SHARE_WIDTH
            height=SHARE_HEIGHT
            viewBox=format!("0 0 {SHARE_WIDTH} {SHARE_HEIGHT}")
            font-family=SHARE_FONT
        >
            <rect width=SHARE_WIDTH height=SHARE_HEIGHT fill="#9f1c1c"/>
            <rect y=SHARE_HEIGHT - 18 width=SHARE_WIDTH height="18" fill="#ffd766"/>
            <image href=emblem x="80" y="165" width="300" height="300"/>
            <text x=SHARE_TEXT_X y=top + 34 font-size="34" fill="#ffd766">{tagline}</text>
            {name_lines}
            {address.map(|address| view! {
                <text x=SHARE_TEXT_X y=SHARE_HEIGHT - 56 font-size="28" fill="#f3e3c0">{address}</text>
            })}
        </svg>
    }
}
