//! The storage owner against memory, refusing and full backends.

use super::prefs::{Prefs, ThemePref};
use super::*;
use crate::i18n::Lang;
use std::rc::Rc;

/// A backend shared with the test, so the test can look at what was stored.
#[derive(Clone, Default)]
struct Shared(Rc<MemoryBackend>);

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

fn shared_with(quota: Option<usize>) -> (Shared, Store) {
    let mem = match quota {
        Some(q) => MemoryBackend::with_quota(q),
        None => MemoryBackend::new(),
    };
    let shared = Shared(Rc::new(mem));
    let store = Store::open(Box::new(shared.clone()));
    (shared, store)
}

#[test]
fn prefs_round_trip_with_version() {
    let (raw, mut store) = shared_with(None);
    let prefs = Prefs {
        theme: ThemePref::Dark,
        lang: Lang::En,
    };
    store.save(&prefs);
    let stored = raw.get(keys::PREFS).unwrap().unwrap();
    assert_eq!(stored, r#"{"data":{"lang":"en","theme":"dark"},"v":1}"#);
    let mut again = Store::open(Box::new(raw.clone()));
    assert_eq!(again.load::<Prefs>(0), prefs);
    assert!(again.take_notices().is_empty());
}

#[test]
fn missing_value_is_the_default_without_notice() {
    let (_, mut store) = shared_with(None);
    assert_eq!(store.load::<Prefs>(0), Prefs::default());
    assert!(store.take_notices().is_empty());
}

#[test]
fn migrates_schema_zero() {
    let (raw, mut store) = shared_with(None);
    raw.set(keys::PREFS, r#"{"dark":true,"lang":"en"}"#)
        .unwrap();
    let prefs = store.load::<Prefs>(0);
    assert_eq!(prefs.theme, ThemePref::Dark);
    assert_eq!(prefs.lang, Lang::En);
    assert!(store.take_notices().is_empty());
}

#[test]
fn spoiled_value_goes_to_backup_before_anything_overwrites_it() {
    let (raw, mut store) = shared_with(None);
    raw.set(keys::PREFS, "{\"v\":1,\"data\":{\"theme\":")
        .unwrap();
    let prefs = store.load::<Prefs>(1_700_000_000_000);
    assert_eq!(prefs, Prefs::default());
    let backup_key = "mianjing.backup.prefs.1700000000000";
    assert_eq!(
        store.take_notices(),
        vec![Notice::Spoiled {
            key: keys::PREFS.into(),
            backup: Some(backup_key.into())
        }]
    );
    assert_eq!(
        raw.get(backup_key).unwrap().as_deref(),
        Some("{\"v\":1,\"data\":{\"theme\":")
    );
    store.save(&Prefs::default());
    assert_eq!(store.backups(), vec![backup_key.to_string()]);
}

#[test]
fn wrong_types_are_spoiled_too() {
    let (raw, mut store) = shared_with(None);
    raw.set(keys::PREFS, r#"{"v":1,"data":{"theme":42,"lang":"zh"}}"#)
        .unwrap();
    store.load::<Prefs>(5);
    assert!(matches!(
        store.take_notices().as_slice(),
        [Notice::Spoiled {
            backup: Some(_),
            ..
        }]
    ));
}

#[test]
fn future_schema_is_kept_and_reported() {
    let (raw, mut store) = shared_with(None);
    let future = r#"{"v":9,"data":{"theme":"dark","lang":"en","new":1}}"#;
    raw.set(keys::PREFS, future).unwrap();
    assert_eq!(store.load::<Prefs>(7), Prefs::default());
    let notices = store.take_notices();
    assert!(matches!(
        notices.as_slice(),
        [Notice::FutureVersion {
            found: 9,
            backup: Some(_),
            ..
        }]
    ));
    assert_eq!(
        raw.get("mianjing.backup.prefs.7").unwrap().as_deref(),
        Some(future)
    );
}

#[test]
fn refusing_backend_falls_back_to_memory() {
    let mut store = Store::open(Box::new(RefusingBackend));
    assert_eq!(store.mode(), Mode::MemoryOnly);
    assert_eq!(store.take_notices(), vec![Notice::StorageUnavailable]);
    let prefs = Prefs {
        theme: ThemePref::Light,
        lang: Lang::En,
    };
    store.save(&prefs);
    assert_eq!(store.load::<Prefs>(0), prefs, "values live on in memory");
    assert!(store.take_notices().is_empty(), "the notice is given once");
}

#[test]
fn full_storage_keeps_working_in_memory_and_keeps_old_values_readable() {
    let (raw, mut store) = shared_with(Some(200));
    store.save(&Prefs {
        theme: ThemePref::Dark,
        lang: Lang::Zh,
    });
    store.write_raw(keys::PROGRESS, &"x".repeat(150));
    assert_eq!(store.mode(), Mode::Full);
    assert_eq!(store.take_notices(), vec![Notice::StorageFull]);
    assert_eq!(store.read_raw(keys::PROGRESS).map(|s| s.len()), Some(150));
    assert_eq!(store.load::<Prefs>(0).theme, ThemePref::Dark);
    assert_eq!(
        raw.get(keys::PROGRESS).unwrap(),
        None,
        "nothing half-written"
    );
}

#[test]
fn a_spoiled_value_whose_backup_fails_is_never_overwritten() {
    // Room for the spoiled value but not for a copy of it.
    let (raw, mut store) = shared_with(Some(120));
    let spoiled = format!("not json {}", "y".repeat(60));
    raw.set(keys::PREFS, &spoiled).unwrap();
    store.load::<Prefs>(3);
    assert_eq!(
        store.take_notices(),
        vec![Notice::Spoiled {
            key: keys::PREFS.into(),
            backup: None
        }]
    );
    store.save(&Prefs::default());
    assert_eq!(raw.get(keys::PREFS).unwrap(), Some(spoiled));
    assert_eq!(
        store.load::<Prefs>(4),
        Prefs::default(),
        "served from memory"
    );
}

#[test]
fn backup_keys_sort_by_time() {
    assert_eq!(
        keys::backup("mianjing.progress", 12),
        "mianjing.backup.progress.12"
    );
    assert!(
        keys::backup_time("mianjing.backup.progress.9")
            < keys::backup_time("mianjing.backup.progress.10")
    );
}

/// A browser value holding a lone surrogate: the Rust copy of it differs
/// (U+FFFD), so it is not taken as read whole, and the backup is made inside
/// the backend, from the value itself.
#[derive(Default)]
struct Lossy {
    inner: Shared,
    copies: std::cell::RefCell<Vec<(String, String)>>,
}

impl Backend for Lossy {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
    fn get_exact(&self, key: &str) -> Result<Option<(String, bool)>, StorageError> {
        Ok(self.get(key)?.map(|v| (v, key != keys::PREFS)))
    }
    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        self.copies.borrow_mut().push((from.into(), to.into()));
        self.inner
            .get(from)?
            .map(|v| self.inner.set(to, &v))
            .transpose()
            .map(|r| r.is_some())
    }
}

#[test]
fn a_value_that_arrives_altered_is_backed_up_from_the_original() {
    let lossy = Rc::new(Lossy::default());
    lossy
        .inner
        .set(
            keys::PREFS,
            r#"{"v":1,"data":{"theme":"dark","lang":"en"}}"#,
        )
        .unwrap();
    struct Handle(Rc<Lossy>);
    impl Backend for Handle {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys()
        }
        fn get_exact(&self, key: &str) -> Result<Option<(String, bool)>, StorageError> {
            self.0.get_exact(key)
        }
        fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
            self.0.copy(from, to)
        }
    }
    let mut store = Store::open(Box::new(Handle(lossy.clone())));
    let prefs = store.load::<Prefs>(9);
    assert_eq!(prefs.theme, ThemePref::Dark, "what could be read is used");
    assert_eq!(
        store.take_notices(),
        vec![Notice::Partial {
            key: keys::PREFS.into(),
            dropped: 1,
            backup: Some("mianjing.backup.prefs.9".into())
        }]
    );
    assert_eq!(
        *lossy.copies.borrow(),
        vec![(
            keys::PREFS.to_string(),
            "mianjing.backup.prefs.9".to_string()
        )],
        "copied by the backend, not rewritten from the altered string"
    );
}
