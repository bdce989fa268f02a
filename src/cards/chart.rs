//! Geometry of the statistics charts, computed here so the SVG components
//! only draw rectangles (and so the geometry is tested natively).

use super::stats::Heatmap;
use super::time::{Date, Day};

/// One bar of a bar chart, in the chart's own units (viewBox).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub index: usize,
    pub value: u32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// Bars for `values` in a `width` × `height` box, the tallest touching the
/// top. A zero value gets no height; a non-zero value at least 1 unit, so a
/// single review stays visible next to a busy day.
pub fn bars(values: &[u32], width: f32, height: f32) -> Vec<Bar> {
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f32;
    let slot = width / values.len().max(1) as f32;
    let gap = (slot * 0.2).min(4.0);
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            let h = if value == 0 {
                0.0
            } else {
                (value as f32 / max * height).max(1.0)
            };
            Bar {
                index,
                value,
                x: index as f32 * slot + gap / 2.0,
                y: height - h,
                width: slot - gap,
                height: h,
            }
        })
        .collect()
}

/// One day of the calendar heatmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Week column, 0 = the oldest.
    pub column: usize,
    /// 0 = Monday … 6 = Sunday.
    pub row: usize,
    pub date: Date,
    pub count: u32,
    /// Shade 0 (none) … 4 (busiest).
    pub level: u8,
}

/// A month label over the heatmap's column where the month starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthMark {
    pub column: usize,
    pub month: u8,
}

/// Cells of a heatmap laid out in week columns (Monday on top), with the
/// months' first columns.
pub fn heatmap_cells(heatmap: &Heatmap) -> (Vec<Cell>, Vec<MonthMark>) {
    let max = heatmap.max();
    let first_monday = Day(heatmap.first_day.0 - i64::from(heatmap.first_day.date().weekday()));
    let mut cells = Vec::with_capacity(heatmap.counts.len());
    let mut months: Vec<MonthMark> = Vec::new();
    for (i, &count) in heatmap.counts.iter().enumerate() {
        let day = heatmap.first_day.plus(i as i64);
        let date = day.date();
        let column = (day.since(first_monday) / 7) as usize;
        if months.last().is_none_or(|m| m.month != date.month) && date.day <= 7 {
            months.push(MonthMark {
                column,
                month: date.month,
            });
        }
        cells.push(Cell {
            column,
            row: usize::from(date.weekday()),
            date,
            count,
            level: level(count, max),
        });
    }
    (cells, months)
}

/// Shade of a count: quarters of the busiest day.
fn level(count: u32, max: u32) -> u8 {
    if count == 0 || max == 0 {
        return 0;
    }
    (1 + (count - 1) * 4 / max).min(4) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_the_box_in_proportion() {
        let b = bars(&[0, 5, 10, 1], 40.0, 100.0);
        assert_eq!(b.len(), 4);
        assert_eq!((b[0].height, b[2].height, b[2].y), (0.0, 100.0, 0.0));
        assert_eq!(b[1].height, 50.0);
        assert_eq!(b[3].height, 10.0);
        assert!(b
            .iter()
            .all(|bar| bar.x >= 0.0 && bar.x + bar.width <= 40.0));
        assert!(bars(&[], 10.0, 10.0).is_empty());
        let tiny = bars(&[1000, 1], 20.0, 50.0);
        assert_eq!(tiny[1].height, 1.0, "one review stays visible");
    }

    #[test]
    fn heatmap_cells_sit_in_week_columns() {
        // 2026-11-23 is a Monday.
        let today = Date::new(2026, 11, 23).map(Date::study_day).expect("date");
        let mut counts = vec![0u32; 365];
        counts[364] = 8;
        counts[363] = 2;
        let heat = Heatmap {
            first_day: today.plus(-364),
            counts,
        };
        let (cells, months) = heatmap_cells(&heat);
        assert_eq!(cells.len(), 365);
        let last = cells[364];
        assert_eq!((last.row, last.count, last.level), (0, 8, 4));
        assert_eq!(cells[363].row, 6, "Sunday at the bottom");
        assert_eq!(cells[363].level, 1);
        assert_eq!(last.column, cells[363].column + 1);
        assert!(cells.iter().all(|c| c.column <= 52));
        assert_eq!(months.len(), 12);
        assert!(months.windows(2).all(|w| w[0].column < w[1].column));
        assert_eq!(level(0, 0), 0);
        assert_eq!(level(3, 4), 3);
    }
}
