//! Everything the flashcards keep: the log, the settings and when they were
//! changed, and when progress was last exported. One storage slice
//! ([`crate::storage::keys::PROGRESS`]).
//!
//! Two tabs (or an import) merge with [`Progress::merge`]: the logs by union,
//! the settings by last change (each side says when its settings were
//! changed), the export time by the later one. Stored form, inside the
//! store's envelope: `{"log":{…},"settings":{…},"settings_at":ms,
//! "exported_at":ms|null}`.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use super::log::{Problem, ProblemKind, ReviewLog, Strictness};
use super::repair::parse_salvaging;
use super::settings::Settings;
use crate::storage::{keys, Decoded, Notice, Slice, Store};

/// The flashcards' stored state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub log: ReviewLog,
    pub settings: Settings,
    /// When the settings were last changed (0: never).
    pub settings_ms: i64,
    /// When progress was last exported.
    pub exported_ms: Option<i64>,
}

/// What a merge changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Events new to this side.
    pub events: usize,
    /// The other side's settings were newer and replaced ours.
    pub settings: bool,
}

impl Merged {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.events == 0 && !self.settings
    }
}

impl Progress {
    /// Brings in everything of `other` (see the module documentation).
    pub fn merge(&mut self, other: &Progress) -> Merged {
        let events = self.log.merge(&other.log);
        let settings = other.settings_ms > self.settings_ms && other.settings != self.settings;
        if other.settings_ms > self.settings_ms {
            self.settings = other.settings;
            self.settings_ms = other.settings_ms;
        }
        self.exported_ms = self.exported_ms.max(other.exported_ms);
        Merged { events, settings }
    }

    /// True when there is nothing to keep (no log, settings never changed).
    pub fn is_blank(&self) -> bool {
        self.log.is_empty() && self.settings_ms == 0 && self.exported_ms.is_none()
    }

    /// The stored form (without the store's envelope).
    pub fn to_value(&self) -> Value {
        json!({
            "log": self.log,
            "settings": self.settings.to_value(),
            "settings_at": self.settings_ms,
            "exported_at": self.exported_ms,
        })
    }

    /// Reads the stored form; tolerant mode keeps what is valid and returns
    /// the problems, strict mode fails on the first.
    pub(crate) fn from_value(
        value: &Value,
        strictness: Strictness,
    ) -> Result<(Progress, Vec<Problem>), Problem> {
        let Value::Object(map) = value else {
            return Err(Problem::wrong_type("", "object"));
        };
        let mut problems = Vec::new();
        let mut progress = Progress::default();
        let note = |p: Problem, problems: &mut Vec<Problem>| match strictness {
            Strictness::Strict => Err(p),
            Strictness::Tolerant => {
                problems.push(p);
                Ok(())
            }
        };
        let prefixed = |mut p: Problem, prefix: &str| {
            p.path = if p.path.is_empty() {
                prefix.to_owned()
            } else {
                format!("{prefix}.{}", p.path)
            };
            p
        };
        match map.get("log") {
            Some(v) => match ReviewLog::from_value(v, strictness) {
                Ok((log, more)) => {
                    progress.log = log;
                    problems.extend(more.into_iter().map(|p| prefixed(p, "log")));
                }
                Err(p) => note(prefixed(p, "log"), &mut problems)?,
            },
            None => note(Problem::new("log", ProblemKind::Missing), &mut problems)?,
        }
        if let Some(v) = map.get("settings") {
            match Settings::from_value(v, strictness, "settings") {
                Ok((settings, more)) => {
                    progress.settings = settings;
                    problems.extend(more);
                }
                Err(p) => note(p, &mut problems)?,
            }
        }
        for (field, slot) in [("settings_at", &mut progress.settings_ms)] {
            match map.get(field) {
                None => {}
                Some(v) => match v.as_i64() {
                    Some(ms) => *slot = ms,
                    None => note(Problem::wrong_type(field, "integer"), &mut problems)?,
                },
            }
        }
        match map.get("exported_at") {
            None | Some(Value::Null) => {}
            Some(v) => match v.as_i64() {
                Some(ms) => progress.exported_ms = Some(ms),
                None => note(Problem::wrong_type("exported_at", "integer"), &mut problems)?,
            },
        }
        Ok((progress, problems))
    }

    /// Reads what can be read of a stored text that the store could not
    /// (damaged or cut-off JSON, a newer schema): the envelope's data if
    /// there is one, else the whole value. `None` when nothing worth keeping
    /// is in it. Also returns how many parts were dropped.
    pub fn salvage(raw: &str) -> Option<(Progress, usize)> {
        let (value, problems) = parse_salvaging(raw);
        let value = value?;
        let data = match &value {
            Value::Object(map) if map.contains_key("data") => {
                map.get("data").unwrap_or(&Value::Null)
            }
            other => other,
        };
        let (progress, more) = Progress::from_value(data, Strictness::Tolerant).ok()?;
        (!progress.is_blank()).then_some((progress, problems.len() + more.len()))
    }
}

/// Loads the progress at start-up. Like [`Store::load`], plus: when the
/// stored value could not be read at all (cut-off JSON, a newer schema), the
/// readable part of it is salvaged, and the notice says how much was lost.
/// The original is backed up by the store either way.
pub fn load_progress(store: &mut Store, now_ms: i64) -> (Progress, Vec<Notice>) {
    let raw = store.read_raw(keys::PROGRESS);
    let mut progress = store.load::<Progress>(now_ms);
    let mut notices = store.take_notices();
    let salvaged = match &raw {
        Some(raw) if progress.is_blank() => Progress::salvage(raw),
        _ => None,
    };
    if let Some((kept, dropped)) = salvaged {
        for notice in &mut notices {
            match notice {
                Notice::Spoiled { key, backup } if key == keys::PROGRESS => {
                    *notice = Notice::Partial {
                        key: key.clone(),
                        dropped: dropped.max(1),
                        backup: backup.clone(),
                    };
                    progress = kept.clone();
                }
                Notice::FutureVersion { key, .. } if key == keys::PROGRESS => {
                    progress = kept.clone();
                }
                _ => {}
            }
        }
    }
    (progress, notices)
}

/// Reads a stored value written by this app (another tab's, or our own),
/// keeping what is valid; `None` if it is not readable at all.
pub fn read_stored(raw: &str) -> Option<Progress> {
    let (value, _) = crate::storage::json::parse(raw).ok()?;
    let data = match &value {
        Value::Object(map) if map.contains_key("data") => map.get("data")?,
        other => other,
    };
    Progress::from_value(data, Strictness::Tolerant)
        .ok()
        .map(|(p, _)| p)
}

/// Reads a stored value like [`read_stored`], and counts the parts not read
/// whole (damage, unreadable entries, a newer schema; 1 for an unreadable
/// text).
fn read_stored_counting(raw: &str) -> (Option<Progress>, usize) {
    let Ok((value, damage)) = crate::storage::json::parse(raw) else {
        return (None, 1);
    };
    let (data, newer) = match &value {
        Value::Object(map) if map.contains_key("data") => (
            map.get("data").unwrap_or(&Value::Null),
            map.get("v")
                .and_then(Value::as_u64)
                .is_some_and(|v| v > u64::from(<Progress as Slice>::VERSION)),
        ),
        other => (other, false),
    };
    match Progress::from_value(data, Strictness::Tolerant) {
        Ok((p, problems)) => (Some(p), damage.len() + problems.len() + usize::from(newer)),
        Err(_) => (None, damage.len() + 1),
    }
}

/// Saves after a change. Unless `replace`, first merges what is stored (a
/// second tab may have written since), so no tab's reviews are lost; returns
/// the stored progress when it held something this tab lacked, for the tab
/// to merge in too. A stored value not read whole (another tab's, of another
/// version) is backed up first, and the user told.
pub fn save_progress(
    store: &mut Store,
    progress: &Progress,
    replace: bool,
    now_ms: i64,
) -> Option<Progress> {
    let raw = if replace {
        None
    } else {
        store.read_exact(keys::PROGRESS)
    };
    let Some((raw, exact)) = raw else {
        store.save(progress);
        return None;
    };
    let (stored, unread) = read_stored_counting(&raw);
    let unread = unread + usize::from(!exact);
    if unread > 0 {
        store.keep_unread(keys::PROGRESS, &raw, unread, now_ms);
    }
    let mut merged = progress.clone();
    let from_stored = stored.as_ref().map(|s| merged.merge(s)).unwrap_or_default();
    // Written unless the very same text is there: a stored text that reads
    // as the same progress may still not load cleanly.
    let text = crate::storage::encode(&merged);
    if raw != text {
        store.write_raw(keys::PROGRESS, &text);
    }
    stored.filter(|_| !from_stored.is_empty())
}

/// Keeps a copy of `progress` under a new backup key (before an import or a
/// restore); returns the key.
pub fn back_up_progress(store: &mut Store, progress: &Progress, now_ms: i64) -> String {
    let key = keys::backup(keys::PROGRESS, now_ms);
    let envelope = json!({ "v": <Progress as Slice>::VERSION, "data": progress.to_value() });
    store.write_raw(&key, &envelope.to_string());
    key
}

/// Backup keys of the progress, newest first.
pub fn progress_backups(store: &Store) -> Vec<String> {
    let prefix = keys::backup(keys::PROGRESS, 0);
    let prefix = prefix.trim_end_matches('0');
    let mut backups: Vec<String> = store
        .backups()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    backups.reverse();
    backups
}

impl Serialize for Progress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Progress {
    /// Strict; the store uses the tolerant [`Slice::decode`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Progress::from_value(&value, Strictness::Strict)
            .map(|(p, _)| p)
            .map_err(|p| D::Error::custom(p.to_string()))
    }
}

impl Slice for Progress {
    const KEY: &'static str = keys::PROGRESS;
    const VERSION: u32 = 1;

    /// Keeps every valid event and setting; counts the rest as dropped.
    fn decode(data: Value) -> Result<Decoded<Self>, String> {
        Progress::from_value(&data, Strictness::Tolerant)
            .map(|(value, problems)| Decoded {
                value,
                dropped: problems.len(),
            })
            .map_err(|p| p.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::log::{Event, EventKind, Grade};
    use crate::storage::MemoryBackend;

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.log
            .record("q1", Event::new(T0, EventKind::Grade(Grade::Good)));
        p.log
            .record("q2", Event::new(T0 + 1, EventKind::Grade(Grade::Again)));
        p.settings.new_per_day = 7;
        p.settings_ms = T0;
        p.exported_ms = Some(T0 - 5);
        p
    }

    #[test]
    fn round_trips_through_the_store() {
        let mut store = Store::in_memory();
        store.save(&sample());
        assert_eq!(store.load::<Progress>(T0), sample());
        assert!(store.take_notices().is_empty());
        assert_eq!(
            store.load::<Progress>(T0 + 1),
            sample(),
            "loading twice is the same"
        );
    }

    #[test]
    fn a_partly_spoiled_stored_value_keeps_its_valid_part() {
        let backend = MemoryBackend::new();
        let raw = format!(
            r#"{{"v":1,"data":{{"log":{{"v":1,"cards":{{"q1":[[{T0},3],[{T0},"x"]]}}}},"settings":{{"v":1,"new_per_day":-4}},"settings_at":{T0}}}}}"#
        );
        crate::storage::Backend::set(&backend, keys::PROGRESS, &raw).expect("memory");
        let mut store = Store::open(Box::new(backend));
        let p = store.load::<Progress>(T0);
        assert_eq!(p.log.len(), 1);
        assert_eq!(p.settings.new_per_day, 20);
        let notices = store.take_notices();
        assert!(
            matches!(
                &notices[..],
                [Notice::Partial {
                    dropped: 2,
                    backup: Some(_),
                    ..
                }]
            ),
            "{notices:?}"
        );
    }

    #[test]
    fn salvage_reads_cut_off_and_future_values() {
        let text = serde_json::json!({"v": 1, "data": sample()}).to_string();
        let cut = &text[..text.len() - 30];
        let (p, dropped) = Progress::salvage(cut).expect("something to keep");
        assert!(dropped >= 1);
        assert!(!p.log.is_empty());
        let future = serde_json::json!({"v": 9, "data": sample()}).to_string();
        assert_eq!(Progress::salvage(&future).map(|(p, _)| p), Some(sample()));
        assert_eq!(Progress::salvage("garbage"), None);
        assert_eq!(
            Progress::salvage(r#"{"v":1,"data":{"log":{"v":1,"cards":{}}}}"#),
            None
        );
    }

    #[test]
    fn two_tabs_merge_logs_by_union_and_settings_by_last_change() {
        let mut a = sample();
        let mut b = sample();
        a.log
            .record("q3", Event::new(T0 + 50, EventKind::Grade(Grade::Easy)));
        b.log
            .record("q4", Event::new(T0 + 60, EventKind::Grade(Grade::Hard)));
        b.settings.reviews_per_day = 99;
        b.settings_ms = T0 + 70;
        let mut ab = a.clone();
        assert_eq!(
            ab.merge(&b),
            Merged {
                events: 1,
                settings: true
            }
        );
        let mut ba = b.clone();
        assert_eq!(
            ba.merge(&a),
            Merged {
                events: 1,
                settings: false
            }
        );
        assert_eq!(ab, ba);
        assert_eq!(ab.settings.reviews_per_day, 99);
        assert!(ab.clone().merge(&ab).is_empty());
    }

    fn store_with(raw: &str) -> Store {
        let backend = MemoryBackend::new();
        crate::storage::Backend::set(&backend, keys::PROGRESS, raw).expect("memory");
        Store::open(Box::new(backend))
    }

    #[test]
    fn start_up_salvages_a_cut_off_value_and_says_so() {
        let whole = serde_json::json!({"v": 1, "data": sample()}).to_string();
        let cut = &whole[..whole.len() - 20];
        let mut store = store_with(cut);
        let (p, notices) = load_progress(&mut store, T0);
        assert_eq!(p.log, sample().log, "the log came before the cut");
        let [Notice::Partial {
            key,
            backup: Some(backup),
            ..
        }] = &notices[..]
        else {
            panic!("{notices:?}");
        };
        assert_eq!(key, keys::PROGRESS);
        assert_eq!(
            store.read_raw(backup).as_deref(),
            Some(cut),
            "original kept"
        );
        // A value from the future is read as far as it goes, and reported.
        let future = serde_json::json!({"v": 7, "data": sample()}).to_string();
        let (p, notices) = load_progress(&mut store_with(&future), T0);
        assert_eq!(p, sample());
        assert!(matches!(
            &notices[..],
            [Notice::FutureVersion { found: 7, .. }]
        ));
        // Garbage: defaults, the original backed up, the user told.
        let (p, notices) = load_progress(&mut store_with("{{{{"), T0);
        assert!(p.is_blank());
        assert!(matches!(
            &notices[..],
            [Notice::Spoiled {
                backup: Some(_),
                ..
            }]
        ));
    }

    /// Nine real reviews, stored as the app stores them.
    fn nine_reviews() -> (Progress, String) {
        let mut p = sample();
        for i in 0..7 {
            p.log.record(
                &format!("q{}", 10 + i),
                Event::new(T0 + 1_000 * i, EventKind::Grade(Grade::Good)),
            );
        }
        assert_eq!(p.log.review_count(), 9);
        let mut store = Store::in_memory();
        store.save(&p);
        let raw = store.read_raw(keys::PROGRESS).expect("saved");
        (p, raw)
    }

    /// Where the envelope's data object closes (`{"data":{…}<here>},"v":1}`).
    fn data_end(whole: &str) -> usize {
        whole.len() - r#"},"v":1}"#.len()
    }

    #[test]
    fn a_duplicated_log_is_read_as_the_union_and_the_original_backed_up() {
        let (p, whole) = nine_reviews();
        let at = whole.find("\"settings\"").expect("settings field");
        let mut doubled = whole.clone();
        doubled.insert_str(at, r#""log":{"v":1,"cards":{}},"#);
        let mut store = store_with(&doubled);
        let (loaded, notices) = load_progress(&mut store, T0 + 50_000);
        assert_eq!(loaded.log, p.log, "both logs read, nothing thrown away");
        let [Notice::Partial {
            backup: Some(backup),
            ..
        }] = &notices[..]
        else {
            panic!("the user is told: {notices:?}");
        };
        assert_eq!(store.read_raw(backup).as_deref(), Some(doubled.as_str()));
        // The next grade is saved on top of all nine.
        let mut next = loaded.clone();
        next.log
            .record("q1", Event::new(T0 + 60_000, EventKind::Grade(Grade::Easy)));
        save_progress(&mut store, &next, false, T0 + 60_000);
        assert_eq!(store.load::<Progress>(T0).log.review_count(), 10);
        // The same when the second log comes last (the one serde would keep).
        let end = data_end(&whole);
        let mut last = whole.clone();
        last.insert_str(end, r#","log":{"v":1,"cards":{}}"#);
        let (loaded, notices) = load_progress(&mut store_with(&last), T0);
        assert_eq!(loaded.log, p.log, "{last}");
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn a_junk_field_nested_deep_does_not_cost_the_rest() {
        let (p, whole) = nine_reviews();
        let junk = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let end = data_end(&whole);
        let mut deep = whole.clone();
        deep.insert_str(end, &format!(r#","junk":{junk}"#));
        let mut store = store_with(&deep);
        let (loaded, notices) = load_progress(&mut store, T0);
        assert_eq!(loaded, p);
        let [Notice::Partial {
            backup: Some(backup),
            ..
        }] = &notices[..]
        else {
            panic!("{notices:?}");
        };
        assert_eq!(store.read_raw(backup).as_deref(), Some(deep.as_str()));
        // Another tab's value, or the backup restored, reads whole too.
        assert_eq!(read_stored(&deep), Some(p.clone()));
        let restored = crate::cards::transfer::read_progress(&deep).expect("restorable");
        assert_eq!((restored.progress, restored.dropped), (p, 1));
    }

    #[test]
    fn a_value_another_tab_wrote_that_is_not_read_whole_is_backed_up_before_a_save() {
        let (p, whole) = nine_reviews();
        let mut store = store_with(&whole);
        let (loaded, notices) = load_progress(&mut store, T0);
        assert!(notices.is_empty());
        // Another tab (another version of the app) writes a value this one
        // reads only in part: a second log, and an event it cannot read.
        let at = whole.find("\"settings\"").expect("settings field");
        let mut odd = whole.clone();
        odd.insert_str(
            at,
            &format!(r#""log":{{"v":1,"cards":{{"z9":[[{T0},3],[{T0},42]]}}}},"#),
        );
        store.write_raw(keys::PROGRESS, &odd);
        let mut next = loaded.clone();
        next.log
            .record("q1", Event::new(T0 + 60_000, EventKind::Grade(Grade::Easy)));
        let stored = save_progress(&mut store, &next, false, T0 + 60_000);
        assert!(stored.is_some(), "the other tab's readable review comes in");
        let [Notice::Partial {
            backup: Some(backup),
            dropped: 2,
            ..
        }] = &store.take_notices()[..]
        else {
            panic!("the user is told");
        };
        assert_eq!(store.read_raw(backup).as_deref(), Some(odd.as_str()));
        assert_eq!(
            store.load::<Progress>(T0).log.review_count(),
            p.log.review_count() + 2
        );
        // The same text is backed up once, not at every save.
        store.write_raw(keys::PROGRESS, &odd);
        save_progress(&mut store, &next, false, T0 + 70_000);
        assert!(store.take_notices().is_empty());
        assert_eq!(progress_backups(&store).len(), 1);
    }

    #[test]
    fn saving_merges_with_what_another_tab_stored() {
        let mut store = Store::in_memory();
        let mut tab_a = sample();
        let mut tab_b = sample();
        assert_eq!(save_progress(&mut store, &tab_a, false, T0), None);
        tab_b
            .log
            .record("b", Event::new(T0 + 100, EventKind::Grade(Grade::Good)));
        assert_eq!(save_progress(&mut store, &tab_b, false, T0), None);
        tab_a
            .log
            .record("a", Event::new(T0 + 200, EventKind::Grade(Grade::Hard)));
        let stored = save_progress(&mut store, &tab_a, false, T0).expect("tab b's review");
        tab_a.merge(&stored);
        let on_disk = store.load::<Progress>(T0);
        assert_eq!(on_disk, tab_a);
        assert!(
            on_disk.log.effective_events("a").len() == 1
                && on_disk.log.effective_events("b").len() == 1
        );
        // Restoring a backup replaces instead.
        let key = back_up_progress(&mut store, &sample(), T0);
        let restored = read_stored(&store.read_raw(&key).expect("backup")).expect("readable");
        assert_eq!(save_progress(&mut store, &restored, true, T0), None);
        assert_eq!(store.load::<Progress>(T0), sample());
        assert_eq!(progress_backups(&store), vec![key]);
    }
}
