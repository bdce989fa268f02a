//! The one owner of the browser's storage.
//!
//! Every localStorage key, its schema version and its migrations live here
//! ([`keys`], [`Slice`]). Features never touch localStorage: they ask the
//! [`Store`] for their slice and hand it back to save.
//!
//! The store never loses a user's data:
//! - a value it cannot read (not JSON, wrong shape, a schema from a newer
//!   version of the app) is copied to a backup key before anything can
//!   overwrite it, and a [`Notice`] says so; if even the backup cannot be
//!   written, the original key is left untouched and writes to it stay in
//!   memory;
//! - a browser that refuses storage (no localStorage, access throws, quota
//!   full) turns the store into an in-memory one, with a notice, and the app
//!   keeps working.
//!
//! Values are stored as an envelope `{"v": <schema version>, "data": …}`. A
//! value with no envelope is schema version 0.

pub mod backend;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod keys;
pub mod prefs;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub use backend::{Backend, MemoryBackend, RefusingBackend, StorageError};

/// A value decoded from storage, with how many of its parts were unreadable
/// and left out (a partly spoiled log keeps its valid entries).
#[derive(Debug)]
pub struct Decoded<T> {
    pub value: T,
    pub dropped: usize,
}

/// One feature's slice of storage: its key, schema version and migrations.
pub trait Slice: Sized + Default + Serialize + DeserializeOwned {
    /// The localStorage key (one of [`keys`]).
    const KEY: &'static str;
    /// The schema version this build writes.
    const VERSION: u32;

    /// Brings `data` written with schema `from` to schema `from + 1`.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from schema {from}"))
    }

    /// Decodes data of the current schema. The default is strict; a slice
    /// whose parts are independent (a log) overrides it to keep what is valid.
    fn decode(data: Value) -> Result<Decoded<Self>, String> {
        serde_json::from_value(data)
            .map(|value| Decoded { value, dropped: 0 })
            .map_err(|e| e.to_string())
    }
}

/// Something the user should know about their stored data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The browser refuses storage: everything stays in memory for this visit.
    StorageUnavailable,
    /// The browser's storage is full: new changes stay in memory.
    StorageFull,
    /// A stored value could not be read; the original is kept under `backup`
    /// (or left in place when `backup` is `None`).
    Spoiled { key: String, backup: Option<String> },
    /// A stored value was written by a newer version of the app.
    FutureVersion {
        key: String,
        found: u32,
        backup: Option<String>,
    },
    /// Some parts of a stored value were unreadable and left out; the
    /// original is kept under `backup`.
    Partial {
        key: String,
        dropped: usize,
        backup: Option<String>,
    },
}

/// Where writes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Writes reach the browser's storage.
    Persistent,
    /// Storage is refused; everything is in memory.
    MemoryOnly,
    /// Storage is full; new writes are in memory, reads fall back to what was
    /// stored before.
    Full,
}

/// The storage owner. See the module documentation.
pub struct Store {
    backend: Box<dyn Backend>,
    memory: MemoryBackend,
    mode: Mode,
    /// Keys whose stored value must not be overwritten (its backup failed).
    /// A handful at most: a `Vec` saves the bundles a set's code.
    protected: Vec<String>,
    notices: Vec<Notice>,
}

impl Store {
    /// Opens a store over `backend`, checking that it can be written.
    pub fn open(backend: Box<dyn Backend>) -> Store {
        let mut store = Store {
            backend,
            memory: MemoryBackend::new(),
            mode: Mode::Persistent,
            protected: Vec::new(),
            notices: Vec::new(),
        };
        let probe = store
            .backend
            .set(keys::PROBE, "1")
            .and_then(|_| store.backend.remove(keys::PROBE));
        match probe {
            Ok(()) => {}
            Err(StorageError::QuotaExceeded) => store.enter(Mode::Full),
            Err(StorageError::Unavailable(_)) => store.enter(Mode::MemoryOnly),
        }
        store
    }

    /// A store that keeps everything in memory (tests, previews).
    pub fn in_memory() -> Store {
        Store::open(Box::new(MemoryBackend::new()))
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// True while changes reach the browser's storage.
    pub fn is_persistent(&self) -> bool {
        self.mode == Mode::Persistent
    }

    /// Notices raised since the last call.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    fn enter(&mut self, mode: Mode) {
        if self.mode == mode || self.mode == Mode::MemoryOnly {
            return;
        }
        self.mode = mode;
        self.notices.push(match mode {
            Mode::Full => Notice::StorageFull,
            _ => Notice::StorageUnavailable,
        });
    }

    /// The raw stored string of `key`, wherever it currently lives.
    pub fn read_raw(&mut self, key: &str) -> Option<String> {
        if let Ok(Some(v)) = self.memory.get(key) {
            return Some(v);
        }
        if self.mode == Mode::MemoryOnly {
            return None;
        }
        match self.backend.get(key) {
            Ok(v) => v,
            Err(_) => {
                self.enter(Mode::MemoryOnly);
                None
            }
        }
    }

    /// Writes a raw string to `key`, falling back to memory when the browser
    /// refuses or the key is protected.
    pub fn write_raw(&mut self, key: &str, value: &str) {
        if self.mode == Mode::Persistent && !self.protected.iter().any(|k| k == key) {
            match self.backend.set(key, value) {
                Ok(()) => {
                    let _ = self.memory.remove(key);
                    return;
                }
                Err(StorageError::QuotaExceeded) => self.enter(Mode::Full),
                Err(StorageError::Unavailable(_)) => self.enter(Mode::MemoryOnly),
            }
        }
        let _ = self.memory.set(key, value);
    }

    /// Loads slice `S`. Never fails: what cannot be read is backed up and
    /// reported, and the default (or what was valid) is returned.
    pub fn load<S: Slice>(&mut self, now_ms: i64) -> S {
        let Some(raw) = self.read_raw(S::KEY) else {
            return S::default();
        };
        match decode_envelope::<S>(&raw) {
            Ok(Decoded { value, dropped: 0 }) => value,
            Ok(Decoded { value, dropped }) => {
                let backup = self.back_up(S::KEY, &raw, now_ms);
                self.notices.push(Notice::Partial {
                    key: S::KEY.into(),
                    dropped,
                    backup,
                });
                value
            }
            Err(LoadError::Future(found)) => {
                let backup = self.back_up(S::KEY, &raw, now_ms);
                self.notices.push(Notice::FutureVersion {
                    key: S::KEY.into(),
                    found,
                    backup,
                });
                S::default()
            }
            Err(LoadError::Unreadable) => {
                let backup = self.back_up(S::KEY, &raw, now_ms);
                self.notices.push(Notice::Spoiled {
                    key: S::KEY.into(),
                    backup,
                });
                S::default()
            }
        }
    }

    /// Saves slice `S` under its key with its schema version.
    pub fn save<S: Slice>(&mut self, value: &S) {
        // Built by hand rather than with `json!`, whose `unwrap` would bring
        // the error's Debug formatting into every bundle. A slice that does
        // not serialize (none does) is not written.
        let Ok(data) = serde_json::to_value(value) else {
            return;
        };
        let mut envelope = serde_json::Map::new();
        envelope.insert("v".into(), S::VERSION.into());
        envelope.insert("data".into(), data);
        self.write_raw(S::KEY, &Value::Object(envelope).to_string());
    }

    /// Copies `raw` to a fresh backup key. When that fails, protects the
    /// original key so nothing overwrites it, and returns `None`.
    fn back_up(&mut self, key: &str, raw: &str, now_ms: i64) -> Option<String> {
        let backup_key = keys::backup(key, now_ms);
        if self.mode == Mode::Persistent && self.backend.set(&backup_key, raw).is_ok() {
            return Some(backup_key);
        }
        if !self.protected.iter().any(|k| k == key) {
            self.protected.push(key.to_string());
        }
        None
    }

    /// Backup keys present, newest last.
    pub fn backups(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(keys::BACKUP_PREFIX))
            .collect();
        keys.sort_by_key(|k| keys::backup_time(k));
        keys
    }
}

enum LoadError {
    Future(u32),
    Unreadable,
}

fn decode_envelope<S: Slice>(raw: &str) -> Result<Decoded<S>, LoadError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| LoadError::Unreadable)?;
    let (mut version, mut data) = split_envelope(value);
    if version > S::VERSION {
        return Err(LoadError::Future(version));
    }
    while version < S::VERSION {
        data = S::migrate(version, data).map_err(|_| LoadError::Unreadable)?;
        version += 1;
    }
    S::decode(data).map_err(|_| LoadError::Unreadable)
}

/// `{"v": n, "data": d}` → `(n, d)`; anything else is schema 0.
fn split_envelope(value: Value) -> (u32, Value) {
    if let Value::Object(map) = &value {
        if map.len() == 2 && map.contains_key("data") {
            if let Some(v) = map.get("v").and_then(Value::as_u64) {
                if let (Ok(v), Value::Object(map)) = (u32::try_from(v), value) {
                    // Taken by walking the map, not `remove`: the map's
                    // removal code would be in the bundles for this alone.
                    let data = map
                        .into_iter()
                        .find_map(|(k, d)| (k == "data").then_some(d));
                    return (v, data.unwrap_or(Value::Null));
                }
                return (0, Value::Null);
            }
        }
    }
    (0, value)
}

/// The store for this page: localStorage in a browser, memory elsewhere.
pub fn open_default() -> Store {
    #[cfg(target_arch = "wasm32")]
    {
        Store::open(Box::new(browser::LocalStorage))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Store::in_memory()
    }
}

#[cfg(test)]
mod tests;
