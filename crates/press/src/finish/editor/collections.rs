//! The editor's collections: one per content kind, each field with the rule
//! the press enforces repeated as `required`/`pattern` and a Vietnamese
//! message, in the order the source files keep them.

use model::Category;
use serde_json::{Value, json};

use crate::kinds::documents::{STATUSES, SourceLists, Term};

/// A form rule: the value must match `pattern`, else `message` is shown.
fn pattern(pattern: &str, message: &str) -> Value {
    json!([pattern, message])
}

/// Non-blank text (the press trims and refuses empty titles, names…).
fn text_field(name: &str, label: &str, widget: &str, hint: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": widget, "required": true, "hint": hint,
        "pattern": pattern(r"\S", &format!("{label} không được để trống.")),
    })
}

/// Date-times: shown and written in Vietnam's time, with the `+07:00` offset
/// the press expects (whatever the staff machine's own time zone). No custom
/// `format`: Sveltia 0.221 with both `format` and `input_timezone` hangs the
/// page on a machine in another zone; its ISO output is what the press reads.
fn datetime_field(name: &str, label: &str, required: bool) -> Value {
    let mut field = json!({
        "name": name, "label": label, "widget": "datetime", "required": required,
        "input_timezone": "Asia/Ho_Chi_Minh",
    });
    if required {
        field["default"] = json!("{{now}}");
    }
    field
}

/// `field` with `hint` shown under it.
fn with_hint(mut field: Value, hint: &str) -> Value {
    field["hint"] = json!(hint);
    field
}

/// What the photo stage reads (`photos.rs`); drawings (SVG) are published
/// from `content/files/media/` by the IT team.
const PHOTO_TYPES: &str = "image/jpeg,image/png,image/webp";

/// A Markdown image with empty alt text: `![](…)`.
const IMAGE_WITHOUT_ALT: &str = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$";

const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Every kind's "Bản nháp": saved and checked, published nowhere until
/// unticked (the press's `draft`); staff see it in previews.
fn draft_field() -> Value {
    json!({
        "name": "draft", "label": "Bản nháp", "widget": "boolean", "required": false, "default": false,
        "hint": "Lưu mà chưa xuất bản: người dân chưa thấy; xem được trong bản xem trước.",
    })
}

/// A collection of one JSON file per entry in `folder`, named after the
/// entry's field `identifier` (folded to ASCII: the title, a document's
/// number, a week), listed by `sort` (field, direction), its fields then
/// "Bản nháp".
fn folder_collection(
    name: &str,
    label: &str,
    description: &str,
    folder: &str,
    identifier: &str,
    sort: (&str, &str),
    mut fields: Value,
) -> Value {
    fields.as_array_mut().expect("a list of fields").push(draft_field());
    let mut sortable = vec![sort.0];
    if identifier != sort.0 {
        sortable.push(identifier);
    }
    json!({
        "name": name,
        "label": label,
        "description": description,
        "folder": folder,
        "extension": "json",
        "format": "json",
        "create": true,
        "delete": true,
        "slug": format!("{{{{{identifier}}}}}"),
        "identifier_field": identifier,
        "sortable_fields": { "fields": sortable, "default": { "field": sort.0, "direction": sort.1 } },
        "fields": fields,
    })
}

/// The Markdown body, refusing a picture without alt text as the press does.
fn body_field(hint: &str) -> Value {
    json!({
        "name": "body", "label": "Nội dung", "widget": "markdown", "required": true, "hint": hint,
        "pattern": pattern(IMAGE_WITHOUT_ALT, "Mọi ảnh trong nội dung phải có mô tả (alt) cho người khiếm thị."),
    })
}

pub(super) fn articles_collection(categories: &[Category]) -> Value {
    let options: Vec<Value> = categories.iter().map(|c| json!({ "label": c.name, "value": c.slug })).collect();
    let mut collection = folder_collection(
        "articles",
        "Bài viết",
        "Tin, bài đăng trên cổng. Tên tệp (đường dẫn bài) lấy từ tiêu đề khi tạo bài.",
        "content/articles",
        "title",
        ("published", "descending"),
        json!([
            text_field("title", "Tiêu đề", "string", "Tiêu đề bài viết, viết hoa chữ cái đầu câu."),
            text_field("sapo", "Sapo", "text", "Đoạn dẫn 1–3 câu, hiện dưới tiêu đề và trong danh sách tin."),
            {
                "name": "category", "label": "Chuyên mục", "widget": "select", "required": true,
                "options": options,
            },
            datetime_field("published", "Ngày đăng", true),
            datetime_field("updated", "Ngày cập nhật", false),
            text_field("author", "Tác giả", "string", "Người viết hoặc nhóm phóng viên, như trên dòng tác giả."),
            {
                "name": "cover", "label": "Ảnh đại diện", "widget": "object", "required": false, "collapsed": false,
                "fields": [
                    {
                        "name": "src", "label": "Ảnh", "widget": "image", "required": true,
                        "accept": PHOTO_TYPES, "choose_url": false,
                        "hint": "Ảnh chụp (JPEG, PNG, WebP) ở cỡ gốc: cổng tự tạo các cỡ nhỏ hơn.",
                    },
                    {
                        "name": "alt", "label": "Mô tả ảnh (alt)", "widget": "string", "required": true,
                        "hint": "Mô tả ngắn nội dung ảnh cho người khiếm thị.",
                        "pattern": pattern(r"\S", "Ảnh phải có mô tả (alt) cho người khiếm thị."),
                    },
                    { "name": "caption", "label": "Chú thích", "widget": "string", "required": false },
                ],
            },
            body_field("Ảnh trong bài: điền mô tả (alt); tiêu đề ảnh (title) thành chú thích dưới ảnh."),
            { "name": "tags", "label": "Từ khóa", "widget": "list", "required": false, "hint": "Cách nhau bởi dấu phẩy." },
            { "name": "featured", "label": "Tin nổi bật", "widget": "boolean", "required": false, "default": false },
            with_hint(
                datetime_field("expires", "Hết hiệu lực lúc", false),
                "Với thông báo: từ lúc này bài rời danh sách tin, trang bài ghi “Hết hiệu lực”.",
            ),
        ]),
    );
    collection["label_singular"] = json!("bài viết");
    collection["summary"] = json!("{{title}}");
    // "Xem trên trang" opens the published article.
    collection["preview_path"] = json!("bai-viet/{{slug}}");
    collection
}

/// The office's pages (`office.rs`): one collection per folder, since the
/// folder is part of the address.
pub(super) fn pages_collection(name: &str, label: &str, folder: &str, description: &str) -> Value {
    folder_collection(
        name,
        label,
        description,
        folder,
        "title",
        ("order", "ascending"),
        json!([
            text_field("title", "Tiêu đề", "string", ""),
            text_field("description", "Mô tả ngắn", "text", "Một, hai câu cho máy tìm kiếm và khi chia sẻ liên kết."),
            {
                "name": "lang", "label": "Ngôn ngữ", "widget": "select", "required": false,
                "options": [{ "label": "Tiếng Việt", "value": "vi" }, { "label": "English", "value": "en" }],
            },
            { "name": "order", "label": "Thứ tự", "widget": "number", "value_type": "int", "required": false, "min": 0 },
            body_field("Ảnh: hình vẽ SVG trong content/files/media/, có mô tả (alt)."),
        ]),
    )
}

pub(super) fn settings_collection(sections: &super::Sections) -> Value {
    let url_or_path = pattern("^(/|https?://)", "Đường dẫn phải bắt đầu bằng / hoặc http(s)://");
    let mut collection = json!({
        "name": "settings",
        "label": "Cấu hình cổng",
        "description": "Thông tin cơ quan, trình đơn và chuyên mục.",
        "editor": { "preview": false },
        "files": [
            {
                "name": "site",
                "label": "Thông tin cơ quan",
                "file": "content/site.json",
                "format": "json",
                "fields": [
                    text_field("name", "Tên cơ quan", "string", "Hiện ở đầu trang và chân trang."),
                    text_field("tagline", "Dòng giới thiệu", "string", "Dòng chữ nhỏ trên tên cơ quan."),
                    {
                        "name": "short_name", "label": "Tên ngắn", "widget": "string", "required": false,
                        "hint": "Tên dưới biểu tượng khi cài cổng lên màn hình điện thoại (khoảng 12 chữ cái), mặc định “Cổng TTĐT”.",
                    },
                    text_field("address", "Địa chỉ", "string", ""),
                    text_field("phone", "Điện thoại", "string", ""),
                    text_field("email", "Thư điện tử", "string", ""),
                    {
                        "name": "login_url", "label": "Liên kết Đăng nhập", "widget": "string", "required": false,
                        "hint": "Để trống: dẫn tới trang soạn thảo /quan-tri/ của cổng.",
                        "pattern": url_or_path,
                    },
                    {
                        "name": "base_url", "label": "Địa chỉ cổng", "widget": "string", "required": false,
                        "pattern": pattern("^https?://.*[^/]$", "Địa chỉ http(s):// không có dấu / ở cuối."),
                    },
                    {
                        "name": "counter_endpoint", "label": "Địa chỉ bộ đếm truy cập", "widget": "string",
                        "required": false, "pattern": url_or_path,
                    },
                    {
                        "name": "zalo_oa_id", "label": "Mã Zalo OA", "widget": "string", "required": false,
                        "pattern": pattern("^[0-9]{5,25}$", "Mã Zalo Official Account gồm 5–25 chữ số."),
                    },
                    {
                        "name": "editor_in_chief", "label": "Trưởng ban biên tập", "widget": "object", "required": false,
                        "hint": "Người chịu trách nhiệm nội dung, ghi ở chân mọi trang.",
                        "fields": [
                            text_field("name", "Họ và tên", "string", ""),
                            text_field("title", "Chức vụ", "string", "Chánh Văn phòng Ủy ban nhân dân tỉnh"),
                        ],
                    },
                    {
                        "name": "notice", "label": "Thông báo tạm ngừng hoạt động", "widget": "object", "required": false,
                        "collapsed": true,
                        "hint": "Hiện ở đầu mọi trang từ lúc thông báo đến lúc hoạt động trở lại. Phải thông báo trước ít nhất 7 ngày làm việc (không kể thứ Bảy, Chủ nhật và ngày lễ trong “Ngày nghỉ lễ”).",
                        "fields": [
                            text_field("text", "Nội dung", "text", "Cổng thông tin tạm ngừng hoạt động để nâng cấp máy chủ."),
                            datetime_field("announced", "Thông báo từ", true),
                            datetime_field("from", "Tạm ngừng từ", true),
                            datetime_field("until", "Dự kiến hoạt động trở lại", true),
                        ],
                    },
                    {
                        "name": "menu", "label": "Trình đơn", "widget": "list", "required": true,
                        "summary": "{{fields.label}}",
                        "fields": [
                            text_field("label", "Tên mục", "string", ""),
                            {
                                "name": "href", "label": "Liên kết", "widget": "string", "required": true,
                                "hint": "Chuyên mục: /chuyen-muc/<mã chuyên mục>",
                                "pattern": url_or_path,
                            },
                        ],
                    },
                ],
            },
            {
                "name": "categories",
                "label": "Chuyên mục",
                "file": "content/categories.json",
                "format": "json",
                "fields": [{
                    "name": "categories", "label": "Chuyên mục", "widget": "list", "required": true,
                    "summary": "{{fields.order}}. {{fields.name}}",
                    "fields": [
                        {
                            "name": "slug", "label": "Mã chuyên mục", "widget": "string", "required": true,
                            "hint": "Chữ thường không dấu, nối bằng gạch ngang: tin-dia-phuong",
                            "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
                        },
                        text_field("name", "Tên chuyên mục", "string", ""),
                        { "name": "order", "label": "Thứ tự", "widget": "number", "value_type": "int", "required": true, "min": 0 },
                        {
                            "name": "parent", "label": "Thuộc chuyên mục", "widget": "string", "required": false,
                            "hint": "Mã chuyên mục cha (để trống nếu là chuyên mục gốc).",
                            "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
                        },
                    ],
                }],
            },
            {
                "name": "document-lists",
                "label": "Danh mục văn bản",
                "file": "content/documents.json",
                "format": "json",
                "fields": [
                    term_list("kinds", "Loại văn bản"),
                    term_list("issuers", "Cơ quan ban hành"),
                    term_list("fields", "Lĩnh vực"),
                ],
            },
            {
                "name": "feedback",
                "label": "Hỏi đáp và góp ý",
                "file": "content/feedback.json",
                "format": "json",
                "fields": [
                    term_list("topics", "Lĩnh vực câu hỏi"),
                    text_field("answer_within", "Thời hạn trả lời", "string", "Như biểu mẫu ghi: 10 ngày làm việc."),
                    text_field("keep_for", "Thời gian lưu thông tin người gửi", "string", "Như biểu mẫu ghi: 2 năm (bằng cấu hình --retention-days của bộ đếm)."),
                ],
            },
            {
                "name": "holidays",
                "label": "Ngày nghỉ lễ",
                "file": "content/holidays.json",
                "format": "json",
                "fields": [{
                    "name": "holidays", "label": "Ngày nghỉ lễ, Tết", "widget": "list", "required": true,
                    "summary": "{{fields.date}} {{fields.name}}",
                    "hint": "Các ngày nghỉ theo thông báo của Chính phủ mỗi năm (cả ngày nghỉ bù); dùng để đếm ngày làm việc.",
                    "fields": [date_field("date", "Ngày", true), text_field("name", "Tên ngày lễ", "string", "Tết Nguyên đán")],
                }],
            },
        ],
    });
    // The lists of parts the office lacks are no form of their own.
    let had = [
        ("document-lists", sections.documents.is_some()),
        ("feedback", sections.feedback.is_some()),
        ("holidays", sections.holidays),
    ];
    if let Some(files) = collection["files"].as_array_mut() {
        files.retain(|file| had.iter().all(|(name, has)| *has || file["name"] != *name));
    }
    collection
}

/// One of the lists documents are sorted by: code and name each.
fn term_list(name: &str, label: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": "list", "required": true, "summary": "{{fields.name}}",
        "fields": [
            {
                "name": "slug", "label": "Mã", "widget": "string", "required": true,
                "hint": "Chữ thường không dấu, nối bằng gạch ngang: quyet-dinh",
                "pattern": pattern(SLUG_PATTERN, "Mã chỉ gồm chữ thường a–z, chữ số và dấu gạch ngang."),
            },
            text_field("name", "Tên", "string", ""),
        ],
    })
}

/// A calendar day (no time), written "YYYY-MM-DD" as the press reads it.
fn date_field(name: &str, label: &str, required: bool) -> Value {
    json!({
        "name": name, "label": label, "widget": "datetime", "required": required,
        "time_format": false, "format": "YYYY-MM-DD",
    })
}

/// "Văn bản" (`documents.rs`): a file per document, named after its number.
pub(super) fn documents_collection(lists: &SourceLists) -> Value {
    let options =
        |terms: &[Term]| -> Vec<Value> { terms.iter().map(|t| json!({ "label": t.name, "value": t.slug })).collect() };
    let statuses: Vec<Value> = STATUSES.iter().map(|(slug, name)| json!({ "label": name, "value": slug })).collect();
    let mut collection = folder_collection(
        "documents",
        "Văn bản",
        "Văn bản chỉ đạo, điều hành: số, ký hiệu, ngày, trích yếu và tệp PDF/DOCX.",
        "content/documents",
        "number",
        ("issued", "descending"),
        json!([
            {
                "name": "number", "label": "Số/Ký hiệu", "widget": "string", "required": true,
                "hint": "Như trên văn bản: 1234/QĐ-UBND, 15/2025/NQ-HĐND.",
                "pattern": pattern(r"^[1-9][0-9]{0,5}(/[A-ZĐ0-9][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)+$", "Số, rồi ký hiệu viết hoa sau dấu gạch chéo: 1234/QĐ-UBND."),
            },
            { "name": "kind", "label": "Loại văn bản", "widget": "select", "required": true, "options": options(&lists.kinds) },
            { "name": "issuer", "label": "Cơ quan ban hành", "widget": "select", "required": true, "options": options(&lists.issuers) },
            text_field("signer", "Người ký", "string", "Chức vụ và họ tên: Phó Chủ tịch Lò Văn Tiến."),
            date_field("issued", "Ngày ban hành", true),
            date_field("effective", "Ngày hiệu lực", true),
            date_field("expires", "Ngày hết hiệu lực", false),
            text_field("summary", "Trích yếu", "text", "Như trên văn bản: Về việc…"),
            {
                "name": "fields", "label": "Lĩnh vực", "widget": "select", "required": true,
                "multiple": true, "min": 1, "options": options(&lists.fields),
            },
            { "name": "status", "label": "Tình trạng", "widget": "select", "required": true, "options": statuses, "default": "con-hieu-luc" },
            {
                "name": "replaced_by", "label": "Được thay thế bởi", "widget": "relation", "required": false,
                "collection": "documents", "value_field": "{{slug}}", "search_fields": ["number", "summary"],
                "display_fields": ["number"], "hint": "Chỉ khi tình trạng là “Bị thay thế”.",
            },
            {
                "name": "files", "label": "Tệp văn bản", "widget": "list", "required": true, "min": 1,
                "field": paper_field("file", "Tệp", true, "van-ban"),
            },
        ]),
    );
    collection["label_singular"] = json!("văn bản");
    collection["summary"] = json!("{{number}} — {{summary}}");
    collection["preview_path"] = json!("van-ban/{{slug}}");
    collection
}

/// "Lịch công tác" and "Lịch tiếp công dân" (`schedule.rs`): a file per ISO
/// week, named after it, in `folder`; the two calendars share the form.
pub(super) fn schedule_collection(name: &str, folder: &str, calendar: views::schedule::Calendar) -> Value {
    let attendees = if calendar == views::schedule::RECEPTION {
        "Lãnh đạo tiếp công dân"
    } else {
        "Thành phần (lãnh đạo dự)"
    };
    let mut collection = folder_collection(
        name,
        calendar.title,
        &format!("{} tuần của lãnh đạo: mỗi tuần một tệp, tên theo tuần (2026-W48).", calendar.title),
        folder,
        "week",
        ("week", "descending"),
        json!([
            {
                "name": "week", "label": "Tuần", "widget": "string", "required": true,
                "hint": "Năm và số tuần theo ISO 8601: 2026-W48 (tuần bắt đầu từ thứ Hai).",
                "pattern": pattern(r"^[0-9]{4}-W[0-9]{2}$", "Viết như 2026-W48."),
            },
            { "name": "revision", "label": "Lần ban hành", "widget": "number", "value_type": "int", "required": true, "min": 1, "default": 1 },
            datetime_field("updated", "Cập nhật lúc", true),
            {
                "name": "days", "label": "Các ngày", "widget": "list", "required": true, "summary": "{{fields.date}}",
                "fields": [
                    date_field("date", "Ngày", true),
                    {
                        "name": "items", "label": "Công việc", "widget": "list", "required": true,
                        "summary": "{{fields.time}} {{fields.content}}",
                        "fields": [
                            {
                                "name": "time", "label": "Giờ", "widget": "string", "required": true,
                                "pattern": pattern(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "Viết giờ như 08:30 hoặc 14:00."),
                            },
                            text_field("content", "Nội dung", "text", ""),
                            { "name": "place", "label": "Địa điểm", "widget": "string", "required": false },
                            text_field("attendees", attendees, "string", ""),
                            { "name": "preparation", "label": "Chuẩn bị", "widget": "string", "required": false },
                        ],
                    },
                ],
            },
        ]),
    );
    collection["label_singular"] = json!("lịch tuần");
    collection["summary"] = json!("{{week}} (lần {{revision}})");
    collection["preview_path"] = json!(format!("{}?tuan={{{{slug}}}}", calendar.route.trim_start_matches('/')));
    collection
}

/// "Thông tin báo chí" (`press_office.rs`): the spokesperson and the
/// channels in one file, the releases a file each.
pub(super) fn press_office_collections() -> [Value; 2] {
    let https = pattern("^https://", "Địa chỉ phải bắt đầu bằng https://");
    let office = json!({
        "name": "press-office",
        "label": "Thông tin báo chí",
        "description": "Người phát ngôn và kênh thông tin chính thức: cập nhật trong 24 giờ khi có thay đổi.",
        "editor": { "preview": false },
        "files": [{
            "name": "press", "label": "Người phát ngôn", "file": "content/press.json", "format": "json",
            "fields": [
                {
                    "name": "spokesperson", "label": "Người phát ngôn", "widget": "object", "required": true,
                    "fields": [
                        text_field("name", "Họ và tên", "string", ""),
                        text_field("title", "Chức vụ", "string", ""),
                        {
                            "name": "phone", "label": "Điện thoại", "widget": "string", "required": true,
                            "pattern": pattern(r"(\D*\d){8}", "Số điện thoại có ít nhất 8 chữ số."),
                        },
                        {
                            "name": "email", "label": "Thư điện tử", "widget": "string", "required": true,
                            "pattern": pattern(r"^\S+@\S+$", "Địa chỉ thư điện tử như ten@coquan.gov.vn"),
                        },
                        with_hint(datetime_field("updated", "Cập nhật lúc", true), "Lúc thông tin người phát ngôn thay đổi."),
                    ],
                },
                {
                    "name": "channels", "label": "Kênh thông tin chính thức", "widget": "list", "required": false,
                    "summary": "{{fields.label}}",
                    "fields": [
                        text_field("label", "Tên kênh", "string", "Trang Facebook, Zalo OA…"),
                        { "name": "href", "label": "Địa chỉ", "widget": "string", "required": true, "pattern": https },
                    ],
                },
                body_field("Cách phóng viên đề nghị cung cấp thông tin; không chèn ảnh."),
            ],
        }],
    });
    let mut releases = folder_collection(
        "press-releases",
        "Thông cáo báo chí",
        "Thông cáo báo chí: tiêu đề, ngày đăng, tóm tắt và tệp PDF.",
        "content/press-releases",
        "title",
        ("published", "descending"),
        json!([
            text_field("title", "Tiêu đề", "string", ""),
            datetime_field("published", "Ngày đăng", true),
            text_field("summary", "Tóm tắt", "text", "Một, hai câu."),
            paper_field("file", "Tệp thông cáo", true, "thong-cao"),
        ]),
    );
    releases["label_singular"] = json!("thông cáo");
    releases["summary"] = json!("{{title}}");
    releases["preview_path"] = json!("thong-tin-bao-chi");
    [office, releases]
}

/// A paper (PDF, DOCX) uploaded into `content/files/{folder}/` and published at
/// `/{folder}/…`, as documents', drafts' and press releases' files are.
fn paper_field(name: &str, label: &str, required: bool, folder: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": "file", "required": required,
        "accept": ".pdf,.docx,.doc", "choose_url": false,
        "media_folder": format!("/content/files/{folder}"), "public_folder": format!("/{folder}"),
    })
}

/// A file under `content/files/du-thao/`, as a draft's papers are (`consultations.rs`).
fn draft_file(name: &str, label: &str, required: bool) -> Value {
    paper_field(name, label, required, "du-thao")
}

/// "Dự thảo lấy ý kiến" (`consultations.rs`): a file per draft, named after its title.
pub(super) fn consultations_collection() -> Value {
    let mut collection = folder_collection(
        "consultations",
        "Dự thảo lấy ý kiến",
        "Dự thảo văn bản đưa lên lấy ý kiến: thời gian mở, đóng, tệp dự thảo; sau khi kết thúc, kết quả tiếp thu.",
        "content/consultations",
        "title",
        ("opens", "descending"),
        json!([
            text_field("title", "Tên dự thảo", "string", "Dự thảo Quyết định…, Dự thảo Nghị quyết…"),
            { "name": "number", "label": "Số, ký hiệu (nếu có)", "widget": "string", "required": false, "hint": "Dự thảo lần 2, hoặc ký hiệu dự kiến." },
            text_field("summary", "Tóm tắt", "text", "Nội dung chính của dự thảo, 1–3 câu."),
            text_field("agency", "Cơ quan soạn thảo", "string", ""),
            with_hint(datetime_field("opens", "Bắt đầu lấy ý kiến", true), "Từ lúc này trang hiện biểu mẫu góp ý."),
            with_hint(datetime_field("closes", "Kết thúc lấy ý kiến", true), "Phải sau lúc bắt đầu; hết giờ này cổng không nhận góp ý."),
            {
                "name": "files", "label": "Hồ sơ dự thảo", "widget": "list", "required": true, "min": 1,
                "field": draft_file("file", "Tệp", true),
            },
            text_field("contact", "Đầu mối tiếp nhận", "text", "Đơn vị, điện thoại, thư điện tử, địa chỉ nhận góp ý bằng văn bản."),
            {
                "name": "result", "label": "Kết quả lấy ý kiến", "widget": "object", "required": false, "collapsed": true,
                "hint": "Sau khi kết thúc: tóm tắt và báo cáo tổng hợp, tiếp thu, giải trình.",
                "fields": [
                    text_field("summary", "Tóm tắt kết quả", "text", ""),
                    draft_file("report", "Báo cáo tổng hợp, tiếp thu, giải trình", false),
                ],
            },
        ]),
    );
    collection["label_singular"] = json!("dự thảo");
    collection["summary"] = json!("{{title}}");
    collection["preview_path"] = json!("du-thao/{{slug}}");
    collection
}

/// "Hỏi đáp" (`questions.rs`): a file per answered question, named after its title.
pub(super) fn questions_collection(feedback: &crate::kinds::questions::Feedback) -> Value {
    let topics: Vec<Value> = feedback.topics.iter().map(|t| json!({ "label": t.name, "value": t.slug })).collect();
    let mut collection = folder_collection(
        "questions",
        "Hỏi đáp",
        "Câu hỏi của người dân đã trả lời: chép từ bảng câu hỏi (CSV) kèm mã câu hỏi, biên tập lại rồi viết câu trả lời.",
        "content/questions",
        "title",
        ("answered", "descending"),
        json!([
            {
                "name": "code", "label": "Mã câu hỏi", "widget": "string", "required": true,
                "hint": "Mã người hỏi nhận được, chép từ bảng câu hỏi: HD-2026-7K3M9QXA.",
                "pattern": pattern("^HD-[0-9]{4}-[2-9A-HJKMNP-Z]{8}$", "Mã có dạng HD-2026-7K3M9QXA (chữ in hoa, không có 0, O, 1, I, L)."),
            },
            text_field("title", "Tiêu đề", "string", "Tóm tắt câu hỏi trong một dòng."),
            { "name": "asker", "label": "Tên người hỏi hiển thị", "widget": "string", "required": false, "hint": "Để trống thì hiện “Ẩn danh”. Không ghi số điện thoại, thư điện tử." },
            { "name": "topic", "label": "Lĩnh vực", "widget": "select", "required": true, "options": topics },
            datetime_field("asked", "Ngày hỏi", true),
            text_field("question", "Câu hỏi", "text", "Đã biên tập: bỏ thông tin cá nhân, giữ nguyên ý người hỏi."),
            {
                "name": "answer", "label": "Trả lời", "widget": "markdown", "required": true,
                "pattern": pattern(r"\S", "Trả lời không được để trống."),
            },
            text_field("answered_by", "Đơn vị trả lời", "string", "Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh…"),
            with_hint(datetime_field("answered", "Ngày trả lời", true), "Công bố từ lúc này; tra cứu mã sẽ dẫn tới câu trả lời."),
        ]),
    );
    collection["label_singular"] = json!("câu hỏi");
    collection["summary"] = json!("{{code}} — {{title}}");
    collection["preview_path"] = json!("hoi-dap/{{slug}}");
    collection
}
