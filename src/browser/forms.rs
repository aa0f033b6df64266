//! The citizens' forms with JavaScript on: a comment or a question (the
//! office pages' POST forms, drawn by the press and posted to the function)
//! is sent as JSON and confirmed in place — a comment by the draft page's
//! own thank-you (`#da-gui`, which the plain form's answer also leads to),
//! shown beside the emptied form; a question by opening the page its plain
//! form would have led to, `/hoi-dap/da-gui?ma=CODE`, without a page load.
//! Any failure sends the form the plain way, so the function's own answer
//! (its reason, in Vietnamese) is what the reader sees, never a silent button.

use gloo_net::http::Request;
use leptos::ev::SubmitEvent;
use leptos::task::spawn_local;
use model::paths::{CODE_PARAM, route};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{FormData, HtmlFormElement};

/// The fields of `form` as the JSON the function takes: the consent box is
/// `true`, an empty optional field is left out (as the function reads a plain form).
fn json_of(form: &HtmlFormElement) -> Option<String> {
    let data = FormData::new_with_form(form).ok()?;
    let object = js_sys::Object::new();
    for entry in js_sys::try_iter(&data).ok()??.flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        let (key, value) = (pair.get(0).as_string()?, pair.get(1).as_string().unwrap_or_default());
        let value = match key.as_str() {
            "consent" => JsValue::TRUE,
            _ if value.is_empty() => continue,
            _ => value.into(),
        };
        js_sys::Reflect::set(&object, &key.into(), &value).ok()?;
    }
    Some(js_sys::JSON::stringify(&object).ok()?.into())
}

/// Sends `form`: `None` if it was not taken, else the question's code (none for a comment).
async fn send(form: &HtmlFormElement) -> Option<Option<String>> {
    let body = json_of(form)?;
    // As plain text, like the hits: no CORS preflight to a function on another origin.
    let request = Request::post(&form.action()).header("Content-Type", "text/plain;charset=UTF-8").body(body).ok()?;
    let response = request.send().await.ok()?;
    if response.status() != 201 {
        return None;
    }
    let receipt = js_sys::JSON::parse(&response.text().await.ok()?).ok()?;
    Some(js_sys::Reflect::get(&receipt, &"code".into()).ok()?.as_string())
}

/// A comment taken: the page's thank-you shown and brought into view, the form emptied.
fn thank(form: &HtmlFormElement, button: Option<&web_sys::Element>) {
    let note = form.parent_element().and_then(|section| section.query_selector("#da-gui").ok().flatten());
    if let Some(note) = note {
        let _ = note.set_attribute("class", "sent-note shown");
        note.scroll_into_view();
    }
    form.reset();
    if let Some(button) = button {
        let _ = button.remove_attribute("disabled");
    }
}

/// Opens `to` in the app, as a click on a link to it would (the router takes
/// in-site links: no navigation machinery of this module's own).
fn open_in_place(form: &HtmlFormElement, to: &str) {
    let Ok(link) = leptos::prelude::document().create_element("a") else { return };
    let _ = link.set_attribute("href", to);
    let link: web_sys::HtmlElement = link.unchecked_into();
    let _ = form.append_child(&link);
    link.click();
}

/// On an office page's `submit`: its POST forms go through [`send`]; the
/// lookup and the documents' searches (GET) are left to the browser.
pub fn submit(event: SubmitEvent) {
    let Some(form) = event.target().and_then(|target| target.dyn_into::<HtmlFormElement>().ok()) else { return };
    if !form.method().eq_ignore_ascii_case("post") {
        return;
    }
    event.prevent_default();
    let button = form.query_selector("button").ok().flatten();
    if let Some(button) = &button {
        let _ = button.set_attribute("disabled", "");
    }
    spawn_local(async move {
        match send(&form).await {
            Some(Some(code)) => open_in_place(&form, &format!("{}?{CODE_PARAM}={code}", route::QUESTION_SENT)),
            Some(None) => thank(&form, button.as_ref()),
            // Not taken (refused, over a cap, no answer): the plain way shows why.
            None => {
                let _ = form.submit();
            }
        }
    });
}
