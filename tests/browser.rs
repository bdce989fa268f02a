//! Component tests in headless Chromium (wasm-bindgen-test). Run with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use mianjing::shell::StoreHandle;
use mianjing::storage::{self, keys, MemoryBackend, Store};
use mianjing::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app in a fresh element and lets Yew render.
async fn mount(props: AppProps) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_header_navigation_and_home() {
    let root = mount(AppProps {
        store: Some(StoreHandle::new(Store::in_memory())),
    })
    .await;
    let nav = root.query_selector("nav.main-nav").unwrap().unwrap();
    let labels: Vec<String> = (0..4)
        .filter_map(|i| nav.children().item(i))
        .map(|a| a.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["笔记", "复习", "TCP", "算法"]);
    assert!(
        root.query_selector(".tiles").unwrap().is_some(),
        "home page shown"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_theme_toggle_writes_through_the_storage_owner() {
    // The real localStorage, as the app uses it.
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.remove_item(keys::PREFS).unwrap();
    let store = StoreHandle::new(storage::open_default());
    let root = mount(AppProps {
        store: Some(store.clone()),
    })
    .await;
    let html = document().document_element().unwrap();
    let before = html.get_attribute("data-theme").unwrap();
    click(&root, ".theme-toggle");
    settle().await;
    let after = html.get_attribute("data-theme").unwrap();
    assert_ne!(before, after, "the page's theme changed");
    let saved = ls.get_item(keys::PREFS).unwrap().expect("prefs saved");
    assert_eq!(
        saved,
        format!(r#"{{"data":{{"lang":"zh","theme":"{after}"}},"v":1}}"#)
    );
    root.remove();
    ls.remove_item(keys::PREFS).unwrap();
}

#[wasm_bindgen_test]
async fn a_refusing_backend_keeps_the_toggle_working_and_shows_a_notice() {
    let store = StoreHandle::new(Store::open(Box::new(storage::RefusingBackend)));
    let root = mount(AppProps { store: Some(store) }).await;
    let notice = root
        .query_selector(".notice-text")
        .unwrap()
        .expect("notice");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("浏览器不允许保存数据"));
    let html = document().document_element().unwrap();
    let before = html.get_attribute("data-theme");
    click(&root, ".theme-toggle");
    settle().await;
    assert_ne!(html.get_attribute("data-theme"), before);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_the_navigation() {
    let root = mount(AppProps {
        store: Some(StoreHandle::new(Store::open(
            Box::new(MemoryBackend::new()),
        ))),
    })
    .await;
    click(&root, ".lang-toggle");
    settle().await;
    let nav = root.query_selector("nav.main-nav").unwrap().unwrap();
    assert!(nav.text_content().unwrap().contains("Algorithms"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_error_panel_offers_reload_and_a_backup_of_progress() {
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.set_item(keys::PROGRESS, r#"{"v":1,"data":"x"}"#)
        .unwrap();
    mianjing::shell::panic::show_panel("boom <b>");
    let panel = document().get_element_by_id("fatal").expect("panel shown");
    assert!(
        panel.text_content().unwrap().contains("boom <b>"),
        "message escaped, shown as text"
    );
    let reload = panel.query_selector("form button[type=submit]").unwrap();
    assert!(reload.is_some(), "a reload button that needs no script");
    let link = panel
        .query_selector("a[download]")
        .unwrap()
        .expect("backup link");
    let href = link.get_attribute("href").unwrap();
    let json = js_sys::decode_uri_component(
        href.trim_start_matches("data:application/json;charset=utf-8,"),
    )
    .unwrap()
    .as_string()
    .unwrap();
    let saved: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(saved[keys::PROGRESS], r#"{"v":1,"data":"x"}"#);
    panel.remove();
    ls.remove_item(keys::PROGRESS).unwrap();
}
