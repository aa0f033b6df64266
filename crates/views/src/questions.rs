//! "Hỏi đáp": the form to send a question, the lookup by the code the
//! citizen received, the questions answered (by topic, paged), one answered
//! question, and the pages the function's answers lead to — sent, waiting,
//! not found — where the app writes the code from the address at
//! [`model::paths::TYPED_NUMBER`]. Drawn only by the press.

use leptos::prelude::*;
use model::{Day, format_number, paths};

use crate::citizens::{Consent, Honeypot, NoFunction, Privacy};
use crate::documents::FacetOption;
use crate::pagination::Pagination;

/// The question form and the lookup: posted and looked up at the function
/// (`None` without one).
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionForm {
    /// `{counter_endpoint}/v1/questions`.
    pub action: Option<String>,
    /// The topics, as the function takes them.
    pub topics: Vec<String>,
    /// "10 ngày làm việc".
    pub answer_within: String,
    pub privacy: Privacy,
}

/// A row of the answered questions.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionRow {
    pub href: String,
    pub title: String,
    pub asker: String,
    pub topic: String,
    pub answered: Day,
}

/// "Tra cứu câu hỏi": the code goes to the function, which sends the
/// reader to the answer, or to the page saying it waits or is unknown.
#[component]
pub fn QuestionLookup(action: Option<String>) -> impl IntoView {
    action.map(|action| {
        view! {
            <form class="question-lookup" action=action method="get" role="search" aria-label="Tra cứu câu hỏi">
                <label for="tra-cuu-ma">"Tra cứu câu hỏi theo mã"</label>
                <input id="tra-cuu-ma" name="ma" type="search" required=true placeholder="Ví dụ: HD-2026-7K3M9QXA" autocomplete="off"/>
                <button type="submit">"Tra cứu"</button>
            </form>
        }
    })
}

#[component]
fn AskForm(form: QuestionForm) -> impl IntoView {
    let QuestionForm { action, topics, answer_within, privacy } = form;
    let Some(action) = action else {
        return view! { <NoFunction what="câu hỏi" email=privacy.email/> }.into_any();
    };
    view! {
        <form class="citizen-form" action=action method="post" accept-charset="utf-8">
            <p class="form-hint">
                "Câu hỏi được trả lời trong vòng " {answer_within}
                ". Sau khi gửi, bạn nhận một mã để tra cứu; câu trả lời được công khai ở mục này. Các ô có dấu * là bắt buộc."
            </p>
            <label for="hd-ten">"Họ và tên *"</label>
            <input id="hd-ten" name="name" type="text" required=true maxlength="100" autocomplete="name"/>
            <label for="hd-lien-he">"Số điện thoại hoặc thư điện tử (nếu muốn được trả lời riêng)"</label>
            <input id="hd-lien-he" name="contact" type="text" maxlength="200"/>
            <label for="hd-linh-vuc">"Lĩnh vực *"</label>
            <select id="hd-linh-vuc" name="topic" required=true>
                <option value="">"— Chọn lĩnh vực —"</option>
                {topics.into_iter().map(|topic| { let value = topic.clone(); view! { <option value=value>{topic}</option> } }).collect_view()}
            </select>
            <label for="hd-cau-hoi">"Nội dung câu hỏi * (tối đa 5.000 ký tự)"</label>
            <textarea id="hd-cau-hoi" name="question" required=true maxlength="5000" rows="7"></textarea>
            <Honeypot/>
            <Consent
                privacy
                id="hd-dong-y"
                collected="họ tên và số điện thoại hoặc thư điện tử bạn nhập"
                purpose="trả lời câu hỏi và liên hệ lại khi cần; khi công bố câu trả lời, cổng chỉ ghi tên (hoặc “Ẩn danh”), không ghi số điện thoại, thư điện tử"
            />
            <button class="button" type="submit">"Gửi câu hỏi"</button>
        </form>
    }
    .into_any()
}

/// `/hoi-dap` (by topic, paged): the form, the lookup, the answered questions.
#[component]
pub fn QuestionsPage(
    form: QuestionForm,
    lookup: Option<String>,
    topics: Vec<FacetOption>,
    count: usize,
    page: u32,
    total: u32,
    rows: Vec<QuestionRow>,
    href: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    let of_pages = (total > 1).then(|| format!(" · trang {page}/{total}"));
    let none = rows.is_empty().then(|| view! { <p>"Chưa có câu hỏi nào được trả lời."</p> });
    view! {
        <div class="questions">
            <details class="ask" open=(page == 1).then_some("")>
                <summary>"Gửi câu hỏi"</summary>
                <AskForm form/>
            </details>
            <QuestionLookup action=lookup/>
            <nav class="facets" aria-label="Lọc câu hỏi theo lĩnh vực">
                <div class="facet">
                    <h2 class="facet-name">"Lĩnh vực"</h2>
                    <ul>
                        {topics
                            .into_iter()
                            .map(|option| {
                                let count = option.count.map(|n| view! { " " <span class="count">"(" {format_number(n as u64)} ")"</span> });
                                view! { <li><a href=option.href aria-current=option.current.then_some("true")>{option.label} {count}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </nav>
            <h2>"Câu hỏi đã được trả lời"</h2>
            <p class="document-count">{format_number(count as u64)} " câu hỏi" {of_pages}</p>
            <ul class="question-list">
                {rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <li>
                                <a class="question-title" href=row.href>{row.title}</a>
                                <p class="question-meta">
                                    {row.asker} " · " {row.topic} " · Trả lời ngày "
                                    <time datetime=row.answered.to_string()>{row.answered.date()}</time>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {none}
            <Pagination current=page total href/>
        </div>
    }
}

/// One answered question: who asked (a display name or "Ẩn danh"), when,
/// under which topic, the question as staff edited it, the answer (drawn
/// from Markdown by the press) and who answered.
#[component]
pub fn AnsweredQuestion(
    code: String,
    asker: String,
    topic: (String, String),
    asked: Day,
    question: Vec<String>,
    answer_html: String,
    answered_by: String,
    answered: Day,
) -> impl IntoView {
    view! {
        <article class="answered-question">
            <section class="question-asked" aria-labelledby="cau-hoi">
                <h2 id="cau-hoi">"Câu hỏi"</h2>
                <p class="question-meta">
                    {asker} " · Lĩnh vực " <a href=topic.0>{topic.1}</a> " · Gửi ngày "
                    <time datetime=asked.to_string()>{asked.date()}</time> " · Mã " <span class="question-code">{code}</span>
                </p>
                {question.into_iter().map(|paragraph| view! { <p>{paragraph}</p> }).collect_view()}
            </section>
            <section class="question-answer" aria-labelledby="tra-loi">
                <h2 id="tra-loi">"Trả lời"</h2>
                <p class="question-meta">
                    {answered_by} " · Ngày " <time datetime=answered.to_string()>{answered.date()}</time>
                </p>
                <div class="article-body" inner_html=answer_html></div>
            </section>
            <p><a href=paths::route::QUESTIONS>"Xem các câu hỏi khác"</a></p>
        </article>
    }
}

/// What the function's answers lead to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionNotice {
    /// `/hoi-dap/da-gui?ma=…`: just sent.
    Sent,
    /// `/hoi-dap/da-nhan?ma=…`: looked up, waiting for its answer.
    Received,
    /// `/hoi-dap/khong-tim-thay?ma=…`: no question has the code.
    NotFound,
}

/// The page of a [`QuestionNotice`]: the code (written in by the app from
/// the address; without scripts, it is the address's `ma=`), and the lookup again.
#[component]
pub fn QuestionNoticePage(notice: QuestionNotice, answer_within: String, lookup: Option<String>) -> impl IntoView {
    let code = view! { <strong class="question-code" inner_html=paths::TYPED_NUMBER></strong> };
    let (lead, more) = match notice {
        QuestionNotice::Sent => (
            view! { "Câu hỏi của bạn đã được gửi. Mã tra cứu: " {code} }.into_any(),
            format!(
                "Hãy ghi lại mã này (cũng là phần sau “ma=” trên thanh địa chỉ) để tra cứu. Câu hỏi được trả lời trong vòng {answer_within}; câu trả lời được công khai ở mục Hỏi đáp."
            ),
        ),
        QuestionNotice::Received => (
            view! { "Câu hỏi mã " {code} " đã được tiếp nhận và đang chờ trả lời." }.into_any(),
            format!("Câu hỏi được trả lời trong vòng {answer_within}. Khi có câu trả lời, tra cứu mã này sẽ dẫn tới trang trả lời."),
        ),
        QuestionNotice::NotFound => (
            view! { "Không tìm thấy câu hỏi có mã " {code} "." }.into_any(),
            "Hãy kiểm tra lại mã (dạng HD-2026-7K3M9QXA). Câu hỏi đã quá thời hạn lưu hoặc đã được xóa theo yêu cầu thì không còn tra cứu được."
                .to_string(),
        ),
    };
    view! {
        <div class="question-notice">
            <p class="lead" role="status">{lead}</p>
            <p>{more}</p>
            <QuestionLookup action=lookup/>
            <p><a href=paths::route::QUESTIONS>"Về mục Hỏi đáp"</a></p>
        </div>
    }
}
