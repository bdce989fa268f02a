//! Bar chart of reviews due on each of the next 30 days. The bars are SVG
//! stretched to the box; the labels are HTML, so they stay readable at any
//! width.

use yew::prelude::*;

use crate::cards::chart::bars;
use crate::cards::Day;
use crate::i18n::cards as t;
use crate::shell::use_lang;

const W: f32 = 600.0;
const H: f32 = 140.0;

#[derive(Properties, PartialEq)]
pub struct ForecastProps {
    /// Due counts, index 0 = today.
    pub due: Vec<u32>,
    pub today: Day,
}

#[component]
pub fn Forecast(props: &ForecastProps) -> Html {
    let lang = use_lang();
    let total: u32 = props.due.iter().sum();
    let busiest = props.due.iter().copied().max().unwrap_or(0);
    let first = props.due.first().copied().unwrap_or(0);
    let summary = t::forecast_summary(lang, total, busiest, first);
    let plot = bars(&props.due, W, H);
    let days = props.due.len().max(1) as f32;
    html! {
        <figure class="chart forecast">
            <div class="forecast-plot">
                // An empty forecast has one tick, 0, not "0" at both ends.
                if busiest > 0 {
                    <span class="y-tick y-max" aria-hidden="true">{ busiest }</span>
                }
                <span class="y-tick y-zero" aria-hidden="true">{ "0" }</span>
                <svg viewBox={format!("0 0 {W} {H}")} preserveAspectRatio="none" role="img" aria-label={summary.clone()}>
                    { for plot.iter().map(|b| {
                        let date = props.today.plus(b.index as i64).date();
                        html! {
                            <rect class="bar" x={b.x.to_string()} y={b.y.to_string()}
                                width={b.width.to_string()} height={b.height.to_string()}>
                                <title>{ t::reviews_on(lang, date, b.value) }</title>
                            </rect>
                        }
                    }) }
                    <line class="axis" x1="0" x2={W.to_string()} y1={H.to_string()} y2={H.to_string()}
                        vector-effect="non-scaling-stroke" />
                </svg>
            </div>
            <div class="x-ticks" aria-hidden="true">
                { for (0..props.due.len()).step_by(7).map(|i| {
                    let label = if i == 0 {
                        t::TODAY.get(lang).to_owned()
                    } else {
                        let d = props.today.plus(i as i64).date();
                        format!("{}/{}", d.month, d.day)
                    };
                    let left = (i as f32 + 0.5) / days * 100.0;
                    html! { <span style={format!("left:{left:.2}%")}>{ label }</span> }
                }) }
            </div>
            <figcaption class="muted">{ summary }</figcaption>
        </figure>
    }
}
