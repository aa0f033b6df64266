//! What the press publishes that the function checks requests against: the
//! paths that count views (`data/counted-paths.json`) and, in files beside
//! it, the drafts open for comment, the questions answered and the topics a
//! question may be asked under. An adapter reads them from one source — the
//! counted paths' file or URL — and the rest from the same folder.

use std::collections::{HashMap, HashSet};

use model::submissions::{ANSWERED_QUESTIONS, AnsweredQuestion, OPEN_CONSULTATIONS, OpenConsultation, QUESTION_TOPICS};

use crate::paths::{KnownPaths, normalize};

/// Everything the function knows of the published site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    pub paths: KnownPaths,
    /// Each open draft's page (normalised) and when it closes (Unix ms).
    pub drafts: HashMap<String, i64>,
    /// Each answered question's code and its page.
    pub answered: HashMap<String, String>,
    pub topics: HashSet<String>,
}

/// The files read beside the counted paths, by their names.
pub const BESIDE: [&str; 3] = [OPEN_CONSULTATIONS, ANSWERED_QUESTIONS, QUESTION_TOPICS];

/// The address of `name` in the folder of `source` (a file path or a URL).
pub fn beside(source: &str, name: &str) -> String {
    match source.rfind('/') {
        Some(slash) => format!("{}{name}", &source[..=slash]),
        None => name.to_string(),
    }
}

/// RFC 3339 to Unix milliseconds.
pub fn parse_time(text: &str) -> Option<i64> {
    text.parse::<jiff::Timestamp>().ok().map(|at| at.as_millisecond())
}

impl Published {
    /// From the counted paths' JSON and the three files beside it (`None`:
    /// the file is not published — a site without drafts or questions). The
    /// error names the file and the reason.
    pub fn from_files(
        counted_paths: &str,
        consultations: Option<&str>,
        answered: Option<&str>,
        topics: Option<&str>,
    ) -> Result<Self, String> {
        let paths = KnownPaths::from_json(counted_paths).map_err(|e| format!("counted-paths.json: {e}"))?;
        let parse = |name: &str, text: Option<&str>| -> Result<Option<serde_json::Value>, String> {
            text.map(|text| serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))).transpose()
        };
        let mut published = Published { paths, ..Published::default() };
        if let Some(list) = parse(OPEN_CONSULTATIONS, consultations)? {
            let list: Vec<OpenConsultation> =
                serde_json::from_value(list).map_err(|e| format!("{OPEN_CONSULTATIONS}: {e}"))?;
            for draft in list {
                let path = normalize(&draft.path)
                    .ok_or_else(|| format!("{OPEN_CONSULTATIONS}: `{}` is not an absolute path", draft.path))?;
                let closes = parse_time(&draft.closes)
                    .ok_or_else(|| format!("{OPEN_CONSULTATIONS}: `{}` is not an RFC 3339 time", draft.closes))?;
                published.drafts.insert(path, closes);
            }
        }
        if let Some(list) = parse(ANSWERED_QUESTIONS, answered)? {
            let list: Vec<AnsweredQuestion> =
                serde_json::from_value(list).map_err(|e| format!("{ANSWERED_QUESTIONS}: {e}"))?;
            published.answered = list.into_iter().map(|a| (a.code, a.path)).collect();
        }
        if let Some(list) = parse(QUESTION_TOPICS, topics)? {
            let list: Vec<String> = serde_json::from_value(list).map_err(|e| format!("{QUESTION_TOPICS}: {e}"))?;
            published.topics = list.into_iter().collect();
        }
        Ok(published)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_beside_are_found_and_read() {
        assert_eq!(beside("dist/data/counted-paths.json", "consultations.json"), "dist/data/consultations.json");
        assert_eq!(
            beside("https://sonvan.gov.vn/data/counted-paths.json", "question-topics.json"),
            "https://sonvan.gov.vn/data/question-topics.json"
        );
        let published = Published::from_files(
            r#"["/du-thao/a"]"#,
            Some(r#"[{"path":"/du-thao/A/","closes":"2026-12-10T17:00:00+07:00"}]"#),
            Some(r#"[{"code":"HD-2026-2Z299A9G","path":"/hoi-dap/x"}]"#),
            Some(r#"["Đất đai"]"#),
        )
        .unwrap();
        assert_eq!(published.drafts["/du-thao/a"], parse_time("2026-12-10T10:00:00Z").unwrap());
        assert_eq!(published.answered["HD-2026-2Z299A9G"], "/hoi-dap/x");
        assert!(published.topics.contains("Đất đai"));
        let error = Published::from_files("[]", Some(r#"[{"path":"/x","closes":"mai"}]"#), None, None).unwrap_err();
        assert!(error.contains("consultations.json") && error.contains("mai"), "{error}");
        assert_eq!(Published::from_files("[]", None, None, None).unwrap(), Published::default());
    }
}
