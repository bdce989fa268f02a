//! Text with search matches highlighted in `<mark>`.

use std::ops::Range;

use yew::prelude::*;

use crate::notes::search::snippet_pieces;

#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    pub text: AttrValue,
    /// Byte ranges of `text` to highlight (bad ranges are ignored).
    pub marks: Vec<Range<usize>>,
}

#[component]
pub fn Marked(props: &MarkedProps) -> Html {
    snippet_pieces(&props.text, &props.marks)
        .into_iter()
        .map(|(piece, marked)| {
            if marked {
                html! { <mark>{ piece.to_string() }</mark> }
            } else {
                html! { { piece.to_string() } }
            }
        })
        .collect()
}
