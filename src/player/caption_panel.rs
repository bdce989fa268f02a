//! The caption of the current step, large, beside a diagram. It is a
//! polite live region while stepping, silent while playing (a screen
//! reader cannot keep up with playback; the event table holds every
//! step). Each diagram words its own captions and passes the text in.
//!
//! A plain function, not a component: it holds no state, and a component
//! would bring its own copy of Yew's lifecycle code into every bundle.

use yew::prelude::*;

/// What [`caption_panel`] shows.
pub struct CaptionPanelProps {
    /// Class prefix of the feature (`tcp`, `net`), for its styles and tests.
    pub prefix: &'static str,
    pub heading: &'static str,
    /// When the step happened, as shown ("t = 300 ms").
    pub time: Option<String>,
    pub text: String,
    /// Added after the text in a quieter style ("(the end)").
    pub note: Option<&'static str>,
    pub playing: bool,
    /// Extra lines under the caption (a message's fields).
    pub children: Html,
}

pub fn caption_panel(props: CaptionPanelProps) -> Html {
    let p = props.prefix;
    html! {
        <div class={classes!("card", format!("{p}-caption"))}>
            <h2 class={format!("{p}-caption-head")}>
                { props.heading }
                if let Some(time) = props.time {
                    <span class={format!("{p}-caption-time")}>{ time }</span>
                }
            </h2>
            <p class={format!("{p}-caption-text")} aria-live={if props.playing { "off" } else { "polite" }}>
                { props.text }
                if let Some(note) = props.note {
                    <span class="muted">{ " " }{ note }</span>
                }
            </p>
            { props.children }
        </div>
    }
}
