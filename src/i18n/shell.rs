//! Strings of the app shell: header, navigation, footer, notices, help, and
//! the pages that belong to no feature.

use super::{Lang, Text};
use crate::storage::Notice;

pub const APP_NAME: Text = Text::new("面经", "mianjing");
pub const TAGLINE: Text = Text::new(
    "Python 后端面试笔记、间隔重复闪卡与动画图解，全部在浏览器里运行。",
    "Python back-end interview notes, spaced-repetition flashcards and animated diagrams, all in your browser.",
);
pub const SKIP_TO_CONTENT: Text = Text::new("跳到正文", "Skip to content");
pub const NAV_LABEL: Text = Text::new("主导航", "Main navigation");
pub const NAV_HOME: Text = Text::new("首页", "Home");
pub const NAV_NOTES: Text = Text::new("笔记", "Notes");
pub const NAV_REVIEW: Text = Text::new("复习", "Review");
pub const NAV_TCP: Text = Text::new("TCP", "TCP");
pub const NAV_ALGO: Text = Text::new("算法", "Algorithms");
pub const NAV_STATS: Text = Text::new("统计", "Stats");
pub const NAV_SETTINGS: Text = Text::new("设置", "Settings");

pub const THEME_TO_DARK: Text = Text::new("切换到深色主题", "Switch to dark theme");
pub const THEME_TO_LIGHT: Text = Text::new("切换到浅色主题", "Switch to light theme");
pub const LANG_SWITCH: Text = Text::new("English", "中文");
pub const LANG_SWITCH_LABEL: Text = Text::new("Switch to English", "切换到中文");
pub const HELP_BUTTON: Text = Text::new("键盘快捷键（?）", "Keyboard shortcuts (?)");

pub const HELP_TITLE: Text = Text::new("键盘快捷键", "Keyboard shortcuts");
pub const CLOSE: Text = Text::new("关闭", "Close");
pub const DISMISS: Text = Text::new("知道了", "Dismiss");

pub const FOOTER_OFFLINE: Text = Text::new(
    "全部在你的浏览器中运行；进度只保存在本机。",
    "Runs entirely in your browser; progress stays on this device.",
);
pub const FOOTER_HELP: Text = Text::new("按 ? 查看快捷键", "Press ? for shortcuts");
pub const EMBED_OPEN_FULL: Text = Text::new("在面经中打开 ↗", "Open in mianjing ↗");

pub const HOME_TITLE: Text = Text::new("今天学点什么？", "What will you study today?");
pub const HOME_NOTES: Text = Text::new(
    "按主题整理的面试题与答案，支持中文搜索。",
    "Interview questions and answers by topic, with Chinese search.",
);
pub const HOME_REVIEW: Text = Text::new(
    "间隔重复闪卡：每天复习到期的卡片。",
    "Spaced-repetition flashcards: review what is due each day.",
);
pub const HOME_TCP: Text = Text::new(
    "三次握手、四次挥手、丢包重传，一步步播放。",
    "Handshake, teardown and lost segments, step by step.",
);
pub const HOME_ALGO: Text = Text::new(
    "排序与查找算法的动画，配 Python 代码。",
    "Sorting and searching animated, with the Python code.",
);

/// While the page reloads into the bundle that serves another part of the app.
pub const LOADING: Text = Text::new("正在加载…", "Loading…");
pub const NOT_FOUND_TITLE: Text = Text::new("找不到这个页面", "Page not found");
pub const NOT_FOUND_BODY: Text = Text::new(
    "这个链接指向的页面不存在，可能是地址写错了，或者内容已经改名。",
    "Nothing lives at this address. The link may be mistyped, or the page was renamed.",
);
pub const NOT_FOUND_HOME: Text = Text::new("回到首页", "Back to home");

pub const PLACEHOLDER_TITLE: Text = Text::new("这部分还在建设中", "This part is still being built");
pub const PLACEHOLDER_BODY: Text = Text::new(
    "这里的功能尚未完成。其他部分已经可以使用。",
    "This feature is not ready yet. The other parts already work.",
);

pub const UPDATE_READY: Text = Text::new("面经有新版本。", "A new version of mianjing is ready.");
pub const UPDATE_RELOAD: Text = Text::new("重新加载", "Reload");
pub const UPDATE_LATER: Text = Text::new("稍后", "Later");

pub const EMBED_OWN_PROGRESS: Text = Text::new(
    "嵌入页的进度单独保存在这里；可用导出 / 导入与完整版互通。",
    "Progress in this embed is kept apart from the full app; export and import move it.",
);

pub const ERROR_TITLE: Text = Text::new("出错了", "Something went wrong");
pub const ERROR_BODY: Text = Text::new(
    "页面遇到了一个错误，无法继续。你的学习进度保存在本机，没有丢失。",
    "The page hit an error and cannot go on. Your progress is stored on this device and is not lost.",
);
pub const ERROR_RELOAD: Text = Text::new("重新加载", "Reload");
pub const ERROR_SAVE: Text = Text::new("下载进度备份", "Download a backup of my progress");

/// What a storage notice says in one short line, for an embed.
pub fn notice_short(lang: Lang, notice: &Notice) -> String {
    match (lang.fixed(), notice) {
        (Lang::Zh, Notice::StorageUnavailable) => "此处不能保存：进度只在内存中。".into(),
        (Lang::En, Notice::StorageUnavailable) => {
            "No storage here: progress is kept in memory only.".into()
        }
        (Lang::Zh, Notice::StorageFull) => "存储已满：新进度只在内存中。".into(),
        (Lang::En, Notice::StorageFull) => "Storage full: new progress is in memory only.".into(),
        (Lang::Zh, _) => "已保存的数据有损坏，原件已备份。".into(),
        (Lang::En, _) => "Some saved data was damaged; the original is backed up.".into(),
    }
}

/// What a storage notice says, in one short paragraph.
pub fn notice(lang: Lang, notice: &Notice) -> String {
    let backup_zh = |b: &Option<String>| match b {
        Some(k) => format!("原始数据已备份到 “{k}”。"),
        None => "原始数据保留在原处，本次访问的改动只保存在内存中。".to_string(),
    };
    let backup_en = |b: &Option<String>| match b {
        Some(k) => format!("The original is kept under “{k}”."),
        None => "The original is left in place; changes in this visit stay in memory.".to_string(),
    };
    match (lang.fixed(), notice) {
        (Lang::Zh, Notice::StorageUnavailable) => {
            "浏览器不允许保存数据：本次访问的进度只在内存中，关闭页面后会丢失。可在设置中导出进度。".into()
        }
        (Lang::En, Notice::StorageUnavailable) => {
            "This browser refuses storage: progress lives in memory for this visit and is lost when the page closes. You can export it in Settings.".into()
        }
        (Lang::Zh, Notice::StorageFull) => {
            "浏览器存储空间已满：新的进度暂存在内存中。请导出进度备份。".into()
        }
        (Lang::En, Notice::StorageFull) => {
            "The browser's storage is full: new progress is kept in memory. Please export a backup.".into()
        }
        (Lang::Zh, Notice::Spoiled { key, backup }) => {
            format!("已保存的数据 “{key}” 无法读取，已改用默认值。{}", backup_zh(backup))
        }
        (Lang::En, Notice::Spoiled { key, backup }) => {
            format!("Saved data “{key}” could not be read; defaults are used. {}", backup_en(backup))
        }
        (Lang::Zh, Notice::FutureVersion { key, found, backup }) => format!(
            "已保存的数据 “{key}” 来自更新版本的面经（格式 {found}），这个版本读不懂。{}",
            backup_zh(backup)
        ),
        (Lang::En, Notice::FutureVersion { key, found, backup }) => format!(
            "Saved data “{key}” was written by a newer mianjing (format {found}) that this version cannot read. {}",
            backup_en(backup)
        ),
        (Lang::Zh, Notice::Partial { key, dropped, backup }) => format!(
            "已保存的数据 “{key}” 有 {dropped} 处损坏或重复，无法完整读取；能读的部分都已加载。{}",
            backup_zh(backup)
        ),
        (Lang::En, Notice::Partial { key, dropped, backup }) => format!(
            "Saved data “{key}” had {dropped} damaged or repeated parts that could not be read whole; everything readable was loaded. {}",
            backup_en(backup)
        ),
    }
}
