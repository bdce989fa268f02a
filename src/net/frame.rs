//! What the diagram shows after a number of steps: pure, so the view only
//! draws and a test can ask what any position looks like.

use super::seq::{Event, LaneId, Ms, MsgId, TimerKind, Trace};
use crate::player::axis::Timeline;

/// Where a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgStatus {
    InFlight,
    Delivered,
    /// Arrived, but TCP keeps it from the application for now.
    Held,
    Lost,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MsgView {
    pub id: MsgId,
    pub status: MsgStatus,
    /// 0.0..=1.0 of the arrow drawn (a lost one stops at 0.5).
    pub progress: f64,
    /// The current step is about this message.
    pub current: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerStatus {
    Running,
    Fired,
    Stopped(Ms),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimerView {
    pub lane: LaneId,
    pub kind: TimerKind,
    pub started: Ms,
    pub fires_at: Ms,
    pub status: TimerStatus,
    /// 0.0..=1.0 of the time elapsed.
    pub fill: f64,
    pub current: bool,
}

/// A local happening, written on its lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkView {
    pub lane: LaneId,
    pub at: Ms,
    /// Index of its step (for its text).
    pub step: usize,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// Simulated time shown (between two steps' times while tweened).
    pub now: f64,
    pub messages: Vec<MsgView>,
    pub timers: Vec<TimerView>,
    pub marks: Vec<MarkView>,
    /// Index of the step applied last.
    pub current: Option<usize>,
    /// Round trips the client has completed.
    pub round_trips: u32,
}

/// The picture after the first `pos` steps, `tween` (0.0..1.0) of the way
/// to the next step's time.
pub fn frame(trace: &Trace, pos: usize, tween: f64) -> Frame {
    let pos = pos.min(trace.len());
    let applied = &trace.steps[..pos];
    let last_at = applied.last().map_or(0, |s| s.at) as f64;
    let now = match trace.steps.get(pos) {
        Some(next) if tween > 0.0 && pos > 0 => {
            last_at + tween.clamp(0.0, 1.0) * (next.at as f64 - last_at)
        }
        _ => last_at,
    };
    let current = pos.checked_sub(1);
    let mut f = Frame {
        now,
        messages: Vec::with_capacity(trace.messages.len()),
        timers: Vec::new(),
        marks: Vec::new(),
        current,
        round_trips: trace.round_trips_at(pos),
    };
    for (i, s) in applied.iter().enumerate() {
        let is_current = Some(i) == current;
        let settle = |id: MsgId, status: MsgStatus, f: &mut Frame| {
            if let Some(m) = f.messages.iter_mut().find(|m| m.id == id) {
                m.status = status;
                m.current |= is_current;
            }
        };
        match s.event {
            Event::Sent { id } => f.messages.push(MsgView {
                id,
                status: MsgStatus::InFlight,
                progress: 0.0,
                current: is_current,
            }),
            Event::Delivered { id } => settle(id, MsgStatus::Delivered, &mut f),
            Event::Lost { id } => settle(id, MsgStatus::Lost, &mut f),
            Event::Held { id } => settle(id, MsgStatus::Held, &mut f),
            Event::TimerStarted {
                lane,
                kind,
                fires_at,
            } => {
                stop(&mut f.timers, lane, kind, TimerStatus::Stopped(s.at), false);
                f.timers.push(TimerView {
                    lane,
                    kind,
                    started: s.at,
                    fires_at,
                    status: TimerStatus::Running,
                    fill: 0.0,
                    current: is_current,
                });
            }
            Event::TimerFired { lane, kind } => {
                stop(&mut f.timers, lane, kind, TimerStatus::Fired, is_current)
            }
            Event::TimerCancelled { lane, kind } => stop(
                &mut f.timers,
                lane,
                kind,
                TimerStatus::Stopped(s.at),
                is_current,
            ),
            Event::Local { lane, kind } => {
                if kind == super::seq::LocalKind::Released {
                    // The gap is filled: what waited reaches the application.
                    for m in &mut f.messages {
                        let to_lane = trace
                            .message(m.id)
                            .is_some_and(|msg| msg.targets(trace.lanes.len()).contains(&lane));
                        if m.status == MsgStatus::Held && to_lane {
                            m.status = MsgStatus::Delivered;
                        }
                    }
                }
                f.marks.push(MarkView {
                    lane,
                    at: s.at,
                    step: i,
                    current: is_current,
                });
            }
        }
    }
    for m in &mut f.messages {
        let Some(msg) = trace.message(m.id) else {
            continue;
        };
        let span = (msg.arrive_time - msg.send_time).max(1) as f64;
        m.progress = match m.status {
            MsgStatus::Delivered | MsgStatus::Held => 1.0,
            MsgStatus::Lost => 0.5,
            MsgStatus::InFlight => {
                let p = ((now - msg.send_time as f64) / span).clamp(0.0, 1.0);
                if msg.lost {
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

fn stop(timers: &mut [TimerView], lane: LaneId, kind: TimerKind, how: TimerStatus, current: bool) {
    if let Some(t) = timers
        .iter_mut()
        .rev()
        .find(|t| t.lane == lane && t.kind == kind && t.status == TimerStatus::Running)
    {
        t.status = how;
        t.current |= current;
    }
}

impl Timeline for Trace {
    fn times(&self) -> impl Iterator<Item = Ms> + '_ {
        self.steps.iter().map(|s| s.at)
    }

    fn flights(&self) -> impl Iterator<Item = (Ms, Ms)> + '_ {
        self.messages.iter().map(|m| (m.send_time, m.arrive_time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::scenario::{build, http, Options, ScenarioId};

    #[test]
    fn frames_hold_for_any_position_of_any_trace() {
        for id in ScenarioId::ALL {
            let t = build(id, &Options::default());
            for pos in 0..=t.len() + 1 {
                let f = frame(&t, pos, 0.5);
                assert!(f.messages.iter().all(|m| (0.0..=1.0).contains(&m.progress)));
                assert!(f.timers.iter().all(|t| (0.0..=1.0).contains(&t.fill)));
                assert!(f.now <= t.end_time() as f64);
            }
            let end = frame(&t, t.len(), 0.0);
            assert_eq!(end.messages.len(), t.messages.len());
            assert!(
                end.messages.iter().all(|m| m.status != MsgStatus::InFlight),
                "{id:?}: every message settled at the end"
            );
            assert!(
                end.messages.iter().all(|m| m.status != MsgStatus::Held),
                "{id:?}: every held message released"
            );
        }
    }

    #[test]
    fn held_segments_wait_until_the_gap_is_filled() {
        let t = http::http2(true, &[]);
        let held_at = t
            .steps
            .iter()
            .position(|s| matches!(s.event, Event::Held { .. }))
            .expect("a held segment");
        let f = frame(&t, held_at + 1, 0.0);
        assert_eq!(
            f.messages
                .iter()
                .filter(|m| m.status == MsgStatus::Held)
                .count(),
            1
        );
        let released = t
            .steps
            .iter()
            .position(|s| {
                matches!(
                    s.event,
                    Event::Local {
                        kind: crate::net::seq::LocalKind::Released,
                        ..
                    }
                )
            })
            .expect("a release");
        assert!(released > held_at);
        let f = frame(&t, released + 1, 0.0);
        assert!(f.messages.iter().all(|m| m.status != MsgStatus::Held));
    }

    #[test]
    fn a_lost_message_stops_halfway() {
        let t = build(ScenarioId::DnsUdpLost, &Options::default());
        let lost = t.messages.iter().position(|m| m.lost).expect("a loss");
        let end = frame(&t, t.len(), 0.0);
        let m = end.messages[lost];
        assert_eq!((m.status, m.progress), (MsgStatus::Lost, 0.5));
    }
}
