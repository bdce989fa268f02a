//! Export, import (with a preview and a backup of what was there), restore
//! a backup, and whether the browser keeps the data.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_text, FileReader};
use gloo::file::File;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::download::{copy_to_clipboard, download, downloads_blocked, full_app_href};
use super::state::CardsAction;
use super::{catalogue, use_cards};
use crate::cards::progress::{back_up_progress, progress_backups};
use crate::cards::transfer::{
    export_file_name, export_json, read_import, read_progress, ImportError, ImportPreview,
    MAX_IMPORT_BYTES,
};
use crate::cards::Progress;
use crate::i18n::cards as t;
use crate::shell::{dom, use_app, use_lang, use_store};
use crate::storage::{keys, Mode};

/// Where the import stands.
#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Preview(Box<ImportPreview>),
    Refused(ImportError),
    Done(usize),
}

#[component]
pub fn TransferPanel() -> Html {
    let lang = use_lang();
    let app = use_app();
    let store = use_store();
    let cards = use_cards();
    let import = use_state(|| Import::Idle);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let message = use_state(|| None::<String>);
    // Bumped when backups change, to list them again.
    let backups_rev = use_state(|| 0u32);
    let offset = cards.calendar.utc_offset_min();

    // The export as text, when a download cannot be trusted to happen.
    let by_hand = use_state(|| None::<String>);
    let copied = use_state(|| None::<bool>);
    let on_export = {
        let (cards, by_hand, copied) = (cards.clone(), by_hand.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let now = dom::now_ms();
            let text = export_json(&cards.progress, now);
            let name = export_file_name(cards.calendar.day_of(now).date());
            // In a sandboxed frame the download is blocked without a sign:
            // the export is not recorded, and the text is offered instead.
            if !downloads_blocked() && download(&name, &text) {
                by_hand.set(None);
                cards.dispatch(CardsAction::Exported { now_ms: now });
            } else {
                copied.set(None);
                by_hand.set(Some(text));
            }
        })
    };
    let on_copy = {
        let (by_hand, copied) = (by_hand.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &*by_hand {
                let copied = copied.clone();
                copy_to_clipboard(text, move |ok| copied.set(Some(ok)));
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(target) = e.target() {
            let _ = js_sys::Reflect::get(&target, &"select".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
                .and_then(|f| f.call0(&target));
        }
    });

    // Pasting an export (or any text the app wrote) instead of choosing a file.
    let pasted = use_state(String::new);
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string());
            if let Some(value) = value {
                pasted.set(value);
            }
        })
    };
    let on_paste_read = {
        let (import, pasted, cards) = (import.clone(), pasted.clone(), cards.clone());
        Callback::from(move |_: MouseEvent| {
            let known = catalogue();
            let outcome = read_import(&pasted, &cards.progress.log, |id| {
                known.iter().any(|c| c.id == id)
            });
            import.set(match outcome {
                Ok(preview) => Import::Preview(Box::new(preview)),
                Err(e) => Import::Refused(e),
            });
        })
    };

    let on_file = {
        let (import, reader, cards) = (import.clone(), reader.clone(), cards.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Let the same file be chosen again after a refusal.
            input.set_value("");
            let size = file.size() as usize;
            if size > MAX_IMPORT_BYTES {
                import.set(Import::Refused(ImportError::TooLarge { bytes: size }));
                return;
            }
            import.set(Import::Reading);
            let (import, current) = (import.clone(), cards.progress.log.clone());
            let task = read_as_text(&File::from(file), move |result| {
                let known = catalogue();
                let outcome = match result {
                    Ok(text) => read_import(&text, &current, |id| known.iter().any(|c| c.id == id)),
                    Err(_) => Err(ImportError::NotJson { line: 1, column: 1 }),
                };
                import.set(match outcome {
                    Ok(preview) => Import::Preview(Box::new(preview)),
                    Err(e) => Import::Refused(e),
                });
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let on_confirm = {
        let (import, cards, store, app) =
            (import.clone(), cards.clone(), store.clone(), app.clone());
        let backups_rev = backups_rev.clone();
        Callback::from(move |_: MouseEvent| {
            let Import::Preview(preview) = &*import else {
                return;
            };
            let now = dom::now_ms();
            store.with(&app, |s| back_up_progress(s, &cards.progress, now));
            cards.dispatch(CardsAction::Import {
                progress: Progress {
                    exported_ms: None,
                    ..preview.progress.clone()
                },
                now_ms: now,
            });
            import.set(Import::Done(preview.new_events));
            backups_rev.set(*backups_rev + 1);
        })
    };
    let on_cancel = {
        let import = import.clone();
        Callback::from(move |_: MouseEvent| import.set(Import::Idle))
    };

    let backups = {
        let _ = *backups_rev;
        progress_backups(&store.0.borrow())
    };
    let restore = |key: String| {
        let (cards, store, app, message) =
            (cards.clone(), store.clone(), app.clone(), message.clone());
        let backups_rev = backups_rev.clone();
        Callback::from(move |_: MouseEvent| {
            let now = dom::now_ms();
            // Read as loading reads: a backup of a damaged value gives back
            // what loading kept of it, and says how much that is.
            let found = store
                .with(&app, |s| s.read_raw(&key))
                .ok_or(ImportError::NotProgress)
                .and_then(|raw| read_progress(&raw));
            match found {
                Ok(read) => {
                    store.with(&app, |s| back_up_progress(s, &cards.progress, now));
                    message.set(Some(t::restored(
                        lang,
                        read.cards,
                        read.reviews,
                        read.dropped,
                    )));
                    cards.dispatch(CardsAction::Replace {
                        progress: read.progress,
                        now_ms: now,
                    });
                    backups_rev.set(*backups_rev + 1);
                }
                Err(e) => message.set(Some(format!(
                    "{} {}",
                    t::UNREADABLE_BACKUP.get(lang),
                    t::import_error(lang, &e)
                ))),
            }
        })
    };

    let mode = store.0.borrow().mode();
    let keeping = match (mode, cards.persisted) {
        (Mode::MemoryOnly | Mode::Full, _) => t::MEMORY_ONLY,
        (_, Some(true)) => t::PERSISTED,
        _ => t::NOT_PERSISTED,
    };

    html! {
        <section class="card transfer" aria-labelledby="data-title">
            <h2 id="data-title">{ t::DATA_TITLE.get(lang) }</h2>
            <p class={classes!("keeping", (mode != Mode::Persistent).then_some("callout"))}>{ keeping.get(lang) }</p>
            <div class="transfer-actions">
                <button type="button" class="button primary" id="export-progress" onclick={on_export}>
                    { t::EXPORT.get(lang) }
                </button>
                <input id="import-file" class="visually-hidden" type="file"
                    accept=".json,application/json" onchange={on_file} />
                <label class="button file-button" for="import-file">{ t::IMPORT.get(lang) }</label>
            </div>
            if let Some(text) = &*by_hand {
                <div class="callout export-by-hand" role="status">
                    <p>{ t::EXPORT_BLOCKED.get(lang) }</p>
                    <div class="transfer-actions">
                        <button type="button" class="button primary" id="export-copy" onclick={on_copy}>
                            { t::EXPORT_COPY.get(lang) }
                        </button>
                        <a class="button" href={full_app_href()} target="_blank" rel="noopener">
                            { t::EXPORT_OPEN_FULL.get(lang) }
                        </a>
                    </div>
                    if *copied == Some(true) {
                        <p class="export-copied">{ t::EXPORT_COPIED.get(lang) }</p>
                    }
                    if *copied == Some(false) {
                        <p class="export-copy-refused">{ t::EXPORT_COPY_REFUSED.get(lang) }</p>
                    }
                    <label for="export-text">{ t::EXPORT_TEXT_LABEL.get(lang) }</label>
                    <textarea id="export-text" class="export-text" readonly=true rows="5"
                        value={text.clone()} onfocus={select_all} />
                </div>
            }
            <p class="muted">{
                match cards.progress.exported_ms {
                    Some(ms) => t::last_export(lang, ms, offset),
                    None => t::NEVER_EXPORTED.get(lang).to_owned(),
                }
            }</p>
            <details class="import-paste">
                <summary>{ t::IMPORT_PASTE.get(lang) }</summary>
                <label for="import-text" class="visually-hidden">{ t::IMPORT_PASTE.get(lang) }</label>
                <textarea id="import-text" rows="4" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" class="button small" id="import-text-read"
                    disabled={pasted.trim().is_empty()} onclick={on_paste_read}>
                    { t::IMPORT_PASTE_READ.get(lang) }
                </button>
            </details>
            { match &*import {
                Import::Idle | Import::Reading => html! {},
                Import::Refused(e) => html! {
                    <p class="callout import-error" role="alert">{ t::import_error(lang, e) }</p>
                },
                Import::Done(n) => html! {
                    <p class="callout import-done" role="status">{ t::imported(lang, *n) }</p>
                },
                Import::Preview(p) => html! {
                    <div class="callout import-preview" role="status">
                        if p.new_events == 0 && !p.replaces_settings(&cards.progress) {
                            <p>{ t::IMPORT_NOTHING_NEW.get(lang) }</p>
                        } else {
                            <p>{ t::import_preview(lang, p.new_reviews, p.new_events, p.cards) }</p>
                        }
                        if p.dropped > 0 {
                            <p>{ t::import_dropped(lang, p.dropped) }</p>
                        }
                        if !p.unknown_cards.is_empty() {
                            <p>{ t::import_unknown(lang, p.unknown_cards.len()) }</p>
                        }
                        if p.replaces_settings(&cards.progress) {
                            <p>{ t::IMPORT_SETTINGS.get(lang) }</p>
                        }
                        <div class="transfer-actions">
                            <button type="button" class="button primary" id="import-confirm" onclick={on_confirm}>
                                { t::IMPORT_CONFIRM.get(lang) }
                            </button>
                            <button type="button" class="button" onclick={on_cancel}>{ t::CANCEL.get(lang) }</button>
                        </div>
                    </div>
                },
            } }
            <h3>{ t::BACKUPS_TITLE.get(lang) }</h3>
            <p class="field-help">{ t::BACKUPS_HELP.get(lang) }</p>
            if let Some(m) = &*message {
                <p class="callout" role="status">{ m.clone() }</p>
            }
            if backups.is_empty() {
                <p class="muted">{ t::NO_BACKUPS.get(lang) }</p>
            } else {
                <ul class="backups">
                    { for backups.into_iter().map(|key| html! {
                        <li>
                            <span>{ t::backup_label(lang, keys::backup_time(&key), offset) }</span>
                            <button type="button" class="button small" onclick={restore(key)}>{ t::RESTORE.get(lang) }</button>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
