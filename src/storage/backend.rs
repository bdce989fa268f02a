//! Where values live: the browser's localStorage, or memory.
//!
//! The [`Backend`] trait keeps the storage owner testable natively: tests use
//! [`MemoryBackend`] and [`RefusingBackend`]; the browser uses
//! `browser::LocalStorage`.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why a backend did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// There is no storage, or touching it throws (sandboxed iframe, some
    /// private modes, storage disabled by the user).
    Unavailable(String),
    /// The browser refused a write because the quota is used up.
    QuotaExceeded,
}

/// A key-value store of strings, as localStorage is.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key currently stored (used to list backups).
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// Like [`Backend::get`], and whether the string is the stored value
    /// exactly. A browser's string may hold lone UTF-16 surrogates, which a
    /// Rust string cannot: they arrive as U+FFFD, and the value was not read
    /// whole.
    fn get_exact(&self, key: &str) -> Result<Option<(String, bool)>, StorageError> {
        Ok(self.get(key)?.map(|v| (v, true)))
    }

    /// Copies the value of `from` to `to` exactly as stored (lone surrogates
    /// included); false when `from` holds nothing.
    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        match self.get(from)? {
            Some(v) => self.set(to, &v).map(|_| true),
            None => Ok(false),
        }
    }
}

/// Values kept in memory for as long as the page lives.
#[derive(Default, Debug)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    /// Writes fail with `QuotaExceeded` once the stored bytes would pass this.
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// A memory backend that behaves like a full localStorage past `bytes`.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryBackend {
            map: RefCell::default(),
            quota: Some(bytes),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// A backend that throws on every access, as localStorage does in a
/// sandboxed iframe. Used by tests.
#[derive(Default, Debug)]
pub struct RefusingBackend;

impl Backend for RefusingBackend {
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable("SecurityError".into()))
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("SecurityError".into()))
    }
    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("SecurityError".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable("SecurityError".into()))
    }
}
