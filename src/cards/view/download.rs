//! Saving a text as a file the user downloads.

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
