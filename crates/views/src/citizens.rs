//! What the comment and question forms share: what is collected, why, for
//! how long and how to ask for deletion, the consent box that must be
//! ticked, and the field only programs fill in. Plain HTML forms, posted to
//! the function (`model::submissions`) without any script.

use leptos::prelude::*;
use model::submissions::HONEYPOT;

/// Where the function lives and what the office says about the personal
/// data it keeps, as every form tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct Privacy {
    /// The office that keeps what is sent.
    pub office: String,
    /// How long it is kept ("2 năm").
    pub keep_for: String,
    /// Where to ask for deletion.
    pub email: String,
    pub phone: String,
}

/// What is collected and why, then the box to tick (`name="consent"`,
/// required: the function refuses a submission without it).
#[component]
pub fn Consent(privacy: Privacy, collected: &'static str, purpose: &'static str, id: &'static str) -> impl IntoView {
    let Privacy { office, keep_for, email, phone } = privacy;
    let mailto = format!("mailto:{email}");
    view! {
        <div class="privacy-note">
            <p>
                <strong>"Thông tin cá nhân. "</strong>
                "Cổng chỉ thu thập " {collected} " để " {purpose} ". Các thông tin này không được công khai trên cổng, chỉ cán bộ được giao xử lý mới xem được, được lưu tối đa "
                {keep_for} " rồi xóa. Bạn có thể yêu cầu xem, sửa hoặc xóa bất cứ lúc nào qua thư điện tử "
                <a href=mailto>{email}</a> " hoặc điện thoại " {phone} "."
            </p>
            <label class="consent" for=id>
                <input id=id type="checkbox" name="consent" required=true/>
                <span>"Tôi đồng ý để " {office} " lưu và xử lý các thông tin trên cho mục đích nêu trên."</span>
            </label>
        </div>
    }
}

/// A field a person never sees nor hears (hidden from sight and from screen
/// readers, skipped by Tab): a program that fills every field gives itself away.
#[component]
pub fn Honeypot() -> impl IntoView {
    view! {
        <div class="honeypot" aria-hidden="true">
            <label>"Để trống ô này" <input type="text" name=HONEYPOT tabindex="-1" autocomplete="off" value=""/></label>
        </div>
    }
}

/// What the page says when no function is deployed to take what is sent.
#[component]
pub fn NoFunction(what: &'static str, email: String) -> impl IntoView {
    let mailto = format!("mailto:{email}");
    view! {
        <p class="form-unavailable">
            "Cổng hiện chưa nhận " {what} " trực tuyến. Xin gửi qua thư điện tử " <a href=mailto>{email}</a> "."
        </p>
    }
}
