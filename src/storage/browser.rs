//! localStorage through `web_sys`, every call checked: in a sandboxed iframe
//! even `window.localStorage` throws, and a full quota throws on `setItem`.

use super::backend::{Backend, StorageError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// `getItem`/`setItem` with the JS string itself, not a Rust copy of it: a
// stored string may hold lone surrogates, which only a JS string keeps.
#[wasm_bindgen]
extern "C" {
    /// `Storage`, seen through methods that pass JS strings as they are.
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

fn raw(storage: &web_sys::Storage) -> &RawStorage {
    storage.unchecked_ref::<RawStorage>()
}

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
        self.dyn_ref::<web_sys::DomException>().map(|e| e.name())
    }
}

fn is_quota(err: &JsValue) -> bool {
    match err.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code; Firefox names it NS_ERROR_DOM_QUOTA_REACHED.
        Some(e) => e.code() == 22 || e.name() == "QuotaExceededError" || e.name().contains("QUOTA"),
        None => false,
    }
}

fn write_error(e: &JsValue) -> StorageError {
    if is_quota(e) {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(describe(e))
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
        storage()?.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn get_exact(&self, key: &str) -> Result<Option<(String, bool)>, StorageError> {
        let s = storage()?;
        let value = raw(&s)
            .get_item_js(key)
            .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
            return Ok(None);
        };
        let exact = js.is_valid_utf16();
        Ok(Some((value.as_string().unwrap_or_default(), exact)))
    }

    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        let s = storage()?;
        let value = raw(&s)
            .get_item_js(from)
            .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        raw(&s)
            .set_item_js(to, &value)
            .map(|_| true)
            .map_err(|e| write_error(&e))
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
