//! Strings of the shared player controls (TCP diagrams and algorithms).

use super::{Lang, Text};

pub const CONTROLS: Text = Text::new("播放控制", "Playback controls");
pub const PLAY: Text = Text::new("播放（空格）", "Play (Space)");
pub const PAUSE: Text = Text::new("暂停（空格）", "Pause (Space)");
pub const REPLAY: Text = Text::new("从头再放（空格）", "Play again (Space)");
pub const STEP_BACK: Text = Text::new("后退一步（←）", "Step back (←)");
pub const STEP_FORWARD: Text = Text::new("前进一步（→）", "Step forward (→)");
pub const TO_START: Text = Text::new("回到开头（Home）", "To the start (Home)");
pub const TO_END: Text = Text::new("跳到结尾（End）", "To the end (End)");
pub const SEEK: Text = Text::new("进度", "Position");
pub const SPEED: Text = Text::new("速度", "Speed");

/// "Step 12 of 340", for the position readout.
pub fn position(lang: Lang, pos: usize, len: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("第 {pos} / {len} 步"),
        Lang::En => format!("Step {pos} of {len}"),
    }
}

/// A speed multiplier as shown in the menu, from its name
/// ([`crate::player::Speed::NAMES`]): `0.5×`, `16×`.
pub fn speed(name: &str) -> String {
    format!("{name}×")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readouts() {
        assert_eq!(position(Lang::En, 3, 10), "Step 3 of 10");
        assert_eq!(position(Lang::Zh, 3, 10), "第 3 / 10 步");
        assert_eq!(speed("0.5"), "0.5×");
        assert_eq!(speed("16"), "16×");
    }
}
