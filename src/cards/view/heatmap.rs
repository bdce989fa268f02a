//! Calendar heatmap of reviews per day over the past year: one column per
//! week, Monday on top, darker for busier days (with a legend and a count
//! on each day, so colour is not the only signal).

use yew::prelude::*;

use crate::cards::chart::heatmap_cells;
use crate::cards::stats::Heatmap;
use crate::i18n::cards as t;
use crate::i18n::Lang;
use crate::shell::use_lang;

const CELL: i32 = 11;
const STEP: i32 = 13;
const LEFT: i32 = 22;
const TOP: i32 = 16;

#[derive(Properties, PartialEq)]
pub struct HeatmapChartProps {
    pub heatmap: Heatmap,
}

fn month_name(lang: Lang, month: u8) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{month}月"),
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("")
        .to_owned(),
    }
}

#[component]
pub fn HeatmapChart(props: &HeatmapChartProps) -> Html {
    let lang = use_lang();
    // On a narrow screen the year scrolls sideways: start at the latest weeks.
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_left(el.scroll_width());
            }
        });
    }
    let (cells, months) = heatmap_cells(&props.heatmap);
    let columns = cells.iter().map(|c| c.column).max().unwrap_or(0) as i32 + 1;
    let width = LEFT + columns * STEP;
    let height = TOP + 7 * STEP;
    let total: u32 = props.heatmap.counts.iter().sum();
    let days = props.heatmap.counts.iter().filter(|&&n| n > 0).count() as u32;
    let summary = t::heatmap_summary(lang, total, days);
    let weekday = |row: i32, zh: &'static str, en: &'static str| {
        let label = if lang.fixed() == Lang::Zh { zh } else { en };
        html! { <text class="tick" x="0" y={(TOP + row * STEP + CELL - 1).to_string()}>{ label }</text> }
    };
    html! {
        <figure class="chart heatmap">
            <div class="chart-scroll" ref={scroller} tabindex="0" role="region" aria-label={summary.clone()}>
                <svg width={width.to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} role="img" aria-label={summary.clone()}>
                    { weekday(0, "一", "Mon") }
                    { weekday(2, "三", "Wed") }
                    { weekday(4, "五", "Fri") }
                    { for months.iter().map(|m| html! {
                        <text class="tick" x={(LEFT + m.column as i32 * STEP).to_string()} y="10">
                            { month_name(lang, m.month) }
                        </text>
                    }) }
                    { for cells.iter().map(|c| html! {
                        <rect class={format!("day level-{}", c.level)}
                            x={(LEFT + c.column as i32 * STEP).to_string()}
                            y={(TOP + c.row as i32 * STEP).to_string()}
                            width={CELL.to_string()} height={CELL.to_string()} rx="2">
                            <title>{ t::reviews_on(lang, c.date, c.count) }</title>
                        </rect>
                    }) }
                </svg>
            </div>
            <figcaption>
                <span class="muted">{ summary }</span>
                <span class="legend" aria-hidden="true">
                    { t::LESS.get(lang) }
                    { for (0..=4).map(|l| html! { <span class={format!("swatch level-{l}")}></span> }) }
                    { t::MORE.get(lang) }
                </span>
            </figcaption>
        </figure>
    }
}
