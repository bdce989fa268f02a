//! A route that another bundle serves (see [`crate::bundle`]): the page
//! reloads, and the loader starts that bundle. If the loader would pick this
//! same bundle again (it never should), the page says "not found" instead of
//! reloading forever.

use yew::prelude::*;

use super::dom;
use super::not_found::not_found;
use crate::bundle::Bundle;
use crate::i18n::shell as t;

#[derive(Properties, PartialEq)]
pub struct ElsewhereProps {
    /// The bundle that is running.
    pub current: Bundle,
}

#[component]
pub fn Elsewhere(props: &ElsewhereProps) -> Html {
    let lang = super::use_lang();
    let other = Bundle::for_hash(&dom::location_hash()) != props.current;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(other, move |&other| {
            // A site no longer in the document (unmounted by its host, as the
            // component tests do) does not drive the page.
            let attached = node.get().is_some_and(|n| n.is_connected());
            if other && attached {
                dom::reload();
            }
        });
    }
    if other {
        html! { <p class="boot-loading" role="status" ref={node}>{ t::LOADING.get(lang) }</p> }
    } else {
        not_found(lang)
    }
}
