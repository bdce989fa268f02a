//! An answer or topic intro: HTML rendered at build time by the notes
//! compiler, which escapes all text and rejects raw HTML in the notes, so it
//! is inserted as is.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    /// HTML from `notes::data` (never from user input).
    pub html: &'static str,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn Prose(props: &ProseProps) -> Html {
    html! {
        <div class={classes!("prose", props.class.clone())}>
            { Html::from_html_unchecked(AttrValue::Static(props.html)) }
        </div>
    }
}
