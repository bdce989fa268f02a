//! The keyboard shortcuts the help overlay lists. Each feature keeps its group
//! here, so `?` always shows every key the app answers to.

use crate::i18n::Text;

/// One shortcut: the keys (as shown) and what they do.
pub struct Shortcut {
    pub keys: &'static [&'static str],
    pub action: Text,
}

/// The shortcuts of one part of the app.
pub struct Group {
    pub title: Text,
    pub shortcuts: &'static [Shortcut],
}

pub const GROUPS: &[Group] = &[
    Group {
        title: Text::new("全局", "Everywhere"),
        shortcuts: &[
            Shortcut {
                keys: &["?"],
                action: Text::new("打开或关闭这份快捷键帮助", "Open or close this help"),
            },
            Shortcut {
                keys: &["Esc"],
                action: Text::new("关闭弹层", "Close an overlay"),
            },
            Shortcut {
                keys: &["/"],
                action: Text::new("聚焦搜索框", "Focus the search box"),
            },
            Shortcut {
                keys: &["g", "h"],
                action: Text::new("回到首页", "Go home"),
            },
        ],
    },
    Group {
        title: Text::new("笔记与搜索", "Notes and search"),
        shortcuts: &[
            Shortcut {
                keys: &["↑", "↓"],
                action: Text::new("在搜索结果中移动", "Move through search results"),
            },
            Shortcut {
                keys: &["Enter"],
                action: Text::new("打开选中的结果", "Open the selected result"),
            },
            Shortcut {
                keys: &["←", "→"],
                action: Text::new("上一题 / 下一题", "Previous / next question"),
            },
        ],
    },
    Group {
        title: Text::new("复习", "Review"),
        shortcuts: &[
            Shortcut {
                keys: &["Space", "Enter"],
                action: Text::new("显示答案", "Show the answer"),
            },
            Shortcut {
                keys: &["1", "2", "3", "4"],
                action: Text::new(
                    "评分：重来、困难、良好、简单",
                    "Grade: Again, Hard, Good, Easy",
                ),
            },
            Shortcut {
                keys: &["z"],
                action: Text::new("撤销上一次评分", "Undo the last grade"),
            },
        ],
    },
    Group {
        title: Text::new("动画（TCP 与算法）", "Animations (TCP and algorithms)"),
        shortcuts: &[
            Shortcut {
                keys: &["Space"],
                action: Text::new("播放 / 暂停", "Play / pause"),
            },
            Shortcut {
                keys: &["←", "→"],
                action: Text::new("后退一步 / 前进一步", "Step back / forward"),
            },
            Shortcut {
                keys: &["Home", "End"],
                action: Text::new("跳到开头 / 结尾", "Jump to start / end"),
            },
        ],
    },
];
