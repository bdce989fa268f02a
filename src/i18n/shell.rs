//! Strings of the app shell: header, navigation, footer, notices, help.

use super::Text;

pub const APP_NAME: Text = Text::new("面经", "mianjing");
