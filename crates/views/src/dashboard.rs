//! "Số liệu" (`/quan-tri/so-lieu/`): the staff's dashboard of what readers did
//! and said. Only the press draws it; its script (`so-lieu.js`) fetches the
//! function's `/v1/staff/…` figures with the staff token and fills the slots
//! below: an element's `data-o="key"` gets the figure's text, `data-href`
//! its link, `data-w` a bar's width. Rows are cloned from the `<template>`s
//! here, so every piece of markup stays in this file.

use leptos::prelude::*;
use model::stats::RATING_LABELS;

/// What the page needs from the press.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub office: String,
    /// The function's base URL (`site.json`'s `counter_endpoint`).
    pub endpoint: String,
    /// The page's own policy, repeated in a `<meta>` for hosts that send no headers.
    pub csp: String,
    /// Whether the portal takes comments on drafts or questions.
    pub submissions: bool,
    /// Files beside the page.
    pub script: &'static str,
    pub chart_script: &'static str,
    pub chart_style: &'static str,
    pub style: &'static str,
}

#[component]
pub fn DashboardPage(page: Dashboard) -> impl IntoView {
    let Dashboard { office, endpoint, csp, submissions, script, chart_script, chart_style, style } = page;
    view! {
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex, nofollow"/>
                <meta http-equiv="Content-Security-Policy" content=csp/>
                <title>{format!("Số liệu · {office}")}</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=chart_style/>
                <link rel="stylesheet" href=style/>
                <script src=chart_script defer></script>
                <script src=script defer></script>
            </head>
            <body data-endpoint=endpoint data-theme-key=crate::theme::STORAGE_KEY>
                <header class="staff-header">
                    <a class="staff-brand" href="/">
                        <img src="/emblem.svg" alt="" width="44" height="44"/>
                        <span>{office.clone()}</span>
                    </a>
                    <nav aria-label="Quản trị">
                        <a href="/quan-tri/">"Quản trị nội dung"</a>
                        <a href="/quan-tri/so-lieu/" aria-current="page">"Số liệu"</a>
                    </nav>
                </header>
                <main id="noi-dung">
                    <h1>"Số liệu truy cập và đánh giá"</h1>
                    <noscript>
                        <p class="alert">"Trang số liệu cần bật JavaScript."</p>
                    </noscript>
                    <p id="loi" class="alert" role="alert" hidden></p>
                    <SignIn/>
                    <div id="so-lieu" hidden>
                        <div class="toolbar">
                            <p data-o="signed-in">"Đã đăng nhập bằng mã truy cập của cán bộ."</p>
                            <button type="button" id="dang-xuat">"Đăng xuất"</button>
                        </div>
                        <Traffic/>
                        <TopPages/>
                        <Satisfaction/>
                        {submissions.then(|| view! { <Submissions/> })}
                        <MonthlyReportControls/>
                    </div>
                </main>
                <MonthlyReport office/>
                <RowTemplates/>
                // Where a CSV made in memory is saved from.
                <a id="tai-xuong" hidden></a>
            </body>
        </html>
    }
}

#[component]
fn SignIn() -> impl IntoView {
    view! {
        // POST and the page's `form-action 'none'`: without the script the
        // token is never sent anywhere, nor put in an address.
        <form id="dang-nhap" class="sign-in" method="post">
            <h2>"Đăng nhập"</h2>
            <p>
                "Nhập mã truy cập của cán bộ do bộ phận công nghệ thông tin cấp. Mã chỉ được giữ trong thẻ \
                 trình duyệt này và mất khi đóng thẻ."
            </p>
            <label for="ma-truy-cap">"Mã truy cập"</label>
            <input id="ma-truy-cap" name="token" type="password" autocomplete="off" required/>
            <button type="submit">"Xem số liệu"</button>
        </form>
    }
}

/// A button that downloads one view as CSV (`data-csv` names the endpoint).
#[component]
fn CsvButton(report: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="csv" data-csv=report>
            {label}
        </button>
    }
}

#[component]
fn Total(label: &'static str, key: &'static str) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd class="figure" data-o=key></dd>
            <dd class="change" data-o=format!("{key}-change")></dd>
        </div>
    }
}

#[component]
fn Traffic() -> impl IntoView {
    view! {
        <section id="truy-cap" aria-labelledby="truy-cap-tieu-de">
            <h2 id="truy-cap-tieu-de">"Lượt truy cập theo ngày"</h2>
            <div class="controls">
                <label for="khoang">"Khoảng thời gian"</label>
                <select id="khoang">
                    <option value="30" selected>"30 ngày qua"</option>
                    <option value="90">"90 ngày qua"</option>
                    <option value="365">"365 ngày qua"</option>
                </select>
                <CsvButton report="stats" label="Tải CSV"/>
            </div>
            <dl class="totals">
                <Total label="Trong kỳ" key="visits"/>
                <Total label="Tuần này" key="week"/>
                <Total label="Tháng này" key="month"/>
                <Total label="Lượt xem trang trong kỳ" key="views"/>
            </dl>
            <figure class="chart">
                <div id="bieu-do-truy-cap" role="img" aria-label="Biểu đồ lượt truy cập và lượt xem theo ngày; số liệu ở bảng bên dưới"></div>
                <figcaption data-o="chart-caption"></figcaption>
            </figure>
            <DataTable id="bang-ngay" caption="Lượt truy cập và lượt xem theo ngày" columns=names(&["Ngày", "Lượt truy cập", "Lượt xem"])/>
        </section>
    }
}

#[component]
fn TopPages() -> impl IntoView {
    view! {
        <section id="doc-nhieu" aria-labelledby="doc-nhieu-tieu-de">
            <h2 id="doc-nhieu-tieu-de">"Trang được đọc nhiều"</h2>
            <div class="controls">
                <label for="trang-khoang">"Thời gian"</label>
                <select id="trang-khoang">
                    <option value="1">"Hôm nay"</option>
                    <option value="7" selected>"7 ngày qua"</option>
                    <option value="30">"30 ngày qua"</option>
                    <option value="thang">"Theo tháng"</option>
                </select>
                <label for="trang-thang" class="month-pick">"Tháng"</label>
                <input id="trang-thang" class="month-pick" type="month"/>
                <label for="trang-loai">"Loại trang"</label>
                <select id="trang-loai">
                    <option value="">"Tất cả"</option>
                    <option value="bai-viet">"Bài viết"</option>
                    <option value="van-ban">"Văn bản"</option>
                    <option value="trang">"Trang"</option>
                </select>
                <CsvButton report="pages" label="Tải CSV"/>
            </div>
            <p data-o="pages-summary"></p>
            <DataTable id="bang-trang" caption="Các trang có nhiều lượt xem nhất" columns=names(&["Hạng", "Trang", "Loại", "Lượt xem"])/>
        </section>
    }
}

/// The five levels' column names, "Rất không hài lòng (1)" to "Rất hài lòng (5)".
fn levels() -> Vec<String> {
    RATING_LABELS.iter().enumerate().map(|(i, label)| format!("{label} ({})", i + 1)).collect()
}

fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| name.to_string()).collect()
}

/// A table the script fills from a row template: caption, column headers, an empty body.
#[component]
fn Table(id: &'static str, caption: &'static str, columns: Vec<String>) -> impl IntoView {
    view! {
        <table id=id>
            <caption>{caption}</caption>
            <thead>
                <tr>{columns.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view()}</tr>
            </thead>
            <tbody></tbody>
        </table>
    }
}

/// A [`Table`] in a box that scrolls (and takes the keyboard's focus to scroll).
#[component]
fn DataTable(id: &'static str, caption: &'static str, columns: Vec<String>) -> impl IntoView {
    view! {
        <div class="table-box" tabindex="0">
            <Table id caption columns/>
        </div>
    }
}

#[component]
fn Satisfaction() -> impl IntoView {
    view! {
        <section id="hai-long" aria-labelledby="hai-long-tieu-de">
            <h2 id="hai-long-tieu-de">"Mức độ hài lòng"</h2>
            <div class="controls">
                <label for="danh-gia-thang">"Tháng"</label>
                <input id="danh-gia-thang" type="month"/>
                <CsvButton report="ratings" label="Tải CSV"/>
            </div>
            <p data-o="ratings-summary"></p>
            <figure class="stacked">
                <div id="bieu-do-hai-long" role="img" aria-label="Tỉ lệ từng mức hài lòng theo tháng; số liệu ở bảng bên dưới"></div>
                <figcaption class="legend">
                    {RATING_LABELS
                        .iter()
                        .enumerate()
                        .map(|(i, label)| {
                            view! {
                                <span class=format!("key s{}", i + 1)>{format!("{} – {label}", i + 1)}</span>
                            }
                        })
                        .collect_view()}
                </figcaption>
            </figure>
            <DataTable id="bang-thang" caption="Số lượt đánh giá từng mức theo tháng" columns=[names(&["Tháng", "Số lượt"]), levels(), names(&["Điểm trung bình"])].concat()/>
            <h3>"Theo trang"</h3>
            <DataTable id="bang-trang-danh-gia" caption="Đánh giá từng trang trong tháng" columns=names(&["Trang", "Số lượt", "Điểm trung bình"])/>
            <h3>"Ý kiến kèm đánh giá"</h3>
            <p data-o="comments-empty" hidden>"Chưa có ý kiến nào trong tháng."</p>
            <ol id="y-kien" class="rating-comments"></ol>
        </section>
    }
}

#[component]
fn Submissions() -> impl IntoView {
    view! {
        <section id="nguoi-dan" aria-labelledby="nguoi-dan-tieu-de">
            <h2 id="nguoi-dan-tieu-de">"Góp ý và câu hỏi của người dân"</h2>
            <h3>"Dự thảo đang lấy ý kiến"</h3>
            <DataTable id="bang-du-thao" caption="Số góp ý nhận được cho từng dự thảo đang mở" columns=names(&["Dự thảo", "Hạn góp ý", "Số góp ý"])/>
            <CsvButton report="comments" label="Tải CSV góp ý"/>
            <h3>"Câu hỏi chờ trả lời"</h3>
            <DataTable id="bang-cau-hoi" caption="Câu hỏi đã tiếp nhận, chưa có trả lời, cũ nhất trước" columns=names(&["Mã câu hỏi", "Lĩnh vực", "Ngày gửi", "Đã chờ"])/>
            <CsvButton report="questions" label="Tải CSV câu hỏi"/>
        </section>
    }
}

#[component]
fn MonthlyReportControls() -> impl IntoView {
    view! {
        <section id="bao-cao-thang" aria-labelledby="bao-cao-tieu-de">
            <h2 id="bao-cao-tieu-de">"Báo cáo tháng"</h2>
            <p>"Một trang để in hoặc lưu thành PDF gửi lãnh đạo: truy cập, trang đọc nhiều, mức độ hài lòng."</p>
            <div class="controls">
                <label for="bao-cao-chon">"Tháng"</label>
                <input id="bao-cao-chon" type="month"/>
                <button type="button" id="in-bao-cao">"In báo cáo tháng"</button>
            </div>
        </section>
    }
}

/// The one-page report, shown only in print (filled for the chosen month).
#[component]
fn MonthlyReport(office: String) -> impl IntoView {
    view! {
        <article id="bao-cao" class="print-report" aria-labelledby="bao-cao-ten">
            <header>
                <p class="office">{office}</p>
                <h1 id="bao-cao-ten" data-o="report-title">"Báo cáo số liệu tháng"</h1>
                <p data-o="report-made"></p>
            </header>
            <Table id="bao-cao-tong" caption="Số liệu chính" columns=names(&["Chỉ tiêu", "Số liệu"])/>
            <Table id="bao-cao-trang" caption="10 trang được đọc nhiều nhất" columns=names(&["Hạng", "Trang", "Lượt xem"])/>
        </article>
    }
}

/// A page in a table: its title linked, and its address under it when the
/// title is known (`trang.json`; otherwise the link shows the address).
#[component]
fn PageCell() -> impl IntoView {
    view! {
        <a data-o="title" data-href="href"></a>
        <span class="page-path" data-o="path"></span>
    }
}

/// The rows the script clones, one per table.
#[component]
fn RowTemplates() -> impl IntoView {
    view! {
        <template id="mau-ngay">
            <tr>
                <th scope="row" data-o="date"></th>
                <td data-o="visits"></td>
                <td data-o="views"></td>
            </tr>
        </template>
        <template id="mau-trang">
            <tr>
                <td data-o="rank"></td>
                <td>
                    <PageCell/>
                </td>
                <td data-o="kind"></td>
                <td data-o="views"></td>
            </tr>
        </template>
        <template id="mau-thang">
            <tr>
                <th scope="row" data-o="month"></th>
                <td data-o="count"></td>
                <td data-o="s1"></td>
                <td data-o="s2"></td>
                <td data-o="s3"></td>
                <td data-o="s4"></td>
                <td data-o="s5"></td>
                <td data-o="average"></td>
            </tr>
        </template>
        <template id="mau-cot">
            <div class="bar-row">
                <span class="bar-label" data-o="month"></span>
                <span class="bar">
                    <span class="s1" data-w="s1"></span>
                    <span class="s2" data-w="s2"></span>
                    <span class="s3" data-w="s3"></span>
                    <span class="s4" data-w="s4"></span>
                    <span class="s5" data-w="s5"></span>
                </span>
                <span class="bar-count" data-o="count"></span>
            </div>
        </template>
        <template id="mau-trang-danh-gia">
            <tr>
                <td>
                    <PageCell/>
                </td>
                <td data-o="count"></td>
                <td data-o="average"></td>
            </tr>
        </template>
        <template id="mau-y-kien">
            <li>
                <p class="comment-meta">
                    <span data-o="date"></span>
                    " · "
                    <span data-o="score"></span>
                    " · "
                    <a data-o="title" data-href="href"></a>
                </p>
                <p class="comment-text" data-o="comment"></p>
            </li>
        </template>
        <template id="mau-du-thao">
            <tr>
                <td>
                    <PageCell/>
                </td>
                <td data-o="closes"></td>
                <td data-o="count"></td>
            </tr>
        </template>
        <template id="mau-cau-hoi">
            <tr>
                <td data-o="code"></td>
                <td data-o="topic"></td>
                <td data-o="date"></td>
                <td data-o="age"></td>
            </tr>
        </template>
        <template id="mau-chi-tieu">
            <tr>
                <th scope="row" data-o="label"></th>
                <td data-o="value"></td>
            </tr>
        </template>
        <template id="mau-bao-cao-trang">
            <tr>
                <td data-o="rank"></td>
                <td data-o="title"></td>
                <td data-o="views"></td>
            </tr>
        </template>
    }
}
