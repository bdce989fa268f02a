//! The caption of the current step, large, beside a diagram. It is a
//! polite live region while stepping, silent while playing (a screen
//! reader cannot keep up with playback; the event table holds every
//! step). Each diagram words its own captions and passes the text in.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaptionPanelProps {
    /// Class prefix of the feature (`tcp`, `net`), for its styles and tests.
    pub prefix: &'static str,
    pub heading: AttrValue,
    /// When the step happened, as shown ("t = 300 ms").
    #[prop_or_default]
    pub time: Option<AttrValue>,
    pub text: AttrValue,
    /// Added after the text in a quieter style ("(the end)").
    #[prop_or_default]
    pub note: Option<AttrValue>,
    pub playing: bool,
    /// Extra lines under the caption (a message's fields).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn CaptionPanel(props: &CaptionPanelProps) -> Html {
    let p = props.prefix;
    html! {
        <div class={classes!("card", format!("{p}-caption"))}>
            <h2 class={format!("{p}-caption-head")}>
                { props.heading.clone() }
                if let Some(time) = &props.time {
                    <span class={format!("{p}-caption-time")}>{ time.clone() }</span>
                }
            </h2>
            <p class={format!("{p}-caption-text")} aria-live={if props.playing { "off" } else { "polite" }}>
                { props.text.clone() }
                if let Some(note) = &props.note {
                    <span class="muted">{ " " }{ note.clone() }</span>
                }
            </p>
            { props.children.clone() }
        </div>
    }
}
