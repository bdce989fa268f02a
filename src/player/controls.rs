//! The player's controls: to start, step back, play/pause, step forward, to
//! end, a seek bar, the speed, and the keyboard (Space, ←, →, Home, End).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use super::hook::Player;
use super::Speed;
use crate::i18n::player as t;
use crate::shell::{dom, use_app, use_lang};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub player: Player,
    /// Answer the keyboard shortcuts (one player per page should).
    #[prop_or(true)]
    pub keys: bool,
}

/// Play/pause, steps, seek and speed for one [`Player`].
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let lang = use_lang();
    let app = use_app();
    let p = props.player.clone();
    let cursor = p.cursor();

    {
        let p = p.clone();
        let enabled = props.keys && !app.help_open;
        use_effect_with((enabled, p), move |(enabled, p)| {
            let listener = enabled
                .then(web_sys::window)
                .flatten()
                .map(|w| keyboard(&w, p.clone()));
            move || drop(listener)
        });
    }

    let click = |f: fn(&Player)| {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| f(&p))
    };
    let on_seek = {
        let p = p.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().parse::<usize>().ok())
            {
                p.seek(v);
            }
        })
    };
    let on_speed = {
        let p = p.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| Speed::from_name(&s.value()))
            {
                p.set_speed(v);
            }
        })
    };

    let (play_label, play_icon) = if cursor.is_playing() {
        (t::PAUSE, PAUSE)
    } else if cursor.at_end() && !cursor.is_empty() {
        (t::REPLAY, REPLAY)
    } else {
        (t::PLAY, PLAY)
    };
    let at_start = cursor.pos() == 0;
    let at_end = cursor.at_end();
    // A step button that disables itself under the keyboard (→ to the last
    // step, ⏮ to the first) would drop the focus to <body>: hand it to
    // play/replay, the button next to it that still works.
    let play_ref = use_node_ref();
    {
        let play_ref = play_ref.clone();
        use_effect_with((at_start, at_end), move |_| {
            let stranded = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|el: Element| {
                    el.tag_name().eq_ignore_ascii_case("button")
                        && el.has_attribute("disabled")
                        && el.closest(".player-controls").ok().flatten().is_some()
                });
            if stranded {
                if let Some(play) = play_ref.cast::<web_sys::HtmlElement>() {
                    let _ = play.focus();
                }
            }
        });
    }
    html! {
        <div class="player-controls" role="group" aria-label={t::CONTROLS.get(lang)}>
            <div class="player-buttons">
                { icon_button(click(Player::to_start), at_start, t::TO_START.get(lang), TO_START) }
                { icon_button(click(Player::step_back), at_start, t::STEP_BACK.get(lang), STEP_BACK) }
                <button class="button primary player-play" type="button" onclick={click(Player::toggle)} ref={play_ref}
                    disabled={cursor.is_empty()} aria-label={play_label.get(lang)} title={play_label.get(lang)}
                    data-playing={cursor.is_playing().to_string()}>
                    { svg(play_icon) }
                </button>
                { icon_button(click(Player::step_forward), at_end, t::STEP_FORWARD.get(lang), STEP_FORWARD) }
                { icon_button(click(Player::to_end), at_end, t::TO_END.get(lang), TO_END) }
            </div>
            <input class="player-seek" type="range" min="0" max={cursor.len().to_string()}
                value={cursor.pos().to_string()} oninput={on_seek}
                aria-label={t::SEEK.get(lang)}
                aria-valuetext={t::position(lang, cursor.pos(), cursor.len())} />
            <span class="player-pos" aria-live="off">{ t::position(lang, cursor.pos(), cursor.len()) }</span>
            <label class="player-speed">
                <span>{ t::SPEED.get(lang) }</span>
                <select onchange={on_speed}>
                    { for Speed::CHOICES.into_iter().zip(Speed::NAMES).map(|(x, name)| html! {
                        <option value={name} selected={x == cursor.speed()}>{ t::speed(name) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}

/// Space toggles, ← → step, Home End jump. Keys typed into a field are the
/// field's; Space on a focused button is that button's click.
fn keyboard(window: &web_sys::Window, p: Player) -> EventListener {
    let opts = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(window, "keydown", opts, move |e| {
        let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if dom::is_typing(e) || e.shift_key() {
            return;
        }
        // A focused <summary> (the diagram's legend) opens with Space too.
        let on_button = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| {
                el.tag_name().eq_ignore_ascii_case("button")
                    || el.tag_name().eq_ignore_ascii_case("summary")
            });
        let handled = match e.key().as_str() {
            " " | "Spacebar" if !on_button => {
                p.toggle();
                true
            }
            "ArrowRight" => {
                p.step_forward();
                true
            }
            "ArrowLeft" => {
                p.step_back();
                true
            }
            "Home" => {
                p.to_start();
                true
            }
            "End" => {
                p.to_end();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    })
}

/// One of the four step buttons: its label is also its tooltip. One
/// function for the four keeps their markup in the bundle once.
fn icon_button(
    onclick: Callback<MouseEvent>,
    disabled: bool,
    label: &'static str,
    icon: &'static str,
) -> Html {
    html! {
        <button class="icon-button" type="button" {onclick} {disabled} aria-label={label} title={label}>
            { svg(icon) }
        </button>
    }
}

fn svg(path: &'static str) -> Html {
    html! {
        <svg class="player-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

// The icons' SVG paths.
const PLAY: &str = "M7 4.5v15l13-7.5z";
const PAUSE: &str = "M6 4h4.5v16H6zM13.5 4H18v16h-4.5z";
const REPLAY: &str = "M12 4a8 8 0 1 1-7.7 10h2.1A6 6 0 1 0 12 6v3L7.5 5 12 1z";
const STEP_FORWARD: &str = "M5 5v14l10-7zM16 5h3v14h-3z";
const STEP_BACK: &str = "M19 5v14L9 12zM5 5h3v14H5z";
const TO_START: &str = "M4 5h3v14H4zM20 5v14l-6.5-7zM13 5v14l-6.5-7z";
const TO_END: &str = "M17 5h3v14h-3zM4 5v14l6.5-7zM11 5v14l6.5-7z";
