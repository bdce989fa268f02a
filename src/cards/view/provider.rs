//! Loads the progress once, shares it with every page, saves it after each
//! change (merging with what another tab stored), and brings in other tabs'
//! reviews through the `storage` event.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::download::on_settled;
use super::state::{CardsAction, CardsContext, CardsState};
use crate::cards::progress::{load_progress, read_stored, save_progress};
use crate::cards::Calendar;
use crate::shell::context::AppAction;
use crate::shell::{dom, use_app, use_store};
use crate::storage::keys;

#[derive(Properties, PartialEq)]
pub struct CardsProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Wraps the pages that use the flashcards.
#[component]
pub fn CardsProvider(props: &CardsProviderProps) -> Html {
    let app = use_app();
    let store = use_store();
    let pending_notices = use_mut_ref(Vec::new);
    let state = {
        let (store, pending) = (store.clone(), pending_notices.clone());
        use_reducer(move || {
            let now = dom::now_ms();
            let (progress, notices) = load_progress(&mut store.0.borrow_mut(), now);
            *pending.borrow_mut() = notices;
            CardsState::new(progress, Calendar::new(dom::tz_offset_minutes()), now)
        })
    };
    // Every change of this tab is saved by the dispatch that made it, at
    // once (see `CardsContext::dispatch`): a tab closed right after a grade
    // cannot lose it.
    let saver = {
        let (store, app) = (store.clone(), app.clone());
        use_memo((), move |_| -> Rc<dyn Fn(&CardsContext)> {
            let saved = Cell::new(0u64);
            Rc::new(move |cards: &CardsContext| {
                let seq = cards.save_seq;
                if seq <= saved.get() {
                    return;
                }
                saved.set(seq);
                let (replace, now) = (cards.save_replaces, dom::now_ms());
                let stored = store.with(&app, |s| save_progress(s, &cards.progress, replace, now));
                if let Some(progress) = stored {
                    cards.dispatch(CardsAction::Merge {
                        progress,
                        now_ms: dom::now_ms(),
                    });
                }
            })
        })
    };
    let cards = CardsContext::new(state, (*saver).clone());

    // Notices from loading, once the shell can show them.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let notices = std::mem::take(&mut *pending_notices.borrow_mut());
            if !notices.is_empty() {
                app.dispatch(AppAction::AddNotices(notices));
            }
        });
    }

    // Another tab saved: merge its progress in.
    {
        let cards = cards.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if e.key().as_deref() != Some(keys::PROGRESS) {
                        return;
                    }
                    if let Some(progress) = e.new_value().as_deref().and_then(read_stored) {
                        cards.dispatch(CardsAction::Merge {
                            progress,
                            now_ms: dom::now_ms(),
                        });
                    }
                })
            });
            move || drop(listener)
        });
    }

    // A new study day begins while the page is open.
    {
        let cards = cards.clone();
        use_effect_with((), move |_| {
            let interval = Interval::new(30_000, move || {
                cards.dispatch(CardsAction::Tick {
                    now_ms: dom::now_ms(),
                })
            });
            move || drop(interval)
        });
    }

    // Once there is progress, ask the browser to keep it (not where storage
    // is refused: there is nothing to keep, and the browser throws).
    {
        let cards2 = cards.clone();
        let has_progress = !cards.progress.log.is_empty();
        let persistent = store.0.borrow().is_persistent();
        use_effect_with(has_progress && persistent, move |ask| {
            if *ask {
                ask_persistence(cards2);
            }
        });
    }

    html! {
        <ContextProvider<CardsContext> context={cards}>
            { props.children.clone() }
        </ContextProvider<CardsContext>>
    }
}

/// `navigator.storage.persist()`, answered into the state. Browsers that
/// lack it leave `persisted` unknown.
fn ask_persistence(cards: CardsContext) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return;
    }
    let manager = navigator.storage();
    // Ask only if not granted yet: Firefox shows a prompt for `persist()`.
    let Ok(already) = manager.persisted() else {
        return;
    };
    on_settled(already, move |granted| {
        if granted.ok().and_then(|g| g.as_bool()) == Some(true) {
            cards.dispatch(CardsAction::Persisted(true));
            return;
        }
        let Ok(request) = manager.persist() else {
            return;
        };
        on_settled(request, move |granted| {
            let granted = granted.ok().and_then(|g| g.as_bool());
            cards.dispatch(CardsAction::Persisted(granted.unwrap_or(false)));
        });
    });
}

/// The flashcards' shared state. Panics only outside [`CardsProvider`] (a
/// programming error every page test would catch).
#[hook]
pub fn use_cards() -> CardsContext {
    use_context::<CardsContext>().expect("use_cards inside CardsProvider")
}
