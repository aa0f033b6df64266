//! "Thông tin báo chí": the spokesperson, how to reach them, the office's
//! official channels and its press releases, newest first. Only the press
//! draws it (the app inserts it as a fragment), so it costs the wasm nothing.

use leptos::prelude::*;

use crate::documents::{Attachment, FileList};

/// The spokesperson as the page shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Spokesperson {
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    /// "09:00 05/10/2026": when these details last changed.
    pub updated: String,
}

/// One press release: its anchor on the page, date, title, summary and file.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    pub id: String,
    /// "20/11/2026".
    pub date: String,
    /// ISO "2026-11-20", for `<time datetime>`.
    pub iso: String,
    pub title: String,
    pub summary: String,
    pub file: Attachment,
}

/// The page's body: `about` is the office's own words (rendered Markdown:
/// how journalists ask for information), `channels` its official accounts
/// as (address, name).
#[component]
pub fn PressOffice(
    spokesperson: Spokesperson,
    channels: Vec<(String, String)>,
    about: String,
    releases: Vec<Release>,
) -> impl IntoView {
    let Spokesperson { name, title, phone, email, updated } = spokesperson;
    let phone_href = crate::layout::tel_href(&phone);
    let email_href = format!("mailto:{email}");
    let channels = (!channels.is_empty()).then(|| {
        view! {
            <section class="press-channels" aria-labelledby="kenh-chinh-thuc">
                <h2 id="kenh-chinh-thuc">"Kênh thông tin chính thức"</h2>
                <ul>
                    {channels
                        .into_iter()
                        .map(|(href, label)| view! { <li><a href=href rel="external">{label}</a></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let list = if releases.is_empty() {
        view! { <p>"Chưa có thông cáo báo chí."</p> }.into_any()
    } else {
        view! {
            <ol class="press-releases">
                {releases
                    .into_iter()
                    .map(|release| {
                        view! {
                            <li id=release.id>
                                <h3>{release.title}</h3>
                                <p class="press-release-date">
                                    "Ngày " <time datetime=release.iso>{release.date}</time>
                                </p>
                                <p>{release.summary}</p>
                                <FileList files=vec![release.file]/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="spokesperson" aria-labelledby="nguoi-phat-ngon">
            <h2 id="nguoi-phat-ngon">"Người phát ngôn"</h2>
            <table class="document-facts">
                <tbody>
                    <tr><th scope="row">"Họ và tên"</th><td>{name}</td></tr>
                    <tr><th scope="row">"Chức vụ"</th><td>{title}</td></tr>
                    <tr><th scope="row">"Điện thoại"</th><td><a href=phone_href>{phone}</a></td></tr>
                    <tr><th scope="row">"Thư điện tử"</th><td><a href=email_href>{email.clone()}</a></td></tr>
                </tbody>
            </table>
            <p class="week-revision">"Cập nhật lúc " {updated}</p>
        </section>
        {channels}
        <div class="press-about" inner_html=about></div>
        <section class="press-list" aria-labelledby="thong-cao-bao-chi">
            <h2 id="thong-cao-bao-chi">"Thông cáo báo chí"</h2>
            {list}
        </section>
    }
}
