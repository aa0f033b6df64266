//! "Dự thảo lấy ý kiến": the drafts the office asks the public to comment
//! on — the listing (open ones first with the days left, then those coming,
//! then the closed ones with their result) and one draft's page with its
//! files and, while it is open, the comment form. Drawn only by the press.

use leptos::prelude::*;

use crate::citizens::{Consent, Honeypot, NoFunction, Privacy};
use crate::documents::{Attachment, FileList};

/// Where a draft stands when the site is built.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// Not open yet: from when ("08:00 ngày 05/12/2026").
    Upcoming { opens: String },
    /// Open: what is left ("Còn 12 ngày", "Hạn cuối hôm nay").
    Open { left: String },
    /// Closed, and whether its result is published.
    Closed { result: bool },
}

/// A row of the listing.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsultationRow {
    pub href: String,
    pub title: String,
    pub number: Option<String>,
    pub agency: String,
    /// "08:00 20/11/2026 – 17:00 20/12/2026".
    pub window: String,
    pub standing: Standing,
}

#[component]
fn StandingBadge(standing: Standing) -> impl IntoView {
    let (class, text) = match standing {
        Standing::Upcoming { opens } => ("status status-sap-mo", format!("Bắt đầu lấy ý kiến từ {opens}")),
        Standing::Open { left } => ("status status-con-hieu-luc", format!("Đang lấy ý kiến · {left}")),
        Standing::Closed { result: true } => ("status status-het-hieu-luc", "Đã kết thúc · Có báo cáo tiếp thu".into()),
        Standing::Closed { result: false } => ("status status-het-hieu-luc", "Đã kết thúc lấy ý kiến".into()),
    };
    view! { <span class=class>{text}</span> }
}

#[component]
fn Rows(heading: &'static str, rows: Vec<ConsultationRow>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <section class="consultation-group">
                <h2>{heading}</h2>
                <ul class="consultations">
                    {rows
                        .into_iter()
                        .map(|row| {
                            let number = row.number.map(|n| view! { <span class="consultation-number">{n} " · "</span> });
                            view! {
                                <li>
                                    <a class="consultation-title" href=row.href>{row.title}</a>
                                    <p class="consultation-meta">{number} {row.agency} " · " {row.window}</p>
                                    <StandingBadge standing=row.standing/>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// `/du-thao`: open drafts first, then those coming, then the closed ones.
#[component]
pub fn ConsultationsListing(
    open: Vec<ConsultationRow>,
    upcoming: Vec<ConsultationRow>,
    closed: Vec<ConsultationRow>,
) -> impl IntoView {
    let none = (open.is_empty() && upcoming.is_empty() && closed.is_empty())
        .then(|| view! { <p>"Chưa có dự thảo nào được đưa lên lấy ý kiến."</p> });
    view! {
        <div class="consultations-listing">
            <p class="lead">
                "Các dự thảo văn bản cơ quan đưa lên để người dân, doanh nghiệp, cơ quan, tổ chức góp ý trước khi ban hành. Ý kiến được tổng hợp, tiếp thu, giải trình và công khai kết quả khi hết thời gian lấy ý kiến."
            </p>
            <Rows heading="Đang lấy ý kiến" rows=open/>
            <Rows heading="Sắp lấy ý kiến" rows=upcoming/>
            <Rows heading="Đã kết thúc lấy ý kiến" rows=closed/>
            {none}
        </div>
    }
}

/// What came of a closed consultation: the summary and the report
/// ("báo cáo tổng hợp, tiếp thu, giải trình").
#[derive(Clone, Debug, PartialEq)]
pub struct ConsultationResult {
    pub summary: String,
    pub report: Option<Attachment>,
}

/// The comment form of an open draft: posted to `action`
/// (`{counter_endpoint}/v1/comments`), or `None` without a function.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentForm {
    pub action: Option<String>,
    /// The draft's page path, sent with the comment.
    pub path: String,
    pub privacy: Privacy,
}

#[component]
fn CommentFields(form: CommentForm) -> impl IntoView {
    let CommentForm { action, path, privacy } = form;
    let Some(action) = action else {
        return view! { <NoFunction what="góp ý" email=privacy.email/> }.into_any();
    };
    view! {
        <form class="citizen-form" action=action method="post" accept-charset="utf-8">
            <input type="hidden" name="path" value=path/>
            <p class="form-hint">"Các ô có dấu * là bắt buộc."</p>
            <label for="gy-ten">"Họ và tên *"</label>
            <input id="gy-ten" name="name" type="text" required=true maxlength="100" autocomplete="name"/>
            <label for="gy-email">"Thư điện tử (để cơ quan liên hệ lại khi cần)"</label>
            <input id="gy-email" name="email" type="email" maxlength="200" autocomplete="email"/>
            <label for="gy-to-chuc">"Cơ quan, tổ chức (nếu góp ý thay mặt)"</label>
            <input id="gy-to-chuc" name="organisation" type="text" maxlength="200" autocomplete="organization"/>
            <label for="gy-noi-dung">"Nội dung góp ý * (tối đa 5.000 ký tự; ghi rõ điều, khoản được góp ý)"</label>
            <textarea id="gy-noi-dung" name="content" required=true maxlength="5000" rows="8"></textarea>
            <Honeypot/>
            <Consent
                privacy
                id="gy-dong-y"
                collected="họ tên, thư điện tử và cơ quan, tổ chức bạn nhập"
                purpose="tổng hợp, tiếp thu, giải trình ý kiến về dự thảo và liên hệ lại với bạn khi cần làm rõ"
            />
            <button class="button" type="submit">"Gửi góp ý"</button>
        </form>
    }
    .into_any()
}

/// One draft's page. With `form` (the draft is open) the comment form;
/// `sent` shows the thank-you the function's answer leads to
/// (`?da-gui=1#da-gui`): on the static page only when it is the target.
#[component]
pub fn ConsultationPage(
    standing: Standing,
    facts: Vec<(&'static str, String)>,
    summary: String,
    files: Vec<Attachment>,
    contact: String,
    result: Option<ConsultationResult>,
    form: Option<CommentForm>,
    sent: bool,
) -> impl IntoView {
    let result = result.map(|ConsultationResult { summary, report }| {
        view! {
            <section class="consultation-result">
                <h2>"Kết quả lấy ý kiến"</h2>
                <p>{summary}</p>
                {report.map(|file| view! { <FileList files=vec![file]/> })}
            </section>
        }
    });
    let form = form.map(|form| {
        view! {
            <section class="consultation-form" aria-labelledby="gop-y">
                <h2 id="gop-y">"Gửi góp ý cho dự thảo"</h2>
                <p id="da-gui" class=if sent { "sent-note shown" } else { "sent-note" } role="status">
                    "Cảm ơn bạn đã góp ý. Ý kiến đã được gửi tới cơ quan soạn thảo để tổng hợp, tiếp thu, giải trình."
                </p>
                <CommentFields form/>
            </section>
        }
    });
    view! {
        <div class="consultation">
            <p class="consultation-standing"><StandingBadge standing/></p>
            <p class="document-summary">{summary}</p>
            <table class="document-facts">
                <tbody>
                    {facts
                        .into_iter()
                        .map(|(name, value)| view! { <tr><th scope="row">{name}</th><td>{value}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
            <h2>"Hồ sơ dự thảo"</h2>
            <FileList files/>
            <p class="consultation-contact"><strong>"Đầu mối tiếp nhận: "</strong> {contact}</p>
            {result}
            {form}
        </div>
    }
}
