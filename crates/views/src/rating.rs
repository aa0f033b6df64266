//! "Đánh giá mức độ hài lòng" under an article: five labelled choices (native
//! radio buttons, so arrow keys and Space work), a thank-you once sent. The
//! app provides [`RatingControl`] and sends the choice; where nobody does
//! (the static pages) or the counter cannot take it, nothing is shown.

use leptos::prelude::*;
use model::stats::RATING_LABELS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingState {
    Idle,
    Sending,
    Thanked,
    Failed,
}

#[derive(Clone, Copy)]
pub struct RatingControl {
    /// Whether the counter is there to take a rating (it answered for this page).
    pub available: Signal<bool>,
    /// The reader's choice for this page, 1–5, remembered across visits.
    pub chosen: RwSignal<Option<u8>>,
    pub state: RwSignal<RatingState>,
    pub rate: Callback<u8>,
}

#[component]
pub fn SatisfactionRating() -> impl IntoView {
    let control = use_context::<RatingControl>()?;
    let choices = (1..=5u8)
        .map(|score| {
            view! {
                <label class="rating-choice">
                    <input
                        type="radio"
                        name="muc-do-hai-long"
                        value=score
                        prop:checked=move || control.chosen.get() == Some(score)
                        on:change=move |_| control.rate.run(score)
                    />
                    <span>{RATING_LABELS[usize::from(score) - 1]}</span>
                </label>
            }
        })
        .collect_view();
    let message = move || match control.state.get() {
        RatingState::Idle => "",
        RatingState::Sending => "Đang gửi…",
        RatingState::Thanked => "Cảm ơn bạn đã đánh giá.",
        RatingState::Failed => "Chưa gửi được đánh giá, vui lòng thử lại.",
    };
    Some(view! {
        <section class="rating" aria-labelledby="danh-gia" hidden=move || !control.available.get()>
            <h2 class="section-title" id="danh-gia">"Đánh giá mức độ hài lòng"</h2>
            <fieldset>
                <legend>"Bạn có hài lòng với thông tin trên trang?"</legend>
                <div class="rating-choices">{choices}</div>
            </fieldset>
            <p class="rating-message" role="status">{message}</p>
        </section>
    })
}
