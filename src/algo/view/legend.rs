//! What the colours, patterns and glyphs mean, for the roles this algorithm
//! uses.

use yew::prelude::*;

use super::roles;
use crate::algo::{AlgoId, Role};
use crate::i18n::{algo as t, Lang};

/// The roles an algorithm's bars can take.
pub fn roles_of(algo: AlgoId) -> Vec<Role> {
    use Role::*;
    let mut r = vec![Normal, Compared];
    match algo {
        AlgoId::BubbleSort => r.extend([Swapped, Sorted, Outside]),
        AlgoId::SelectionSort => r.extend([Swapped, Min, Sorted, Outside]),
        AlgoId::InsertionSort => r.extend([Written, Held, Sorted, Outside]),
        AlgoId::ShellSort => r.extend([Written, Held, Sorted]),
        AlgoId::QuickSort => r.extend([Written, Pivot, Sorted, Outside]),
        AlgoId::QuickSortInplace => r.extend([Swapped, Pivot, Sorted, Outside]),
        AlgoId::MergeSort => r.extend([Written, Sorted, Outside]),
        AlgoId::RadixSort => r.extend([Written, Sorted]),
        AlgoId::SequentialSearch => r.extend([Found]),
        AlgoId::BinarySearch => r.extend([Mid, Found, Outside]),
        AlgoId::HashSearch => r.extend([Written, Mid, Found]),
        AlgoId::BlockSearch => r.extend([Written, Mid, Found, Outside]),
    }
    r
}

pub struct LegendProps {
    /// One algorithm, or both racers.
    pub algos: Vec<AlgoId>,
}

pub fn legend(lang: Lang, props: &LegendProps) -> Html {
    // In legend order, each once (`roles::ALL` holds every role).
    let used: Vec<Role> = props.algos.iter().flat_map(|a| roles_of(*a)).collect();
    let items = roles::ALL
        .into_iter()
        .filter(|r| used.contains(r))
        .map(|role| {
            html! {
                <li class={classes!("algo-legend-item", roles::class(role))}>
                    <span class="swatch" aria-hidden="true">
                        <span class="swatch-fill"></span>
                        <span class="swatch-glyph">{ roles::glyph(role) }</span>
                    </span>
                    { t::role(role).get(lang) }
                </li>
            }
        });
    html! {
        <section class="card algo-legend" aria-labelledby="algo-legend-title">
            <h2 id="algo-legend-title">{ t::LEGEND_TITLE.get(lang) }</h2>
            <ul class="algo-legend-list">{ for items }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The legend lists the roles in `roles::ALL`'s order: a role missing
    /// there would silently drop out of it.
    #[test]
    fn every_role_an_algorithm_draws_has_its_place_in_the_legend() {
        for algo in AlgoId::ALL {
            for role in roles_of(algo) {
                assert!(roles::ALL.contains(&role), "{algo:?}: {role:?}");
            }
        }
    }
}
