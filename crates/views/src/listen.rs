//! "Nghe bài viết": the browser reads the article aloud with a Vietnamese
//! voice. The app provides [`ListenControl`] and shows the controls only
//! where the browser has such a voice; without it they stay hidden.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listening {
    Stopped,
    Speaking,
    Paused,
}

#[derive(Clone, Copy)]
pub struct ListenControl {
    /// Whether the browser has a Vietnamese voice.
    pub available: Signal<bool>,
    pub state: RwSignal<Listening>,
    /// Starts, pauses or resumes, by the state.
    pub play_pause: Callback<()>,
    pub stop: Callback<()>,
}

#[component]
pub fn Listen() -> impl IntoView {
    let control = use_context::<ListenControl>();
    let available = move || control.is_some_and(|c| c.available.get());
    let state = move || control.map_or(Listening::Stopped, |c| c.state.get());
    let label = move || match state() {
        Listening::Stopped => "Nghe bài viết",
        Listening::Speaking => "Tạm dừng",
        Listening::Paused => "Nghe tiếp",
    };
    view! {
        <div class="listen" hidden=move || !available()>
            <button type="button" class="tool" on:click=move |_| if let Some(c) = control { c.play_pause.run(()) }>
                {label}
            </button>
            <button
                type="button"
                class="tool"
                hidden=move || state() == Listening::Stopped
                on:click=move |_| if let Some(c) = control { c.stop.run(()) }
            >
                "Dừng"
            </button>
        </div>
    }
}
