//! Race mode's switch: pick a second algorithm of the same kind (or none).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::{algo as t, Lang};

pub struct RacePickerProps {
    pub algo: AlgoId,
    pub vs: Option<AlgoId>,
    pub on_change: Callback<Option<AlgoId>>,
}

pub fn race_picker(lang: Lang, props: &RacePickerProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(AlgoId::from_slug(&s.value()));
            }
        })
    };
    let others = AlgoId::ALL.into_iter().filter(|b| props.algo.can_race(*b));
    html! {
        <section class="card race-picker">
            <label>
                <h2>{ t::RACE.get(lang) }</h2>
                <span class="muted">{ t::RACE_LABEL.get(lang) }</span>
                <select {onchange} name="vs">
                    <option value="" selected={props.vs.is_none()}>{ t::RACE_NONE.get(lang) }</option>
                    { for others.map(|b| html! {
                        <option value={b.slug()} selected={props.vs == Some(b)}>{ t::title(b).get(lang) }</option>
                    }) }
                </select>
            </label>
        </section>
    }
}
