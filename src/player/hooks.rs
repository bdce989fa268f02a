//! Two small hooks of the diagrams (TCP and networking): the tween between
//! two steps, and whether the screen is narrow.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use crate::shell::dom;

/// How far (0.0..=1.0) playback is from step `pos` towards the next one,
/// re-rendering the calling component every animation frame while
/// `active`. Always 0 when not active (paused, or reduced motion): then the
/// drawing moves step by step.
#[hook]
pub fn use_tween(pos: usize, active: bool, step_ms: f64) -> f64 {
    let since = use_mut_ref(|| (usize::MAX, 0.0));
    let redraw = use_force_update();
    {
        let mut s = since.borrow_mut();
        if s.0 != pos {
            *s = (pos, dom::perf_now());
        }
    }
    use_effect_with(active, move |&active| {
        let frame: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
        if active {
            tick(frame.clone(), redraw);
        }
        move || drop(frame.borrow_mut().take())
    });
    if !active || step_ms <= 0.0 {
        return 0.0;
    }
    let elapsed = dom::perf_now() - since.borrow().1;
    (elapsed / step_ms).clamp(0.0, 1.0)
}

fn tick(frame: Rc<RefCell<Option<AnimationFrame>>>, redraw: UseForceUpdateHandle) {
    let slot = frame.clone();
    let next = request_animation_frame(move |_| {
        redraw.force_update();
        tick(slot, redraw);
    });
    *frame.borrow_mut() = Some(next);
}

/// True while the viewport is at most `max_px` wide, following resizes.
#[hook]
pub fn use_narrow(max_px: u32) -> bool {
    let query = format!("(max-width: {max_px}px)");
    let list = use_memo(query, |q| {
        web_sys::window().and_then(|w| w.match_media(q).ok().flatten())
    });
    let narrow = use_state(|| list.as_ref().as_ref().is_some_and(|m| m.matches()));
    {
        let narrow = narrow.clone();
        use_effect_with(list, move |list| {
            let listener = list.as_ref().as_ref().map(|m| {
                let m2 = m.clone();
                EventListener::new(m, "change", move |_| narrow.set(m2.matches()))
            });
            move || drop(listener)
        });
    }
    *narrow
}
