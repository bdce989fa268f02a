//! Export and import of progress (the log and the settings) as a JSON file.
//!
//! ```json
//! {"format":"mianjing-progress","version":1,"exported_at":1795000000000,
//!  "settings":{"v":1,…},"settings_at":1794000000000,"log":{"v":1,"cards":{…}}}
//! ```
//!
//! Import is strict, unlike loading from storage: a file with anything wrong
//! is refused whole with a typed [`ImportError`], and nothing changes. The
//! size is checked before parsing. A good file gives an [`ImportPreview`]
//! (what it would add); applying it is [`Progress::merge`]: a union of logs,
//! so importing twice or importing an older export of the same progress adds
//! nothing, and the file's settings win only if they were changed later than
//! the current ones.
//!
//! **Unknown card ids.** A card whose question left the notes keeps its log,
//! and an export carries it, so an id the notes do not know is kept and
//! counted in the preview (its progress returns with its question). A file
//! none of whose cards exists is refused ([`ImportError::NoKnownCards`]):
//! it is not progress on these notes.

use serde_json::{json, Map, Value};

use super::log::{Action, Mode, Problem, ProblemKind, ReviewLog};
use super::progress::Progress;
use super::settings::Settings;
use super::time::Date;

/// The `format` field of an export.
pub const EXPORT_FORMAT: &str = "mianjing-progress";
/// The export format version.
pub const EXPORT_VERSION: u64 = 1;
/// Largest file accepted: 5 MB (10,000 reviews take about 0.2 MB).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The export file's text.
pub fn export_json(progress: &Progress, now_ms: i64) -> String {
    // The log is written by its own serializer and spliced in, to avoid
    // building a second tree of 10,000 events.
    let head = json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": now_ms,
        "settings": progress.settings.to_value(),
        "settings_at": progress.settings_ms,
    })
    .to_string();
    let body = head.strip_suffix('}').unwrap_or(&head);
    format!("{body},\"log\":{}}}", progress.log.to_json())
}

/// A file name for an export made on `date` (`mianjing-progress-2026-11-23.json`).
pub fn export_file_name(date: Date) -> String {
    format!("{EXPORT_FORMAT}-{date}.json")
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; not read.
    TooLarge { bytes: usize },
    /// Not JSON (1-based position of the first error).
    NotJson { line: usize, column: usize },
    /// JSON, but not a progress export.
    NotProgress,
    /// Made by a newer version of the app.
    UnsupportedVersion { found: String },
    /// A field with the wrong type or value.
    Invalid(Problem),
    /// Cards exist in the file but none of them in the notes.
    NoKnownCards { unknown: usize },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => {
                write!(
                    f,
                    "file too large ({bytes} bytes, limit {MAX_IMPORT_BYTES})"
                )
            }
            ImportError::NotJson { line, column } => {
                write!(f, "not JSON (line {line}, column {column})")
            }
            ImportError::NotProgress => write!(f, "not a {EXPORT_FORMAT} file"),
            ImportError::UnsupportedVersion { found } => write!(f, "unsupported version {found}"),
            ImportError::Invalid(problem) => write!(f, "invalid: {problem}"),
            ImportError::NoKnownCards { unknown } => {
                write!(f, "none of its {unknown} cards is in the notes")
            }
        }
    }
}

/// What a valid file holds and would add.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The file's log and settings; `exported_ms` is when it was made.
    pub progress: Progress,
    /// Events of the file not yet in the current log.
    pub new_events: usize,
    /// Of those, grades.
    pub new_reviews: usize,
    /// Cards with at least one event in the file.
    pub cards: usize,
    /// Card ids of the file the notes do not have (kept; see module docs).
    pub unknown_cards: Vec<String>,
}

impl ImportPreview {
    /// The progress after the import.
    pub fn merged_with(&self, current: &Progress) -> Progress {
        let mut merged = current.clone();
        merged.merge(&Progress {
            exported_ms: None,
            ..self.progress.clone()
        });
        merged
    }

    /// True when the import would replace the current settings.
    pub fn replaces_settings(&self, current: &Progress) -> bool {
        self.progress.settings_ms > current.settings_ms
            && self.progress.settings != current.settings
    }
}

/// Reads an export. `is_known` tells which card ids the notes have.
pub fn read_import(
    text: &str,
    current: &ReviewLog,
    is_known: impl Fn(&str) -> bool,
) -> Result<ImportPreview, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(root) = &value else {
        return Err(ImportError::NotProgress);
    };
    if root.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotProgress);
    }
    match root.get("version") {
        Some(v) if v.as_u64() == Some(EXPORT_VERSION) => {}
        Some(v) => {
            return Err(ImportError::UnsupportedVersion {
                found: v.to_string(),
            })
        }
        None => return Err(invalid("version", ProblemKind::Missing)),
    }
    let exported_ms = read_time(root, "exported_at")?;
    let settings_ms = read_time(root, "settings_at")?;
    let settings = match root.get("settings") {
        None => Settings::default(),
        Some(v) => {
            Settings::from_value(v, Mode::Strict, "settings")
                .map_err(ImportError::Invalid)?
                .0
        }
    };
    let log_value = root
        .get("log")
        .ok_or_else(|| invalid("log", ProblemKind::Missing))?;
    let log = match ReviewLog::from_value(log_value, Mode::Strict) {
        Ok((log, _)) => log,
        Err(Problem {
            path,
            kind: ProblemKind::UnsupportedVersion { found },
        }) if path == "v" => {
            return Err(ImportError::UnsupportedVersion {
                found: format!("log {found}"),
            })
        }
        Err(mut problem) => {
            problem.path = if problem.path.is_empty() {
                "log".to_owned()
            } else {
                format!("log.{}", problem.path)
            };
            return Err(ImportError::Invalid(problem));
        }
    };
    let cards: Vec<&str> = log.card_ids().collect();
    let unknown_cards: Vec<String> = cards
        .iter()
        .filter(|id| !is_known(id))
        .map(|id| (*id).to_owned())
        .collect();
    if !cards.is_empty() && unknown_cards.len() == cards.len() {
        return Err(ImportError::NoKnownCards {
            unknown: cards.len(),
        });
    }
    let (mut new_events, mut new_reviews) = (0, 0);
    for (_, event) in log.iter().filter(|(card, e)| !current.contains(card, e)) {
        new_events += 1;
        new_reviews += usize::from(matches!(event.action, Action::Grade(_)));
    }
    Ok(ImportPreview {
        new_events,
        new_reviews,
        cards: cards.len(),
        unknown_cards,
        progress: Progress {
            log,
            settings,
            settings_ms,
            exported_ms: Some(exported_ms),
        },
    })
}

fn invalid(path: &str, kind: ProblemKind) -> ImportError {
    ImportError::Invalid(Problem::new(path, kind))
}

fn read_time(root: &Map<String, Value>, field: &str) -> Result<i64, ImportError> {
    match root.get(field) {
        None => Ok(0),
        Some(v) => v
            .as_i64()
            .ok_or_else(|| ImportError::Invalid(Problem::wrong_type(field, "integer"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::{Rng, T0};
    use crate::cards::log::{Action, Event, Grade};
    use crate::cards::time::Date;

    fn known(id: &str) -> bool {
        id.starts_with('q')
    }

    fn sample_log(rng: &mut Rng, n: usize) -> ReviewLog {
        let mut log = ReviewLog::new();
        for i in 0..n {
            let card = format!("q{}", rng.below(20));
            let grade = Grade::ALL[rng.below(4) as usize];
            log.record(
                &card,
                Event::new(T0 + i as i64 * 60_000, Action::Grade(grade)),
            );
        }
        log.record("q1", Event::new(T0 + 5, Action::Flag));
        log.record("q2", Event::new(T0 + 7, Action::Undo { target_ms: T0 }));
        log
    }

    fn progress(log: &ReviewLog, settings: Settings, settings_ms: i64) -> Progress {
        Progress {
            log: log.clone(),
            settings,
            settings_ms,
            exported_ms: None,
        }
    }

    fn sample_settings() -> Settings {
        Settings {
            desired_retention: 0.87,
            new_per_day: 12,
            interview: Date::new(2026, 12, 24),
            ..Settings::default()
        }
    }

    #[test]
    fn export_then_import_gives_back_the_same_progress() {
        let log = sample_log(&mut Rng(5), 300);
        let mine = progress(&log, sample_settings(), T0 - 9);
        let text = export_json(&mine, T0);
        assert!(text.contains(r#""format":"mianjing-progress""#));
        let fresh = Progress::default();
        let preview = read_import(&text, &fresh.log, known).expect("valid export");
        assert_eq!(preview.progress.log, log);
        assert_eq!(preview.progress.settings, sample_settings());
        assert_eq!(preview.progress.settings_ms, T0 - 9);
        assert_eq!(preview.progress.exported_ms, Some(T0));
        assert_eq!(preview.new_events, log.len());
        assert_eq!(preview.new_reviews, log.review_count());
        assert!(preview.unknown_cards.is_empty());
        assert!(preview.replaces_settings(&fresh));
        let merged = preview.merged_with(&fresh);
        assert_eq!(merged, mine, "a fresh profile gets the same progress");
        // Importing again adds nothing.
        let again = read_import(&text, &merged.log, known).expect("valid");
        assert!(!again.replaces_settings(&merged));
        assert_eq!((again.new_events, again.new_reviews), (0, 0));
        assert_eq!(
            export_file_name(Date::new(2026, 11, 23).expect("date")),
            "mianjing-progress-2026-11-23.json"
        );
    }

    #[test]
    fn a_partial_overlap_previews_only_what_is_new() {
        let mut rng = Rng(9);
        let base = sample_log(&mut rng, 50);
        let mut other = base.clone();
        other.record("q3", Event::new(T0 + 999_999, Action::Grade(Grade::Easy)));
        other.record("gone", Event::new(T0 + 999_999, Action::Grade(Grade::Good)));
        other.record("q3", Event::new(T0 + 1_000_000, Action::Suspend));
        let text = export_json(&progress(&other, Settings::default(), 0), T0);
        let preview = read_import(&text, &base, known).expect("valid");
        assert_eq!((preview.new_events, preview.new_reviews), (3, 2));
        assert_eq!(preview.unknown_cards, vec!["gone".to_owned()]);
        // Settings changed here later than the file's: ours stay.
        let here = progress(&base, sample_settings(), T0);
        assert!(!preview.replaces_settings(&here));
        assert_eq!(
            preview.merged_with(&here),
            progress(&other, sample_settings(), T0)
        );
    }

    #[test]
    fn bad_files_get_a_typed_reason() {
        let empty = ReviewLog::new();
        let check = |text: &str| read_import(text, &empty, known).map(|_| ()).unwrap_err();
        assert_eq!(
            check(&" ".repeat(MAX_IMPORT_BYTES + 1)),
            ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            }
        );
        assert!(matches!(
            check("{\"format\":"),
            ImportError::NotJson { line: 1, .. }
        ));
        assert!(matches!(check("\u{1F600}"), ImportError::NotJson { .. }));
        assert_eq!(check("[1,2]"), ImportError::NotProgress);
        assert_eq!(check(r#"{"cards":{}}"#), ImportError::NotProgress);
        let v2 = r#"{"format":"mianjing-progress","version":2,"log":{"v":1,"cards":{}}}"#;
        assert_eq!(
            check(v2),
            ImportError::UnsupportedVersion { found: "2".into() }
        );
        let future_log = r#"{"format":"mianjing-progress","version":1,"log":{"v":3,"cards":{}}}"#;
        assert_eq!(
            check(future_log),
            ImportError::UnsupportedVersion {
                found: "log 3".into()
            }
        );
        let wrong = format!(
            r#"{{"format":"mianjing-progress","version":1,"log":{{"v":1,"cards":{{"q1":[[{T0},"3"]]}}}}}}"#
        );
        assert_eq!(
            check(&wrong),
            ImportError::Invalid(Problem::new(
                "log.cards.q1[0]",
                ProblemKind::WrongType {
                    expected: "integer"
                }
            ))
        );
        let bad_setting = r#"{"format":"mianjing-progress","version":1,"settings":{"v":1,"retention":2},"log":{"v":1,"cards":{}}}"#;
        assert_eq!(
            check(bad_setting),
            ImportError::Invalid(Problem::new("settings.retention", ProblemKind::BadValue))
        );
        let strangers = format!(
            r#"{{"format":"mianjing-progress","version":1,"log":{{"v":1,"cards":{{"x1":[[{T0},3]],"x2":[[{T0},3]]}}}}}}"#
        );
        assert_eq!(check(&strangers), ImportError::NoKnownCards { unknown: 2 });
        let no_log = r#"{"format":"mianjing-progress","version":1}"#;
        assert_eq!(
            check(no_log),
            ImportError::Invalid(Problem::new("log", ProblemKind::Missing))
        );
    }

    /// Many malformed files from a seed: every byte-offset truncation of a
    /// valid export, type swaps, huge numbers, wrong versions. Never a panic,
    /// and a refused file leaves the current log untouched (it is only read).
    #[test]
    fn malformed_imports_never_panic_and_never_change_anything() {
        let mut rng = Rng(2024);
        let log = sample_log(&mut rng, 25);
        let valid = export_json(&progress(&log, sample_settings(), T0), T0);
        let current = sample_log(&mut Rng(1), 10);
        let before = current.clone();
        let mut refused = 0;
        let mut accepted = 0;
        let mut try_one = |text: &str| {
            match read_import(text, &current, known) {
                Ok(preview) => {
                    accepted += 1;
                    // Accepted files are self-consistent.
                    assert_eq!(
                        preview.new_events,
                        current.missing_from(&preview.progress.log)
                    );
                }
                Err(e) => {
                    refused += 1;
                    assert!(!e.to_string().is_empty());
                }
            }
        };
        for cut in 0..valid.len() {
            if valid.is_char_boundary(cut) {
                try_one(&valid[..cut]);
            }
        }
        let swaps = [
            ("1", "\"1\""),
            ("3", "true"),
            ("3", "null"),
            ("3", "-3"),
            ("[", "{"),
            ("]", "}"),
            ("1", "1e999"),
            ("1", "99999999999999999999999"),
            ("0.87", "\"x\""),
            ("{", "["),
            ("\"v\":1", "\"v\":1.5"),
            ("\"version\":1", "\"version\":\"1\""),
            (",", ",,"),
            ("9", "-"),
        ];
        for _ in 0..3000 {
            let (from, to) = swaps[rng.below(swaps.len() as u64) as usize];
            let matches: Vec<usize> = valid.match_indices(from).map(|(i, _)| i).collect();
            if matches.is_empty() {
                continue;
            }
            let at = matches[rng.below(matches.len() as u64) as usize];
            let mut text = valid.clone();
            text.replace_range(at..at + from.len(), to);
            try_one(&text);
            // And random bytes dropped or doubled.
            let mut bytes = valid.clone().into_bytes();
            let i = rng.below(bytes.len() as u64) as usize;
            if rng.below(2) == 0 {
                bytes.remove(i);
            } else {
                bytes.insert(i, bytes[i]);
            }
            if let Ok(text) = String::from_utf8(bytes) {
                try_one(&text);
            }
        }
        assert_eq!(
            current, before,
            "reading an import never changes the current log"
        );
        assert!(refused > valid.len(), "{refused} refused");
        assert!(accepted > 0, "some swaps keep a valid file");
    }
}
