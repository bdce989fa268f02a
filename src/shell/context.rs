//! App-wide state shared through Yew contexts: preferences, notices, embed
//! mode, the help overlay, and the handle to the storage owner.
//!
//! State changes happen in [`AppState::reduce`], which never does I/O; saving
//! the preferences is an effect in `App` (see STYLE.md, point 4).

use std::cell::RefCell;
use std::rc::Rc;

use crate::router::use_location;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::HashQuery;
use crate::storage::prefs::{Prefs, Theme, ThemePref};
use crate::storage::{Notice, Store};

/// Everything the shell tracks.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What the user chose (saved).
    pub prefs: Prefs,
    /// Whether the system prefers a dark scheme.
    pub system_dark: bool,
    /// Options from the URL (`?embed&theme=…&lang=…`): they win over the
    /// saved preferences but are never saved.
    pub query: HashQuery,
    /// Notices not yet dismissed.
    pub notices: Vec<Notice>,
    pub help_open: bool,
}

impl AppState {
    pub fn new(prefs: Prefs, system_dark: bool, notices: Vec<Notice>) -> Self {
        AppState {
            prefs,
            system_dark,
            query: HashQuery::default(),
            notices,
            help_open: false,
        }
    }

    /// The URL's language, else the saved one; in a one-language widget
    /// build, always that language (see `Lang::fixed`).
    pub fn lang(&self) -> Lang {
        self.query.lang.unwrap_or(self.prefs.lang).fixed()
    }

    pub fn theme(&self) -> Theme {
        self.query
            .theme
            .unwrap_or(self.prefs.theme)
            .resolve(self.system_dark)
    }

    pub fn embed(&self) -> bool {
        self.query.embed
    }
}

/// Changes to the shell's state.
pub enum AppAction {
    /// Switch between light and dark (the choice is then fixed, no longer
    /// following the system).
    ToggleTheme,
    SetThemePref(ThemePref),
    SetLang(Lang),
    SystemDark(bool),
    SetQuery(HashQuery),
    AddNotices(Vec<Notice>),
    DismissNotice(usize),
    SetHelp(bool),
    ToggleHelp,
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::ToggleTheme => {
                next.prefs.theme = match self.theme().toggled() {
                    Theme::Light => ThemePref::Light,
                    Theme::Dark => ThemePref::Dark,
                };
                next.query.theme = None;
            }
            AppAction::SetThemePref(p) => {
                next.prefs.theme = p;
                next.query.theme = None;
            }
            AppAction::SetLang(lang) => {
                next.prefs.lang = lang;
                next.query.lang = None;
            }
            AppAction::SystemDark(dark) => next.system_dark = dark,
            // Embed mode and the URL's theme and language hold for the page's
            // life: links inside an embed lead to URLs without them, and the
            // widget must stay a widget.
            AppAction::SetQuery(q) => {
                next.query = HashQuery {
                    embed: q.embed || self.query.embed,
                    theme: q.theme.or(self.query.theme),
                    lang: q.lang.or(self.query.lang),
                }
            }
            AppAction::AddNotices(notices) => {
                for n in notices {
                    if !next.notices.contains(&n) {
                        next.notices.push(n);
                    }
                }
            }
            AppAction::DismissNotice(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            AppAction::SetHelp(open) => next.help_open = open,
            AppAction::ToggleHelp => next.help_open = !self.help_open,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The shell's state and its dispatcher.
pub type AppContext = UseReducerHandle<AppState>;

/// A shared handle to the storage owner. Components borrow it briefly to load
/// or save their slice; they never hold the borrow across an await.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<RefCell<Store>>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl StoreHandle {
    pub fn new(store: Store) -> Self {
        StoreHandle(Rc::new(RefCell::new(store)))
    }

    /// Runs `f` with the store, then hands any notices it raised to `app`.
    pub fn with<R>(&self, app: &AppContext, f: impl FnOnce(&mut Store) -> R) -> R {
        let (out, notices) = {
            let mut store = self.0.borrow_mut();
            let out = f(&mut store);
            (out, store.take_notices())
        };
        if !notices.is_empty() {
            app.dispatch(AppAction::AddNotices(notices));
        }
        out
    }
}

/// The shell's state. Panics only if used outside `App` (a programming error,
/// caught by every test that mounts a component).
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("use_app inside App")
}

/// The UI language in force.
#[hook]
pub fn use_lang() -> Lang {
    use_app().lang()
}

/// The current hash query string (`embed&q=…`, without `?`); empty when
/// there is none. Parse it with `route::param` / `route::has`.
#[hook]
pub fn use_query_string() -> String {
    use_location()
        .map(|l| l.query_str().trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The storage owner.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("use_store inside App")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Prefs::default(), false, vec![]))
    }

    #[test]
    fn toggle_fixes_the_theme_opposite_to_what_is_shown() {
        let s = state();
        assert_eq!(s.theme(), Theme::Light, "system is light");
        let s = s.reduce(AppAction::ToggleTheme);
        assert_eq!(s.prefs.theme, ThemePref::Dark);
        let s = s
            .reduce(AppAction::SystemDark(false))
            .reduce(AppAction::ToggleTheme);
        assert_eq!(s.theme(), Theme::Light);
    }

    #[test]
    fn url_options_win_but_a_user_choice_clears_them() {
        let s = state().reduce(AppAction::SetQuery(HashQuery {
            embed: true,
            theme: Some(ThemePref::Dark),
            lang: Some(Lang::En),
        }));
        assert_eq!(
            (s.theme(), s.lang(), s.embed()),
            (Theme::Dark, Lang::En, true)
        );
        assert_eq!(s.prefs, Prefs::default(), "URL options are not saved");
        let s = s.reduce(AppAction::SetLang(Lang::Zh));
        assert_eq!(s.lang(), Lang::Zh);
    }

    #[test]
    fn embed_and_url_options_survive_navigation_to_plain_urls() {
        let s = state().reduce(AppAction::SetQuery(HashQuery {
            embed: true,
            theme: Some(ThemePref::Dark),
            lang: None,
        }));
        let s = s.reduce(AppAction::SetQuery(HashQuery::default()));
        assert!(s.embed());
        assert_eq!(s.theme(), Theme::Dark);
        let s = s.reduce(AppAction::SetQuery(HashQuery {
            lang: Some(Lang::En),
            ..HashQuery::default()
        }));
        assert_eq!((s.embed(), s.lang()), (true, Lang::En));
    }

    #[test]
    fn notices_are_deduplicated_and_dismissed_by_index() {
        let s = state()
            .reduce(AppAction::AddNotices(vec![
                Notice::StorageFull,
                Notice::StorageFull,
            ]))
            .reduce(AppAction::AddNotices(vec![Notice::StorageUnavailable]));
        assert_eq!(
            s.notices,
            vec![Notice::StorageFull, Notice::StorageUnavailable]
        );
        let s = s
            .reduce(AppAction::DismissNotice(0))
            .reduce(AppAction::DismissNotice(7));
        assert_eq!(s.notices, vec![Notice::StorageUnavailable]);
    }

    #[test]
    fn help_toggles_from_the_current_state() {
        let s = state().reduce(AppAction::ToggleHelp);
        assert!(s.help_open);
        assert!(!s.reduce(AppAction::ToggleHelp).help_open);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = state();
        let same = s.clone().reduce(AppAction::SetHelp(false));
        assert!(Rc::ptr_eq(&s, &same), "no re-render for a no-op");
    }
}
