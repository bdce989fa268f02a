//! Export and import of progress (the log and the settings) as a JSON file.
//!
//! ```json
//! {"format":"mianjing-progress","version":1,"exported_at":1795000000000,
//!  "settings":{"v":1,…},"settings_at":1794000000000,"log":{"v":1,"cards":{…}}}
//! ```
//!
//! Import reads everything the app itself writes ([`read_progress`]): an
//! export, a stored value or one of its backups, the error panel's download.
//! Like loading from storage, it keeps every valid part of a damaged file
//! and says how many parts it left out; a file with nothing readable, or one
//! from a newer version, is refused with a typed [`ImportError`], and
//! nothing changes. The size is checked before parsing. A good file gives an
//! [`ImportPreview`] (what it would add); applying it is [`Progress::merge`]:
//! a union of logs, so importing twice or importing an older export of the
//! same progress adds nothing, and the file's settings win only if they were
//! changed later than the current ones.
//!
//! **Unknown card ids.** A card whose question left the notes keeps its log,
//! and an export carries it, so an id the notes do not know is kept and
//! counted in the preview (its progress returns with its question). A file
//! none of whose cards exists is refused ([`ImportError::NoKnownCards`]):
//! it is not progress on these notes.

use serde_json::{json, Map, Value};

use super::log::{EventKind, Problem, ProblemKind, ReviewLog, Strictness};
use super::progress::Progress;
use super::repair::parse_salvaging;
use super::time::Date;
use crate::storage::{keys, Slice};

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
    /// The `version` field is not a number (`"1"`, `null`).
    VersionNotNumber { found: String },
    /// A version number no app ever wrote (`0`, `1.5`).
    UnknownVersion { found: String },
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
            ImportError::VersionNotNumber { found } => write!(f, "version {found} is not a number"),
            ImportError::UnknownVersion { found } => {
                write!(f, "version {found} is not a known version")
            }
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
    /// Parts of the file that were damaged and left out.
    pub dropped: usize,
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

/// Progress read from a text the app wrote, and how much of it was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub progress: Progress,
    /// Parts left out or joined (damaged, cut off, given twice).
    pub dropped: usize,
    /// Cards with at least one event.
    pub cards: usize,
    /// Grade events.
    pub reviews: usize,
}

/// Reads progress from any text the app itself writes, salvaging as loading
/// does: an export, a stored value or a backup of one (`{"v":1,"data":…}`),
/// or the error panel's download (every stored value as a string; the
/// progress and its backups are joined). A newer export is refused; a stored
/// value from a newer version is read as far as it is understood, as at
/// start-up.
pub fn read_progress(text: &str) -> Result<Readout, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let (value, problems) = parse_salvaging(text);
    let Some(value) = value else {
        return Err(match problems.first().map(|p| &p.kind) {
            Some(ProblemKind::NotJson { line, column }) => ImportError::NotJson {
                line: *line,
                column: *column,
            },
            _ => ImportError::NotJson { line: 1, column: 1 },
        });
    };
    let Value::Object(root) = &value else {
        return Err(ImportError::NotProgress);
    };
    let read = if root.contains_key("format") {
        read_export(root)
    } else if root.keys().any(|k| k.starts_with("mianjing.")) {
        read_panel_download(root)
    } else {
        read_stored_value(&value)
    };
    let (progress, mut more) = match read {
        Ok(read) => read,
        // What was left after a cut is not recognisable: say where the
        // text went wrong rather than what it is not.
        Err(ImportError::NotProgress) => {
            return Err(
                match problems.iter().find_map(|p| match p.kind {
                    ProblemKind::Cut { at } => Some(at),
                    _ => None,
                }) {
                    Some(at) => not_json_at(text, at),
                    None => ImportError::NotProgress,
                },
            )
        }
        Err(e) => return Err(e),
    };
    more.splice(0..0, problems);
    if progress.is_blank() {
        if let Some(first) = more.first() {
            return Err(ImportError::Invalid(first.clone()));
        }
    }
    Ok(Readout {
        cards: progress.log.card_ids().count(),
        reviews: progress.log.review_count(),
        dropped: more.len(),
        progress,
    })
}

fn read_export(root: &Map<String, Value>) -> Result<(Progress, Vec<Problem>), ImportError> {
    if root.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotProgress);
    }
    match root.get("version") {
        None => return Err(invalid("version", ProblemKind::Missing)),
        Some(v) => check_version(v)?,
    }
    let (progress, problems) =
        Progress::from_value(&Value::Object(root.clone()), Strictness::Tolerant)
            .map_err(ImportError::Invalid)?;
    // A log from a newer app would be read only in part: refuse, as for a
    // newer export.
    if let Some(found) = problems.iter().find_map(|p| match p.kind {
        ProblemKind::UnsupportedVersion { found } if p.path == "log.v" => Some(found),
        _ => None,
    }) {
        return Err(ImportError::UnsupportedVersion {
            found: format!("log {found}"),
        });
    }
    Ok((progress, problems))
}

/// The export's `version`: a number, and one this app knows. JSON has a
/// single kind of number, so `1.0` is version 1.
fn check_version(v: &Value) -> Result<(), ImportError> {
    let found = v.to_string();
    let Some(n) = v.as_f64() else {
        return Err(ImportError::VersionNotNumber { found });
    };
    if n == EXPORT_VERSION as f64 {
        Ok(())
    } else if n.fract() == 0.0 && n > EXPORT_VERSION as f64 {
        Err(ImportError::UnsupportedVersion { found })
    } else {
        Err(ImportError::UnknownVersion { found })
    }
}

/// A value as the storage owner stores it: `{"v":n,"data":{…}}`, or the
/// bare progress object.
fn read_stored_value(value: &Value) -> Result<(Progress, Vec<Problem>), ImportError> {
    let (data, version) = match value {
        Value::Object(map) if map.contains_key("data") => {
            (map.get("data").unwrap_or(&Value::Null), map.get("v"))
        }
        other => (other, None),
    };
    let is_progress = matches!(data, Value::Object(map) if map.contains_key("log"));
    if !is_progress {
        return Err(ImportError::NotProgress);
    }
    let (progress, mut problems) =
        Progress::from_value(data, Strictness::Tolerant).map_err(ImportError::Invalid)?;
    let newer = version
        .and_then(Value::as_u64)
        .filter(|&v| v > u64::from(<Progress as Slice>::VERSION));
    if let Some(found) = newer {
        problems.push(Problem::new("v", ProblemKind::UnsupportedVersion { found }));
    }
    Ok((progress, problems))
}

/// The error panel's download: `{"mianjing.progress":"…", "mianjing.backup.
/// progress.<ms>":"…", "mianjing.prefs":"…"}`. Every progress value in it is
/// read and joined (a union of logs loses nothing).
fn read_panel_download(root: &Map<String, Value>) -> Result<(Progress, Vec<Problem>), ImportError> {
    let backup_prefix = keys::backup(keys::PROGRESS, 0);
    let backup_prefix = backup_prefix.trim_end_matches('0');
    let mut progress = Progress::default();
    let mut problems = Vec::new();
    let mut found = 0;
    for (key, value) in root {
        if key != keys::PROGRESS && !key.starts_with(backup_prefix) {
            continue;
        }
        found += 1;
        let read = match value {
            Value::String(text) => read_progress(text),
            _ => Err(ImportError::Invalid(Problem::wrong_type(key, "string"))),
        };
        match read {
            Ok(readout) => {
                progress.merge(&readout.progress);
                let mut more = Vec::new();
                more.resize(readout.dropped, Problem::new(key, ProblemKind::BadValue));
                problems.extend(more);
            }
            Err(ImportError::Invalid(p)) => problems.push(p),
            Err(_) => problems.push(Problem::new(key, ProblemKind::BadValue)),
        }
    }
    if found == 0 {
        return Err(ImportError::NotProgress);
    }
    Ok((progress, problems))
}

/// Reads a file to import (anything [`read_progress`] reads). `is_known`
/// tells which card ids the notes have.
pub fn read_import(
    text: &str,
    current: &ReviewLog,
    is_known: impl Fn(&str) -> bool,
) -> Result<ImportPreview, ImportError> {
    let Readout {
        progress, dropped, ..
    } = read_progress(text)?;
    let cards: Vec<&str> = progress.log.card_ids().collect();
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
    for (_, event) in progress
        .log
        .iter()
        .filter(|(card, e)| !current.contains(card, e))
    {
        new_events += 1;
        new_reviews += usize::from(matches!(event.kind, EventKind::Grade(_)));
    }
    Ok(ImportPreview {
        new_events,
        new_reviews,
        cards: cards.len(),
        unknown_cards,
        dropped,
        progress,
    })
}

/// A [`ImportError::NotJson`] at byte `at` (1-based line and column).
fn not_json_at(text: &str, at: usize) -> ImportError {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    ImportError::NotJson {
        line,
        column: before.len() - line_start + 1,
    }
}

fn invalid(path: &str, kind: ProblemKind) -> ImportError {
    ImportError::Invalid(Problem::new(path, kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::{Rng, T0};
    use crate::cards::log::{Event, EventKind, Grade};
    use crate::cards::settings::Settings;
    use crate::cards::time::Date;

    fn known(id: &str) -> bool {
        id.starts_with('q')
    }

    fn sample_log(rng: &mut Rng, n: usize) -> ReviewLog {
        let mut log = ReviewLog::new();
        for i in 0..n {
            let card = format!("q{}", rng.below_u64(20));
            let grade = Grade::ALL[rng.below_u64(4) as usize];
            log.record(
                &card,
                Event::new(T0 + i as i64 * 60_000, EventKind::Grade(grade)),
            );
        }
        log.record("q1", Event::new(T0 + 5, EventKind::Flag));
        log.record("q2", Event::new(T0 + 7, EventKind::Undo { target_ms: T0 }));
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
        other.record(
            "q3",
            Event::new(T0 + 999_999, EventKind::Grade(Grade::Easy)),
        );
        other.record(
            "gone",
            Event::new(T0 + 999_999, EventKind::Grade(Grade::Good)),
        );
        other.record("q3", Event::new(T0 + 1_000_000, EventKind::Suspend));
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

    fn stored_form(p: &Progress) -> String {
        serde_json::json!({"v": 1, "data": p.to_value()}).to_string()
    }

    #[test]
    fn a_backup_of_a_cut_value_restores_what_loading_kept() {
        let log = sample_log(&mut Rng(31), 40);
        let whole = stored_form(&progress(&log, sample_settings(), T0));
        let cut = &whole[..whole.len() * 60 / 100];
        let mut store = crate::storage::Store::in_memory();
        store.write_raw(crate::storage::keys::PROGRESS, cut);
        let (loaded, notices) = crate::cards::progress::load_progress(&mut store, T0);
        assert!(!loaded.log.is_empty());
        let Some(crate::storage::Notice::Partial {
            backup: Some(key), ..
        }) = notices.first()
        else {
            panic!("{notices:?}");
        };
        let backup = store.read_raw(key).expect("backup kept");
        let read = read_progress(&backup).expect("a backup the app made is readable");
        assert_eq!(
            read.progress.log, loaded.log,
            "restore keeps what loading kept"
        );
        assert!(read.dropped >= 1, "and says something was cut");
        assert_eq!(read.cards, loaded.log.card_ids().count());
        assert_eq!(read.reviews, loaded.log.review_count());
        // The same backup chosen as an import file.
        let preview = read_import(&backup, &ReviewLog::new(), known).expect("importable");
        assert_eq!(preview.progress.log, loaded.log);
        assert_eq!(preview.dropped, read.dropped);
    }

    #[test]
    fn import_reads_everything_the_app_writes() {
        let log = sample_log(&mut Rng(41), 30);
        let mine = progress(&log, sample_settings(), T0);
        let empty = ReviewLog::new();
        // A stored value, as the storage owner writes it.
        let stored = stored_form(&mine);
        let preview = read_import(&stored, &empty, known).expect("stored value");
        assert_eq!(preview.progress.log, log);
        assert_eq!(preview.progress.settings, sample_settings());
        assert_eq!(preview.dropped, 0);
        // The error panel's download: every stored value as a string; the
        // progress and its backups are read and joined.
        let mut older = ReviewLog::new();
        older.record(
            "q7",
            Event::new(T0 - 86_400_000, EventKind::Grade(Grade::Hard)),
        );
        let backup = stored_form(&progress(&older, Settings::default(), 0));
        let panel = serde_json::json!({
            "mianjing.prefs": r#"{"v":1,"data":{"theme":"dark","lang":"zh"}}"#,
            "mianjing.progress": stored,
            "mianjing.backup.progress.1795000000000": backup,
        })
        .to_string();
        let preview = read_import(&panel, &empty, known).expect("the error panel's file");
        let mut both = log.clone();
        both.merge(&older);
        assert_eq!(preview.progress.log, both);
        assert_eq!(
            preview.progress.settings,
            sample_settings(),
            "the later settings"
        );
        // An export cut short keeps what came before the cut.
        let export = export_json(&mine, T0);
        let cut = &export[..export.len() * 60 / 100];
        let preview = read_import(cut, &empty, known).expect("a cut export");
        assert!(!preview.progress.log.is_empty() && preview.progress.log.len() < log.len());
        assert!(preview.progress.log.iter().all(|(c, e)| log.contains(c, e)));
        assert!(preview.dropped >= 1);
        // An export with one bad event keeps the others.
        let mut bad = export.clone();
        let at = bad
            .find(",1]")
            .or_else(|| bad.find(",3]"))
            .expect("an event");
        bad.replace_range(at + 1..at + 2, "\"x\"");
        let preview = read_import(&bad, &empty, known).expect("one bad event");
        assert_eq!(preview.progress.log.len(), log.len() - 1);
        assert_eq!(preview.dropped, 1);
        // A prefs value is not progress.
        let prefs = r#"{"v":1,"data":{"theme":"dark","lang":"zh"}}"#;
        assert_eq!(
            read_import(prefs, &empty, known).map(|_| ()),
            Err(ImportError::NotProgress)
        );
    }

    #[test]
    fn a_version_that_is_not_a_known_number_says_so() {
        let empty = ReviewLog::new();
        let with = |version: &str| {
            let text = format!(
                r#"{{"format":"mianjing-progress","version":{version},"log":{{"v":1,"cards":{{"q1":[[{T0},3]]}}}}}}"#
            );
            read_import(&text, &empty, known).map(|p| p.progress.log.len())
        };
        assert_eq!(with("1"), Ok(1));
        assert_eq!(with("1.0"), Ok(1), "JSON has one kind of number: 1.0 is 1");
        assert_eq!(
            with("\"1\""),
            Err(ImportError::VersionNotNumber {
                found: "\"1\"".into()
            })
        );
        assert_eq!(
            with("null"),
            Err(ImportError::VersionNotNumber {
                found: "null".into()
            })
        );
        for unknown in ["0", "-1", "1.5"] {
            assert_eq!(
                with(unknown),
                Err(ImportError::UnknownVersion {
                    found: unknown.into()
                }),
                "{unknown}"
            );
        }
        assert_eq!(
            with("2"),
            Err(ImportError::UnsupportedVersion { found: "2".into() })
        );
    }

    /// Where a key begins in `text` (`"name":`), so that a mutation can put
    /// something before it, at the same level.
    fn key_starts(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        text.match_indices("\":")
            .filter_map(|(end, _)| text[..end].rfind('"'))
            .filter(|&start| start > 0 && matches!(bytes[start - 1], b'{' | b','))
            .collect()
    }

    /// The mutations every reader of progress must survive, from a seed:
    /// type swaps, huge numbers, wrong versions, bytes dropped or doubled,
    /// duplicated keys (an empty log, a repeated card, a repeated field) and
    /// junk nested deeper than any parser's limit. Returns the text and
    /// whether the mutation only added (so every original event must stay).
    fn mutate(rng: &mut Rng, valid: &str) -> (String, bool) {
        const SWAPS: [(&str, &str); 14] = [
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
        let mut text = valid.to_owned();
        let keys = key_starts(valid);
        let before_key = |rng: &mut Rng| keys[rng.below_u64(keys.len() as u64) as usize];
        match rng.below_u64(6) {
            0 => {
                let (from, to) = SWAPS[rng.below_u64(SWAPS.len() as u64) as usize];
                let matches: Vec<usize> = valid.match_indices(from).map(|(i, _)| i).collect();
                if let Some(&at) = matches.get(rng.below_u64(matches.len() as u64) as usize) {
                    text.replace_range(at..at + from.len(), to);
                }
                (text, false)
            }
            1 => {
                let mut bytes = text.into_bytes();
                let i = rng.below_u64(bytes.len() as u64) as usize;
                if rng.below_u64(2) == 0 {
                    bytes.remove(i);
                } else {
                    bytes.insert(i, bytes[i]);
                }
                (String::from_utf8_lossy(&bytes).into_owned(), false)
            }
            2 => {
                // A second, empty log beside the first.
                let at = valid.find("\"settings\":").unwrap_or(0);
                text.insert_str(at, r#""log":{"v":1,"cards":{}},"#);
                (text, true)
            }
            3 => {
                // Any key given twice: the same `"key":value,` again.
                let at = before_key(rng);
                let entry_end = key_value_end(&text, at);
                let entry = text[at..entry_end].to_owned();
                text.insert_str(at, &format!("{entry},"));
                (text, true)
            }
            4 => {
                // Junk nested deeper than serde_json's limit of 128.
                let n = [129, 200, 5_000][rng.below_u64(3) as usize];
                let junk = format!(r#""junk":{}0{},"#, "[".repeat(n), "]".repeat(n));
                text.insert_str(before_key(rng), &junk);
                (text, true)
            }
            _ => {
                let cut = rng.below_u64(text.len() as u64) as usize;
                let cut = (0..=cut)
                    .rev()
                    .find(|&c| text.is_char_boundary(c))
                    .unwrap_or(0);
                text.truncate(cut);
                (text, false)
            }
        }
    }

    /// The end of the `"key":value` that starts at `at` (a plain scan: the
    /// values here hold no brackets inside strings).
    fn key_value_end(text: &str, at: usize) -> usize {
        let mut depth = 0i32;
        for (i, b) in text.bytes().enumerate().skip(at) {
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth == 0 => return i,
                b'}' | b']' => depth -= 1,
                b',' if depth == 0 => return i,
                _ => {}
            }
        }
        text.len()
    }

    /// Many malformed files from a seed (see [`mutate`]), and every
    /// byte-offset truncation of a valid export. Never a panic; a refused
    /// file leaves the current log untouched (it is only read); an accepted
    /// one invents no event, and a file that was only added to (a duplicated
    /// key, deep junk) loses none and says it was not read cleanly.
    #[test]
    fn malformed_imports_never_panic_and_never_change_anything() {
        let mut rng = Rng(2024);
        let log = sample_log(&mut rng, 25);
        let valid = export_json(&progress(&log, sample_settings(), T0), T0);
        let current = sample_log(&mut Rng(1), 10);
        let before = current.clone();
        let (mut refused, mut accepted, mut added) = (0, 0, 0);
        let mut try_one = |text: &str, only_added: bool| match read_import(text, &current, known) {
            Ok(preview) => {
                accepted += 1;
                assert_eq!(
                    preview.new_events,
                    current.missing_from(&preview.progress.log)
                );
                if only_added {
                    added += 1;
                    assert_eq!(log.missing_from(&preview.progress.log), 0, "{text}");
                    assert_eq!(preview.progress.log.missing_from(&log), 0, "{text}");
                    assert!(preview.dropped >= 1, "{text}");
                }
            }
            Err(e) => {
                assert!(!only_added, "{text}: {e}");
                refused += 1;
                assert!(!e.to_string().is_empty());
            }
        };
        let mut kept_before = 0;
        for cut in (0..valid.len()).filter(|&c| valid.is_char_boundary(c)) {
            match read_import(&valid[..cut], &current, known) {
                Ok(preview) => {
                    let kept = preview.progress.log.len();
                    assert_eq!(
                        log.missing_from(&preview.progress.log),
                        0,
                        "invented at {cut}"
                    );
                    assert!(preview.dropped >= 1, "a cut at {cut} is reported");
                    assert!(kept + 1 >= kept_before, "cut {cut}: lost earlier events");
                    kept_before = kept;
                }
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
        assert!(
            kept_before + 1 >= log.len(),
            "a cut at the end keeps the log"
        );
        for _ in 0..3000 {
            let (text, only_added) = mutate(&mut rng, &valid);
            try_one(&text, only_added);
        }
        assert_eq!(
            current, before,
            "reading an import never changes the current log"
        );
        assert!(
            refused > 100 && accepted > 100,
            "{refused} refused, {accepted} accepted"
        );
        assert!(added > 500, "{added} additions");
    }

    /// The same mutations of a stored value, loaded at start-up: never a
    /// panic, and whenever the value is not read cleanly the user is told and
    /// the original is backed up byte for byte before anything overwrites
    /// it; a value that was only added to loses no event.
    #[test]
    fn malformed_stored_values_are_backed_up_whenever_not_read_cleanly() {
        use crate::cards::progress::{load_progress, save_progress};
        use crate::storage::{keys, Notice, Store};
        let mut rng = Rng(77);
        let log = sample_log(&mut rng, 25);
        let valid = stored_form(&progress(&log, sample_settings(), T0));
        let mut silent = 0;
        for i in 0..2000 {
            let (text, only_added) = mutate(&mut rng, &valid);
            let mut store = Store::in_memory();
            store.write_raw(keys::PROGRESS, &text);
            let (loaded, notices) = load_progress(&mut store, T0 + i);
            let backups: Vec<String> = notices
                .iter()
                .filter_map(|n| match n {
                    Notice::Partial { backup, .. }
                    | Notice::Spoiled { backup, .. }
                    | Notice::FutureVersion { backup, .. } => backup.clone(),
                    _ => None,
                })
                .collect();
            assert_eq!(backups.len(), notices.len(), "{text}: {notices:?}");
            for key in &backups {
                assert_eq!(store.read_raw(key).as_deref(), Some(text.as_str()));
            }
            if only_added {
                assert_eq!(loaded.log.missing_from(&log), 0, "{text}");
                assert!(!notices.is_empty(), "{text}");
            }
            if notices.is_empty() {
                silent += 1;
                // Read cleanly: a plain reader sees the same log, and the
                // text names the log once.
                let plain: Value = serde_json::from_str(&text).expect("clean JSON");
                let plain_log = ReviewLog::from_value(&plain["data"]["log"], Strictness::Tolerant)
                    .map(|(l, _)| l)
                    .unwrap_or_default();
                assert_eq!(plain_log, loaded.log, "{text}");
                assert_eq!(text.matches("\"log\"").count(), 1, "{text}");
            }
            // Saving on top never loses what was loaded.
            save_progress(&mut store, &loaded, false, T0 + i);
            let again = store.load::<Progress>(T0);
            assert_eq!(again.log.missing_from(&loaded.log), 0);
        }
        assert!(silent > 50, "{silent} clean reads");
    }
}
