//! Placing the labels of a sequence diagram's arrows so that none covers
//! another. Each arrow offers candidate boxes along its length; the first
//! that covers nothing placed before wins, then a few passes move any
//! label still covering another to its least-covering candidate. Shared
//! by the TCP and networking diagrams.

/// A label's box (centre and size), for the arrow `id`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox<I> {
    pub id: I,
    pub cx: f64,
    pub cy: f64,
    pub w: f64,
    pub h: f64,
}

impl<I> LabelBox<I> {
    /// Area two boxes share, counting a 2-unit margin.
    pub fn overlap<J>(&self, o: &LabelBox<J>) -> f64 {
        let dx = (self.w + o.w) / 2.0 + 2.0 - (self.cx - o.cx).abs();
        let dy = (self.h + o.h) / 2.0 + 2.0 - (self.cy - o.cy).abs();
        if dx > 0.0 && dy > 0.0 {
            dx * dy
        } else {
            0.0
        }
    }
}

/// One box per arrow, chosen from its candidates (best first); an arrow
/// with no candidate gets no box.
pub fn place<I: Copy>(options: &[Vec<LabelBox<I>>]) -> Vec<LabelBox<I>> {
    // Only arrows with candidates, so `placed[i]` is always `options[i]`'s.
    let options: Vec<&Vec<LabelBox<I>>> = options.iter().filter(|o| !o.is_empty()).collect();
    let cost = |b: &LabelBox<I>, others: &[LabelBox<I>], skip: usize| -> f64 {
        others
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != skip)
            .map(|(_, o)| o.overlap(b))
            .sum()
    };
    let best = |opts: &[LabelBox<I>], others: &[LabelBox<I>], skip: usize| -> Option<LabelBox<I>> {
        let mut best: Option<(f64, LabelBox<I>)> = None;
        for b in opts {
            let c = cost(b, others, skip);
            if best.is_none_or(|(bc, _)| c < bc) {
                best = Some((c, *b));
            }
            if c == 0.0 {
                break;
            }
        }
        best.map(|(_, b)| b)
    };
    let mut placed: Vec<LabelBox<I>> = Vec::with_capacity(options.len());
    for opts in &options {
        if let Some(b) = best(opts, &placed, usize::MAX) {
            placed.push(b);
        }
    }
    for _ in 0..4 {
        let mut moved = false;
        for i in 0..placed.len() {
            if cost(&placed[i], &placed, i) == 0.0 {
                continue;
            }
            if let Some(b) = best(options[i], &placed, i) {
                if cost(&b, &placed, i) < cost(&placed[i], &placed, i) {
                    placed[i] = b;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(id: u8, cy: f64) -> LabelBox<u8> {
        LabelBox {
            id,
            cx: 50.0,
            cy,
            w: 40.0,
            h: 10.0,
        }
    }

    #[test]
    fn a_second_label_takes_its_first_free_candidate() {
        let placed = place(&[vec![at(0, 0.0)], vec![at(1, 0.0), at(1, 5.0), at(1, 30.0)]]);
        assert_eq!(placed, [at(0, 0.0), at(1, 30.0)]);
    }

    #[test]
    fn an_arrow_without_candidates_gets_no_box_and_shifts_nothing() {
        let placed = place(&[vec![at(0, 0.0)], vec![], vec![at(2, 0.0), at(2, 40.0)]]);
        assert_eq!(placed, [at(0, 0.0), at(2, 40.0)]);
    }
}
