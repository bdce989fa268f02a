//! The four grade buttons, each with the interval it would give and its key.

use yew::prelude::*;

use crate::cards::{Grade, Interval};
use crate::i18n::cards as t;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct GradeButtonsProps {
    /// Intervals for Again, Hard, Good, Easy.
    pub intervals: [Interval; 4],
    pub on_grade: Callback<Grade>,
}

#[component]
pub fn GradeButtons(props: &GradeButtonsProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="grades" role="group" aria-label={t::GRADES_LABEL.get(lang)}>
            { for Grade::ALL.iter().zip(props.intervals).map(|(&grade, interval)| {
                let onclick = props.on_grade.reform(move |_: MouseEvent| grade);
                let name = t::grade(lang, grade);
                let when = t::interval(lang, interval);
                let class = format!("grade grade-{}", grade.number());
                html! {
                    <button type="button" {class} {onclick}
                        aria-keyshortcuts={grade.number().to_string()}
                        data-grade={grade.number().to_string()}>
                        <span class="grade-when">{ when }</span>
                        <span class="grade-name">{ name }</span>
                        <kbd class="grade-key" aria-hidden="true">{ grade.number() }</kbd>
                    </button>
                }
            }) }
        </div>
    }
}
