//! localStorage through `web_sys`, every call checked: in a sandboxed iframe
//! even `window.localStorage` throws, and a full quota throws on `setItem`.

use super::backend::{Backend, StorageError};
use wasm_bindgen::JsValue;

/// The page's localStorage, looked up on every call (a getter that throws once
/// may throw again; holding on to a handle would hide that).
#[derive(Default, Debug)]
pub struct LocalStorage;

fn describe(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref_exception() {
        return e;
    }
    err.as_string().unwrap_or_else(|| "unknown error".into())
}

trait ExceptionName {
    fn dyn_ref_exception(&self) -> Option<String>;
}

impl ExceptionName for JsValue {
    fn dyn_ref_exception(&self) -> Option<String> {
        use wasm_bindgen::JsCast;
        self.dyn_ref::<web_sys::DomException>().map(|e| e.name())
    }
}

fn is_quota(err: &JsValue) -> bool {
    use wasm_bindgen::JsCast;
    match err.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code; Firefox names it NS_ERROR_DOM_QUOTA_REACHED.
        Some(e) => e.code() == 22 || e.name() == "QuotaExceededError" || e.name().contains("QUOTA"),
        None => false,
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable("no localStorage".into())),
        Err(e) => Err(StorageError::Unavailable(describe(&e))),
    }
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        storage()?
            .get_item(key)
            .map_err(|e| StorageError::Unavailable(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        storage()?.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StorageError::QuotaExceeded
            } else {
                StorageError::Unavailable(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        storage()?
            .remove_item(key)
            .map_err(|e| StorageError::Unavailable(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = storage()?;
        let n = s
            .length()
            .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Ok(Some(k)) = s.key(i) {
                out.push(k);
            }
        }
        Ok(out)
    }
}
