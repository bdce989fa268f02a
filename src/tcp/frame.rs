//! What the diagram shows after a number of events: pure, so the view only
//! draws, and a test can ask what any step looks like.

use super::model::{SegId, Side, State};
use super::trace::{Event, Ms, TimerKind, Trace, Verdict};

/// Where a segment is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SegmentStatus {
    /// On the wire: `progress` of the way (0 at the sender, 1 at the
    /// receiver).
    InFlight,
    Delivered(Verdict),
    /// Dropped halfway (`progress` stays at 0.5).
    Lost,
}

/// A segment as drawn: an arrow from the sender's lifeline at `send_time`
/// towards the receiver's at `arrive_time`, of which `progress` is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SegmentView {
    pub id: SegId,
    pub from: Side,
    pub send_time: Ms,
    pub arrive_time: Ms,
    pub status: SegmentStatus,
    /// 0.0..=1.0 of the arrow drawn (a lost one stops at 0.5).
    pub progress: f64,
    /// The current event is about this segment.
    pub current: bool,
}

/// How a timer ended, if it has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimerStatus {
    Running,
    Fired,
    /// Stopped at this time: cancelled, or restarted (a new bracket follows).
    Stopped(Ms),
}

/// A timer as drawn: a bracket along a lifeline from `started` to
/// `fires_at`, filled to `fill`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimerView {
    pub side: Side,
    pub kind: TimerKind,
    pub started: Ms,
    pub fires_at: Ms,
    pub status: TimerStatus,
    /// 0.0..=1.0 of the time elapsed (1.0 once fired).
    pub fill: f64,
    /// The current event started, fired or stopped this timer.
    pub current: bool,
}

/// A stretch of a lifeline spent in one state; `until` is `None` for the
/// state the side is in now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StateSpan {
    pub side: Side,
    pub state: State,
    pub since: Ms,
    pub until: Option<Ms>,
    /// The current event entered this state.
    pub current: bool,
}

/// Everything the diagram needs at one cursor position.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// Simulated time shown, in ms (between two events' times while a
    /// step is tweened).
    pub now: f64,
    pub states: [State; 2],
    pub spans: Vec<StateSpan>,
    pub segments: Vec<SegmentView>,
    pub timers: Vec<TimerView>,
    /// Index of the event applied last (the one the caption describes).
    pub current: Option<usize>,
}

/// The picture after the first `pos` events, `tween` (0.0..1.0) of the way
/// to the next event's time. Views pass `cursor.pos()` and, when motion is
/// allowed, `cursor.progress_in_step()`.
pub fn frame(trace: &Trace, pos: usize, tween: f64) -> Frame {
    let pos = pos.min(trace.len());
    let applied = &trace.events[..pos];
    let last_at = applied.last().map_or(0, |e| e.at) as f64;
    let now = match trace.events.get(pos) {
        Some(next) if tween > 0.0 && pos > 0 => {
            last_at + tween.clamp(0.0, 1.0) * (next.at as f64 - last_at)
        }
        _ => last_at,
    };
    let current = pos.checked_sub(1);
    let mut f = Frame {
        now,
        states: [State::Closed; 2],
        spans: Vec::with_capacity(16),
        segments: Vec::with_capacity(trace.segments.len()),
        timers: Vec::with_capacity(16),
        current,
    };
    let mut open_span = [None::<usize>; 2];
    for (i, e) in applied.iter().enumerate() {
        let is_current = Some(i) == current;
        match e.event {
            Event::StateChanged { side, to, .. } => {
                if let Some(s) = open_span[side.index()] {
                    f.spans[s].until = Some(e.at);
                } else if f.states[side.index()] == State::Closed {
                    // Lifelines start in CLOSED at time zero.
                    f.spans.push(StateSpan {
                        side,
                        state: State::Closed,
                        since: 0,
                        until: Some(e.at),
                        current: false,
                    });
                }
                f.states[side.index()] = to;
                open_span[side.index()] = Some(f.spans.len());
                f.spans.push(StateSpan {
                    side,
                    state: to,
                    since: e.at,
                    until: None,
                    current: is_current,
                });
            }
            Event::SegmentSent {
                id,
                from,
                send_time,
                arrive_time,
                ..
            } => {
                f.segments.push(SegmentView {
                    id,
                    from,
                    send_time,
                    arrive_time,
                    status: SegmentStatus::InFlight,
                    progress: 0.0,
                    current: is_current,
                });
            }
            Event::SegmentDelivered { id, verdict, .. } => {
                if let Some(s) = f.segments.iter_mut().find(|s| s.id == id) {
                    s.status = SegmentStatus::Delivered(verdict);
                    s.current |= is_current;
                }
            }
            Event::SegmentLost { id } => {
                if let Some(s) = f.segments.iter_mut().find(|s| s.id == id) {
                    s.status = SegmentStatus::Lost;
                    s.current |= is_current;
                }
            }
            Event::TimerStarted {
                side,
                kind,
                fires_at,
            } => {
                stop_timer(&mut f.timers, side, kind, TimerStatus::Stopped(e.at), false);
                f.timers.push(TimerView {
                    side,
                    kind,
                    started: e.at,
                    fires_at,
                    status: TimerStatus::Running,
                    fill: 0.0,
                    current: is_current,
                });
            }
            Event::TimerFired { side, kind } => {
                stop_timer(&mut f.timers, side, kind, TimerStatus::Fired, is_current)
            }
            Event::TimerCancelled { side, kind } => stop_timer(
                &mut f.timers,
                side,
                kind,
                TimerStatus::Stopped(e.at),
                is_current,
            ),
            Event::Call { .. } | Event::GaveUp { .. } | Event::ConnectRefused { .. } => {}
        }
    }
    for side in Side::BOTH {
        if open_span[side.index()].is_none() {
            f.spans.push(StateSpan {
                side,
                state: f.states[side.index()],
                since: 0,
                until: None,
                current: false,
            });
        }
    }
    for s in &mut f.segments {
        let span = (s.arrive_time - s.send_time).max(1) as f64;
        s.progress = match s.status {
            SegmentStatus::Delivered(_) => 1.0,
            SegmentStatus::Lost => 0.5,
            SegmentStatus::InFlight => {
                let p = ((now - s.send_time as f64) / span).clamp(0.0, 1.0);
                // Until its loss is applied a lost segment looks like any
                // other, but never passes the point where it will vanish.
                if trace.segment(s.id).is_some_and(|t| t.lost) {
                    p.min(0.5)
                } else {
                    p
                }
            }
        };
    }
    for t in &mut f.timers {
        let end = match t.status {
            TimerStatus::Running => now,
            TimerStatus::Fired => t.fires_at as f64,
            TimerStatus::Stopped(at) => at as f64,
        };
        let span = (t.fires_at - t.started).max(1) as f64;
        t.fill = ((end - t.started as f64) / span).clamp(0.0, 1.0);
    }
    f
}

fn stop_timer(
    timers: &mut [TimerView],
    side: Side,
    kind: TimerKind,
    how: TimerStatus,
    current: bool,
) {
    if let Some(t) = timers
        .iter_mut()
        .rev()
        .find(|t| t.side == side && t.kind == kind && t.status == TimerStatus::Running)
    {
        t.status = how;
        t.current |= current;
    }
}

pub use crate::player::axis::{TimeAxis, Timeline};

impl Timeline for Trace {
    fn times(&self) -> impl Iterator<Item = Ms> + '_ {
        self.events.iter().map(|e| e.at)
    }

    fn flights(&self) -> impl Iterator<Item = (Ms, Ms)> + '_ {
        self.segments.iter().map(|s| (s.send_time, s.arrive_time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tcp::scenario::ScenarioId;
    use crate::tcp::sim::{simulate, simulate_with_drops};

    #[test]
    fn handshake_step_by_step() {
        let t = simulate(ScenarioId::Handshake.scenario(), 1);
        let f = frame(&t, 0, 0.0);
        assert_eq!(f.states, [State::Closed; 2]);
        assert!(f.segments.is_empty() && f.current.is_none());

        // After the SYN is sent (event 4) and its timer started (5).
        let f = frame(&t, 6, 0.0);
        assert_eq!(f.states, [State::SynSent, State::Listen]);
        assert_eq!(f.segments.len(), 1);
        assert_eq!(f.segments[0].status, SegmentStatus::InFlight);
        assert_eq!(f.segments[0].progress, 0.0);
        assert_eq!(f.timers[0].status, TimerStatus::Running);
        // Tweened halfway to the SYN's arrival at 100 ms.
        let f = frame(&t, 6, 0.5);
        assert_eq!(f.now, 50.0);
        assert_eq!(f.segments[0].progress, 0.5);
        assert!((f.timers[0].fill - 50.0 / 600.0).abs() < 1e-9);

        // The end: both ESTABLISHED, three arrows delivered, timers stopped.
        let f = frame(&t, t.len(), 0.0);
        assert_eq!(f.states, [State::Established; 2]);
        assert!(f.segments.iter().all(|s| s.progress == 1.0));
        assert_eq!(f.timers.len(), 2);
        assert_eq!(f.timers[0].status, TimerStatus::Stopped(200));
        assert!((f.timers[0].fill - 200.0 / 600.0).abs() < 1e-9);
        let client: Vec<_> = f
            .spans
            .iter()
            .filter(|s| s.side == Side::Client)
            .map(|s| (s.state, s.since, s.until))
            .collect();
        assert_eq!(
            client,
            [
                (State::Closed, 0, Some(0)),
                (State::SynSent, 0, Some(200)),
                (State::Established, 200, None)
            ]
        );
    }

    #[test]
    fn a_lost_segment_stops_halfway_and_a_restarted_timer_leaves_a_bracket() {
        let t = simulate(ScenarioId::LastAckLost.scenario(), 1);
        let lost = t
            .events
            .iter()
            .position(|e| matches!(e.event, Event::SegmentLost { .. }))
            .expect("a segment is lost");
        // The ACK leaves at 900 and is lost at 950, the next event.
        let at = |tween| {
            let f = frame(&t, lost, tween);
            let s = f
                .segments
                .iter()
                .find(|s| s.id == SegId(6))
                .copied()
                .expect("segment 6 is drawn");
            (s.status, s.progress)
        };
        assert_eq!(at(0.9), (SegmentStatus::InFlight, 0.45));
        assert_eq!(at(1.0), (SegmentStatus::InFlight, 0.5));
        let after = frame(&t, lost + 1, 0.0);
        let s = after
            .segments
            .iter()
            .find(|s| s.id == SegId(6))
            .expect("segment 6 is drawn");
        assert_eq!(
            (s.status, s.progress, s.current),
            (SegmentStatus::Lost, 0.5, true)
        );

        let end = frame(&t, t.len(), 0.0);
        let tw: Vec<_> = end
            .timers
            .iter()
            .filter(|t| t.kind == TimerKind::TimeWait)
            .map(|t| (t.started, t.fires_at, t.status))
            .collect();
        assert_eq!(
            tw,
            [
                (900, 2900, TimerStatus::Stopped(1500)),
                (1500, 3500, TimerStatus::Fired)
            ]
        );
    }

    #[test]
    fn frames_hold_for_any_position_of_any_trace() {
        for id in ScenarioId::ALL {
            for drops in [&[][..], &[SegId(1), SegId(3)][..]] {
                let t = simulate_with_drops(id.scenario(), 11, drops);
                for pos in 0..=t.len() + 2 {
                    let f = frame(&t, pos, 0.5);
                    assert_eq!(f.states, t.states_at(pos), "{id:?} at {pos}");
                    assert!(f.segments.iter().all(|s| (0.0..=1.0).contains(&s.progress)));
                    assert!(f.timers.iter().all(|t| (0.0..=1.0).contains(&t.fill)));
                    assert_eq!(f.spans.iter().filter(|s| s.until.is_none()).count(), 2);
                }
            }
        }
    }

    #[test]
    fn the_axis_squeezes_idle_stretches_only() {
        // Teardown: the last ACK arrives at 1000, TIME-WAIT ends at 2900.
        let t = simulate(ScenarioId::Teardown.scenario(), 1);
        let axis = TimeAxis::new(&t, 300);
        assert_eq!(axis.y(100.0), 100.0, "linear while segments fly");
        assert_eq!(
            axis.y(1000.0),
            1000.0 - 0.0,
            "up to the last ACK nothing is squeezed"
        );
        assert_eq!(axis.y(2900.0), 1300.0, "1900 ms of TIME-WAIT drawn as 300");
        assert_eq!(axis.len(), 1300.0);
        assert_eq!(axis.breaks(), &[1150.0]);
        assert!(axis.y(1950.0) > axis.y(1000.0) && axis.y(1950.0) < axis.y(2900.0));
    }
}
