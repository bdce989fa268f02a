//! The header: product name, navigation, language, theme and help buttons.

use crate::router::*;
use yew::prelude::*;

use super::context::{use_app, AppAction};
use crate::i18n::{shell as t, Lang, Text};
use crate::route::{Route, Section};
use crate::storage::prefs::Theme;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The section of the page shown, highlighted in the navigation.
    pub section: Section,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let link = |to: Route, section: Section, label: Text| {
        let current = (props.section == section).then_some("page");
        html! {
            <Link to={to} classes={classes!("nav-link", current.map(|_| "active"))}>
                <span aria-current={current}>{ label.get(lang) }</span>
            </Link>
        }
    };
    let toggle_theme = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(AppAction::ToggleTheme))
    };
    let toggle_lang = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(AppAction::SetLang(match app.lang() {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let open_help = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(AppAction::SetHelp(true)))
    };
    let (theme_label, theme_icon) = match app.theme() {
        Theme::Light => (t::THEME_TO_DARK.get(lang), "☾"),
        Theme::Dark => (t::THEME_TO_LIGHT.get(lang), "☀"),
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main">{ t::SKIP_TO_CONTENT.get(lang) }</a>
            <div class="header-inner">
                <Link to={Route::Home} classes="brand">
                    <span class="visually-hidden">{ t::NAV_HOME.get(lang) }</span>
                    <span class="brand-mark" aria-hidden="true">{ "面" }</span>
                    <span class="brand-name">{ t::APP_NAME.get(lang) }</span>
                </Link>
                <nav class="main-nav" aria-label={t::NAV_LABEL.get(lang)}>
                    { link(Route::Notes, Section::Notes, t::NAV_NOTES) }
                    { link(Route::Review, Section::Review, t::NAV_REVIEW) }
                    { link(Route::TcpIndex, Section::Tcp, t::NAV_TCP) }
                    { link(Route::AlgoIndex, Section::Algo, t::NAV_ALGO) }
                </nav>
                <div class="header-actions">
                    <button type="button" class="icon-button lang-toggle" onclick={toggle_lang}
                        aria-label={t::LANG_SWITCH_LABEL.get(lang)}
                        lang={match lang.fixed() { Lang::Zh => "en", Lang::En => "zh-CN" }}>
                        { t::LANG_SWITCH.get(lang) }
                    </button>
                    <button type="button" class="icon-button theme-toggle" onclick={toggle_theme}
                        aria-label={theme_label} title={theme_label}>
                        <span aria-hidden="true">{ theme_icon }</span>
                    </button>
                    <button type="button" class="icon-button help-button" onclick={open_help}
                        aria-label={t::HELP_BUTTON.get(lang)} title={t::HELP_BUTTON.get(lang)}>
                        <span aria-hidden="true">{ "?" }</span>
                    </button>
                </div>
            </div>
        </header>
    }
}
