//! `use_player`: a [`Cursor`] driven by `requestAnimationFrame`.
//!
//! The cursor lives in a `RefCell` that the animation loop ticks every
//! frame; the component re-renders only when the position (or the playing
//! state) changes, not on every frame. Keeping it out of a reducer is what
//! lets the cursor's fractional `carry` build up between frames without a
//! render per frame.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use super::Cursor;

/// A handle on the player. Cheap to clone; compares equal when the cursor is
/// in the same state, so components that take it as a prop re-render when
/// it moves.
#[derive(Clone)]
pub struct Player {
    cell: Rc<RefCell<Cursor>>,
    redraw: UseForceUpdateHandle,
    /// The cursor as of this render.
    now: Cursor,
}

impl PartialEq for Player {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cell, &other.cell) && self.now == other.now
    }
}

impl Player {
    /// The cursor as of this render (position, length, playing, speed).
    pub fn cursor(&self) -> &Cursor {
        &self.now
    }

    pub fn pos(&self) -> usize {
        self.now.pos()
    }

    pub fn len(&self) -> usize {
        self.now.len()
    }

    pub fn is_empty(&self) -> bool {
        self.now.is_empty()
    }

    pub fn is_playing(&self) -> bool {
        self.now.is_playing()
    }

    fn change(&self, f: impl FnOnce(&mut Cursor)) {
        f(&mut self.cell.borrow_mut());
        self.redraw.force_update();
    }

    pub fn toggle(&self) {
        self.change(Cursor::toggle)
    }

    pub fn play(&self) {
        self.change(Cursor::play)
    }

    pub fn pause(&self) {
        self.change(Cursor::pause)
    }

    pub fn step_forward(&self) {
        self.change(Cursor::step_forward)
    }

    pub fn step_back(&self) {
        self.change(Cursor::step_back)
    }

    pub fn seek(&self, pos: usize) {
        self.change(|c| c.seek(pos))
    }

    pub fn to_start(&self) {
        self.change(|c| {
            c.pause();
            c.seek(0)
        })
    }

    pub fn to_end(&self) {
        self.change(|c| {
            let len = c.len();
            c.seek(len)
        })
    }

    pub fn set_speed(&self, speed: f64) {
        self.change(|c| c.set_speed(speed))
    }

    /// A new trace: back to the start, paused, keeping the speed.
    pub fn reset(&self, len: usize, steps_per_sec: f64) {
        self.change(|c| {
            let speed = c.speed();
            *c = Cursor::new(len, steps_per_sec);
            c.set_speed(speed);
        })
    }
}

/// A player over a trace of `len` steps, `steps_per_sec` at 1×. When `len`
/// changes the cursor starts over; a new trace of the same length calls
/// [`Player::reset`].
#[hook]
pub fn use_player(len: usize, steps_per_sec: f64) -> Player {
    let cell = use_mut_ref(|| Cursor::new(len, steps_per_sec));
    let redraw = use_force_update();
    if cell.borrow().len() != len {
        let speed = cell.borrow().speed();
        let mut c = Cursor::new(len, steps_per_sec);
        c.set_speed(speed);
        *cell.borrow_mut() = c;
    }
    let playing = cell.borrow().is_playing();
    {
        let (cell, redraw) = (cell.clone(), redraw.clone());
        use_effect_with(playing, move |&playing| {
            let frame: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
            if playing {
                run_loop(frame.clone(), cell, redraw, None);
            }
            move || drop(frame.borrow_mut().take())
        });
    }
    let now = cell.borrow().clone();
    Player { cell, redraw, now }
}

/// Where a sandbox flip asks the next run to continue from (the step after
/// the flipped segment or message was sent); taken once the new trace
/// arrives.
pub type ResumeAt = Rc<RefCell<Option<usize>>>;

/// A diagram page's player: [`use_player`] over `trace` (`len` steps), back
/// to the start whenever `restart` changes (a new scenario or seed), and,
/// when `trace` changes after a sandbox flip stored a position in the
/// returned [`ResumeAt`], continuing from there: the run differs only from
/// the flipped step on.
#[hook]
pub fn use_resumable_player<K, T>(
    restart: K,
    trace: T,
    len: usize,
    steps_per_sec: f64,
) -> (Player, ResumeAt)
where
    K: PartialEq + 'static,
    T: PartialEq + 'static,
{
    let player = use_player(len, steps_per_sec);
    let resume_at: ResumeAt = use_mut_ref(|| None);
    {
        let (p1, p2, at) = (player.clone(), player.clone(), resume_at.clone());
        use_effect_with(restart, move |_| p1.reset(len, steps_per_sec));
        use_effect_with(trace, move |_| {
            if let Some(pos) = at.borrow_mut().take() {
                p2.seek(pos);
            }
        });
    }
    (player, resume_at)
}

/// One animation frame: tick the cursor by the time since the last frame,
/// redraw if it moved, and ask for the next frame while playing.
fn run_loop(
    frame: Rc<RefCell<Option<AnimationFrame>>>,
    cell: Rc<RefCell<Cursor>>,
    redraw: UseForceUpdateHandle,
    last: Option<f64>,
) {
    let slot = frame.clone();
    let next = request_animation_frame(move |ts| {
        let (moved, playing) = {
            let mut c = cell.borrow_mut();
            let moved = last.map_or(0, |prev| c.tick(ts - prev));
            (moved, c.is_playing())
        };
        if moved > 0 || !playing {
            redraw.force_update();
        }
        if playing {
            run_loop(slot, cell, redraw, Some(ts));
        }
    });
    *frame.borrow_mut() = Some(next);
}
