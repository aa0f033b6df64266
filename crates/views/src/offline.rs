//! Reading without a connection. The app's service worker (public/sw.js)
//! keeps the pages a reader opened; the app provides [`Connectivity`]. The
//! press has none, so a static page never claims to be offline.

use leptos::prelude::*;

use crate::states::RetryButton;

#[derive(Clone, Copy)]
pub struct Connectivity {
    pub online: Signal<bool>,
}

/// A line under the header while the device has no connection.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = use_context::<Connectivity>().map(|c| c.online);
    let offline = move || online.is_some_and(|online| !online.get());
    // The live region is always there, so screen readers announce the change.
    view! {
        <div class="offline-banner" role="status">
            {move || offline().then_some("Bạn đang ngoại tuyến — các trang đã mở trước đây vẫn đọc được.")}
        </div>
    }
}

/// A page that was never saved, asked for without a connection; `children`
/// lists the articles that were.
#[component]
pub fn Offline(retry: Callback<()>, children: Children) -> impl IntoView {
    view! {
        <div class="state state-offline" role="alert">
            <h2>"Bạn đang ngoại tuyến"</h2>
            <p>"Trang này chưa được lưu trên máy nên chưa xem được khi không có mạng. Khi có kết nối, hãy bấm “Thử lại”."</p>
            <RetryButton retry/>
            <h3>"Bài viết đã lưu để đọc ngoại tuyến"</h3>
            {children()}
        </div>
    }
}
