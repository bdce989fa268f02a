//! A cursor over a trace of `len` frames: play, pause, step, seek, speed.
//!
//! The cursor never reads a clock. The view calls [`Cursor::tick`] with the
//! milliseconds elapsed since the last animation frame, and the cursor decides
//! whether to advance. Position `0` is "before the first step"; position `len`
//! is "after the last step", so a trace of `n` steps has `n + 1` positions.

/// Playback speed, as frames per second at 1×.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speed(pub f64);

impl Speed {
    /// The speeds a user can pick, slowest first.
    pub const CHOICES: [f64; 6] = [0.5, 1.0, 2.0, 4.0, 16.0, 64.0];

    /// [`Speed::CHOICES`] as the menu writes them. Spelled out rather than
    /// formatted, so the widgets carry no float formatting or parsing.
    pub const NAMES: [&'static str; 6] = ["0.5", "1", "2", "4", "16", "64"];

    /// The speed a menu value names; `None` for anything else.
    pub fn from_name(name: &str) -> Option<f64> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Self::CHOICES.get(i).copied()
    }
}

impl Default for Speed {
    fn default() -> Self {
        Speed(1.0)
    }
}

/// Where playback stands in a trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Cursor {
    len: usize,
    pos: usize,
    playing: bool,
    /// Steps per second at 1×.
    base_rate: f64,
    speed: f64,
    /// Milliseconds accumulated toward the next step while playing.
    carry_ms: f64,
}

impl Cursor {
    /// A paused cursor at the start of a trace of `len` steps, which plays
    /// `base_rate` steps per second at speed 1×.
    pub fn new(len: usize, base_rate: f64) -> Self {
        Cursor {
            len,
            pos: 0,
            playing: false,
            base_rate: if base_rate > 0.0 { base_rate } else { 1.0 },
            speed: 1.0,
            carry_ms: 0.0,
        }
    }

    /// Number of steps in the trace.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the trace has no steps.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many steps have been applied (0..=len).
    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn is_playing(&self) -> bool {
        self.playing
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.len
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Start playing; at the end, playing starts over from the beginning.
    pub fn play(&mut self) {
        if self.at_end() {
            self.pos = 0;
        }
        self.playing = self.len > 0;
        self.carry_ms = 0.0;
    }

    pub fn pause(&mut self) {
        self.playing = false;
        self.carry_ms = 0.0;
    }

    pub fn toggle(&mut self) {
        if self.playing {
            self.pause()
        } else {
            self.play()
        }
    }

    /// One step forward (pauses playback, as a media player does).
    pub fn step_forward(&mut self) {
        self.pause();
        self.pos = (self.pos + 1).min(self.len);
    }

    /// One step back (pauses playback).
    pub fn step_back(&mut self) {
        self.pause();
        self.pos = self.pos.saturating_sub(1);
    }

    /// Jump to a position, clamped to `0..=len`. Playback state is kept.
    pub fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.len);
        self.carry_ms = 0.0;
        if self.at_end() {
            self.playing = false;
        }
    }

    /// Set the speed multiplier; non-positive or non-finite values are ignored.
    pub fn set_speed(&mut self, speed: f64) {
        if speed.is_finite() && speed > 0.0 {
            self.speed = speed;
        }
    }

    /// Advance by the time elapsed since the last tick. Returns how many steps
    /// were taken, so the view knows whether to redraw. Playback stops at the
    /// end. A long pause (a background tab) advances at most a quarter of a
    /// second's worth of steps, so the animation never leaps.
    pub fn tick(&mut self, elapsed_ms: f64) -> usize {
        if !self.playing || !elapsed_ms.is_finite() || elapsed_ms <= 0.0 {
            return 0;
        }
        let step_ms = 1000.0 / (self.base_rate * self.speed);
        self.carry_ms += elapsed_ms.min(250.0_f64.max(step_ms));
        let mut steps = 0;
        while self.carry_ms >= step_ms && self.pos < self.len {
            self.carry_ms -= step_ms;
            self.pos += 1;
            steps += 1;
        }
        if self.at_end() {
            self.playing = false;
            self.carry_ms = 0.0;
        }
        steps
    }

    /// Fraction of the current step elapsed (0.0..1.0), for views that tween
    /// between frames. Always 0 when paused.
    pub fn progress_in_step(&self) -> f64 {
        if !self.playing {
            return 0.0;
        }
        let step_ms = 1000.0 / (self.base_rate * self.speed);
        (self.carry_ms / step_ms).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_names_are_the_speeds_written_out() {
        for (x, name) in Speed::CHOICES.into_iter().zip(Speed::NAMES) {
            assert_eq!(x.to_string(), name);
            assert_eq!(Speed::from_name(name), Some(x));
        }
        assert_eq!(Speed::from_name("3"), None);
        assert_eq!(Speed::from_name(""), None);
    }

    #[test]
    fn plays_at_the_given_rate_and_stops_at_the_end() {
        let mut c = Cursor::new(3, 2.0); // 2 steps a second: 500 ms a step
        c.play();
        assert_eq!(c.tick(499.0), 0);
        assert_eq!(c.tick(1.0), 1);
        assert_eq!(c.pos(), 1);
        assert_eq!(
            c.tick(250.0) + c.tick(250.0) + c.tick(250.0) + c.tick(250.0),
            2
        );
        assert_eq!(c.pos(), 3);
        assert!(!c.is_playing(), "playback stops at the end");
        assert_eq!(c.tick(1000.0), 0);
    }

    #[test]
    fn speed_multiplies_the_rate() {
        let mut c = Cursor::new(100, 1.0);
        c.set_speed(16.0);
        c.play();
        c.tick(125.0); // 16 steps a second: 62.5 ms a step
        assert_eq!(c.pos(), 2);
        c.set_speed(-1.0);
        assert_eq!(c.speed(), 16.0, "a nonsense speed is ignored");
    }

    #[test]
    fn a_background_tab_does_not_leap() {
        let mut c = Cursor::new(100, 4.0);
        c.play();
        c.tick(60_000.0);
        assert_eq!(c.pos(), 1, "at most a quarter second is counted");
    }

    #[test]
    fn step_and_seek_clamp_and_pause() {
        let mut c = Cursor::new(2, 1.0);
        c.step_back();
        assert_eq!(c.pos(), 0);
        c.play();
        c.step_forward();
        assert!(!c.is_playing());
        c.step_forward();
        c.step_forward();
        assert_eq!(c.pos(), 2);
        c.seek(99);
        assert_eq!(c.pos(), 2);
        c.play();
        assert_eq!(c.pos(), 0, "play at the end starts over");
    }

    #[test]
    fn empty_trace_never_plays() {
        let mut c = Cursor::new(0, 1.0);
        c.play();
        assert!(!c.is_playing());
        assert_eq!(c.tick(1000.0), 0);
        assert!(c.is_empty());
    }
}
