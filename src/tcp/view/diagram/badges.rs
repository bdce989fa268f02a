//! The state each side is in now, above the drawing.

use yew::prelude::*;

use super::{side_class, side_name, state_class};
use crate::i18n::{tcp as t, Lang};
use crate::tcp::model::{Side, State};

/// A badge per side, client first (`states` is indexed by `Side::index`).
pub(super) fn badges(lang: Lang, states: [State; 2]) -> Html {
    html! {
        <div class="tcp-states" role="group" aria-label={t::NOW_STATES.get(lang)}>
            { for Side::BOTH.into_iter().map(|s| {
                let state = states[s.index()];
                html! {
                    <div class={classes!("tcp-badge", side_class(s), state_class(state))}>
                        <span class="tcp-badge-who">{ side_name(s).get(lang) }</span>
                        <span class="tcp-badge-state" data-side={side_class(s)} data-state={state.name()}>
                            { state.name() }
                        </span>
                    </div>
                }
            }) }
        </div>
    }
}
