//! The four grade buttons, each with when it would bring the card back and
//! its key.

use yew::prelude::*;

use crate::cards::{DueIn, Grade};
use crate::i18n::cards as t;
use crate::i18n::Lang;

/// Again, Hard, Good and Easy; `due_in` in that order.
pub fn grade_buttons(lang: Lang, due_in: [DueIn; 4], on_grade: &Callback<Grade>) -> Html {
    html! {
        <div class="grades" role="group" aria-label={t::GRADES_LABEL.get(lang)}>
            { for Grade::ALL.iter().zip(due_in).map(|(&grade, due)| {
                let onclick = on_grade.reform(move |_: MouseEvent| grade);
                let name = t::grade(lang, grade);
                let when = t::due_in(lang, due);
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
