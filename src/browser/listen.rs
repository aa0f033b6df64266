//! The app's side of "Nghe bài viết": the Web Speech API's synthesis with a
//! `vi-VN` voice, reading the title, the sapo and the body as shown.

use leptos::prelude::*;
use views::listen::{ListenControl, Listening};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synthesis() -> Option<SpeechSynthesis> {
    window().speech_synthesis().ok()
}

fn has_vietnamese_voice(synthesis: &SpeechSynthesis) -> bool {
    synthesis
        .get_voices()
        .iter()
        .map(|voice| voice.unchecked_into::<SpeechSynthesisVoice>())
        .any(|voice| voice.lang().to_ascii_lowercase().starts_with("vi"))
}

/// Reading aloud for the article titled `title` with lead `sapo`; the body
/// is read from the page itself when the reader starts.
pub fn provide_listen(title: String, sapo: String) {
    let available = RwSignal::new(false);
    let state = RwSignal::new(Listening::Stopped);
    if let Some(synthesis) = synthesis() {
        available.set(has_vietnamese_voice(&synthesis));
        // Voices often arrive after the page has loaded.
        let check = synthesis.clone();
        let on_voices = Closure::<dyn Fn()>::new(move || available.set(has_vietnamese_voice(&check)));
        synthesis.set_onvoiceschanged(Some(on_voices.as_ref().unchecked_ref()));
        on_voices.forget();
        // Leaving the article stops the reading.
        let leaving = send_wrapper::SendWrapper::new(synthesis);
        on_cleanup(move || leaving.cancel());
    }
    let play_pause = Callback::new(move |()| {
        let Some(synthesis) = synthesis() else { return };
        match state.get_untracked() {
            Listening::Speaking => {
                synthesis.pause();
                state.set(Listening::Paused);
            }
            Listening::Paused => {
                synthesis.resume();
                state.set(Listening::Speaking);
            }
            Listening::Stopped => {
                let body = document()
                    .query_selector("#app .article-body")
                    .ok()
                    .flatten()
                    .and_then(|body| body.text_content())
                    .unwrap_or_default();
                let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&format!("{title}. {sapo}. {body}")) else {
                    return;
                };
                utterance.set_lang("vi-VN");
                let done = Closure::<dyn Fn()>::new(move || state.set(Listening::Stopped));
                utterance.set_onend(Some(done.as_ref().unchecked_ref()));
                done.forget();
                synthesis.cancel();
                synthesis.speak(&utterance);
                state.set(Listening::Speaking);
            }
        }
    });
    let stop = Callback::new(move |()| {
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
        state.set(Listening::Stopped);
    });
    provide_context(ListenControl { available: available.into(), state, play_pause, stop });
}
