//! Getting an export out of the page: a file download, or, where the
//! browser blocks downloads without a sign (a sandboxed embed), the
//! clipboard or a text to copy by hand.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`. False if the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor = document
            .create_element("a")
            .ok()?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_hidden(true);
        document.body()?.append_child(&anchor).ok()?;
        anchor.click();
        anchor.remove();
        // Some browsers read the URL after the click returns: free it later.
        gloo::timers::callback::Timeout::new(30_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    run().is_some()
}

/// Whether a download started here would be blocked without a sign: the
/// page runs in a sandboxed frame without `allow-downloads`, where the click
/// returns as if it worked. A same-origin frame can read its own `sandbox`
/// attribute; a frame sandboxed without `allow-same-origin` (an opaque
/// origin) cannot, and is taken as blocked.
pub fn downloads_blocked() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let in_frame = match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => true,
    };
    if !in_frame {
        return false;
    }
    if let Ok(Some(frame)) = window.frame_element() {
        return frame
            .get_attribute("sandbox")
            .is_some_and(|s| !s.split_whitespace().any(|t| t == "allow-downloads"));
    }
    window.origin() == "null"
}

/// The full app at the same route, without `?embed` (in the page's query or
/// the hash's).
pub fn full_app_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| {
            let (base, hash) = h.split_once('#').unwrap_or((h.as_str(), ""));
            let base = base.split('?').next().unwrap_or(base);
            let path = hash.split('?').next().unwrap_or("");
            format!("{base}#{path}")
        })
        .unwrap_or_else(|| "./".into())
}

/// Runs `then` once `promise` settles: `Ok` with its value, `Err` with the
/// reason. The rejection is always handled, so a browser that refuses (a
/// sandboxed frame, a denied permission) never leaves an unhandled
/// rejection behind.
pub fn on_settled(promise: js_sys::Promise, then: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let then = Rc::new(RefCell::new(Some(then)));
    let resolve = {
        let then = then.clone();
        Closure::once(move |v: JsValue| {
            if let Some(f) = then.borrow_mut().take() {
                f(Ok(v));
            }
        })
    };
    let reject = Closure::once(move |e: JsValue| {
        if let Some(f) = then.borrow_mut().take() {
            f(Err(e));
        }
    });
    let _ = promise.then2(&resolve, &reject);
    // A promise settles once; the two small closures live that long.
    resolve.forget();
    reject.forget();
}

/// `navigator.clipboard.writeText(text)`; `done(false)` wherever the
/// clipboard is missing or refuses (it needs a permission a sandboxed frame
/// rarely has).
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let write = || -> Result<js_sys::Promise, JsValue> {
        let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
        let write_text = js_sys::Reflect::get(&clipboard, &"writeText".into())?
            .dyn_into::<js_sys::Function>()?;
        write_text
            .call1(&clipboard, &JsValue::from_str(text))?
            .dyn_into::<js_sys::Promise>()
    };
    match write() {
        Ok(promise) => on_settled(promise, move |r| done(r.is_ok())),
        Err(_) => done(false),
    }
}
