//! Component tests in headless Chromium (wasm-bindgen-test). Run with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use mianjing::bundle::Bundle;
use mianjing::entry::{AlgoPages, AppPages, NotesPages, TcpPages};
use mianjing::shell::StoreHandle;
use mianjing::storage::{self, keys, MemoryBackend, Store};
use mianjing::{AppProps, Pages, Site};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// One test at a time owns the page's URL: the runner polls the async tests
/// together, and a site left mounted by one test would follow another's
/// hash into a route of another bundle (which reloads the page).
struct Turn;

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

async fn turn() -> Turn {
    while BUSY.with(|b| b.replace(true)) {
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
    Turn
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts one bundle's site (see `mianjing::bundle`) in a fresh element and
/// lets Yew render.
async fn mount<P: Pages>(props: AppProps) -> Element {
    // A route another bundle serves would reload the page (the test
    // runner's): start from home when the URL belongs elsewhere.
    let location = web_sys::window().unwrap().location();
    if Bundle::for_hash(&location.hash().unwrap_or_default()) != P::BUNDLE {
        location.set_hash("/").unwrap();
    }
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Site<P>>::with_root_and_props(root.clone(), props).render();
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
    let _turn = turn().await;
    let (root, _) = mount_at::<AppPages>("/").await;
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
    let _turn = turn().await;
    // The real localStorage, as the app uses it.
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.remove_item(keys::PREFS).unwrap();
    let store = StoreHandle::new(storage::open_default());
    let root = mount::<AppPages>(AppProps {
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
    let _turn = turn().await;
    let store = StoreHandle::new(Store::open(Box::new(storage::RefusingBackend)));
    let root = mount::<AppPages>(AppProps { store: Some(store) }).await;
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
    let _turn = turn().await;
    let root = mount::<AppPages>(AppProps {
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
    let _turn = turn().await;
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

// ---- Features, mounted in the whole app at their routes ----

/// Mounts the bundle that serves `hash` there, with an in-memory store
/// shared with the test.
async fn mount_at<P: Pages>(hash: &str) -> (Element, StoreHandle) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let store = StoreHandle::new(Store::in_memory());
    let root = mount::<P>(AppProps {
        store: Some(store.clone()),
    })
    .await;
    settle().await;
    (root, store)
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn review_grading_a_card_writes_the_log_through_the_storage_owner() {
    let _turn = turn().await;
    let (root, store) = mount_at::<NotesPages>("/review").await;
    let question = text_of(&root, ".card-question");
    click(&root, "#show-answer");
    settle().await;
    click(&root, ".grades button[data-grade='3']");
    settle().await;
    yew::platform::time::sleep(Duration::from_millis(100)).await; // saved after the next paint
    assert_ne!(
        text_of(&root, ".card-question"),
        question,
        "the next card is shown"
    );
    let raw = store
        .0
        .borrow_mut()
        .read_raw(keys::PROGRESS)
        .expect("progress saved");
    let saved: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let cards = saved["data"]["log"]["cards"]
        .as_object()
        .expect("a log of cards");
    assert_eq!(cards.len(), 1, "one card graded: {raw}");
    let events = cards.values().next().unwrap().as_array().unwrap();
    assert_eq!(events[0][1], 3, "graded Good");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_player_steps_an_algorithm_forward_and_back() {
    let _turn = turn().await;
    let (root, _) = mount_at::<AlgoPages>("/algo/bubble-sort?input=5,4,3,2,1").await;
    let pos = || text_of(&root, ".player-pos");
    assert!(pos().starts_with("第 0 /"), "starts at step 0: {}", pos());
    let step_forward = ".player-buttons button:nth-child(4)";
    click(&root, step_forward);
    click(&root, step_forward);
    settle().await;
    assert!(pos().starts_with("第 2 /"), "two steps on: {}", pos());
    click(&root, ".player-buttons button:nth-child(2)");
    settle().await;
    assert!(pos().starts_with("第 1 /"), "one step back: {}", pos());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_handshake_ends_with_both_sides_established() {
    let _turn = turn().await;
    let (root, _) = mount_at::<TcpPages>("/tcp/handshake").await;
    let states = || {
        let list = root.query_selector_all(".tcp-badge-state").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(states(), ["CLOSED", "CLOSED"]);
    click(&root, ".player-buttons button:nth-child(5)"); // to the end
    settle().await;
    assert_eq!(states(), ["ESTABLISHED", "ESTABLISHED"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn searching_chinese_finds_the_handshake_question_first() {
    let _turn = turn().await;
    let (root, _) = mount_at::<NotesPages>("/search?q=%E4%B8%89%E6%AC%A1%E6%8F%A1%E6%89%8B").await;
    let first = text_of(&root, ".hit-title");
    assert!(first.contains("三次握手"), "first hit: {first}");
    root.remove();
}
