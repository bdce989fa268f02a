//! Which sentence explains each event. The event alone is not enough (an
//! ACK completes a handshake, acknowledges data, or answers a duplicate), so
//! this reads the events around it; `i18n::tcp` turns the result into words.

use super::model::{Flags, SegId, Side, State};
use super::trace::{Call, CallOutcome, Event, Ms, SendKind, TimerKind, Trace, Verdict};

/// What one event means, with what its sentence needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caption {
    Listen {
        side: Side,
    },
    /// `listen` while the port is still held: EADDRINUSE.
    AddressInUse {
        side: Side,
        state: State,
    },
    Connect {
        side: Side,
    },
    Send {
        side: Side,
        bytes: u32,
    },
    /// `close` with the connection up: this side closes first.
    ActiveClose {
        side: Side,
    },
    /// `close` after reading end-of-stream (in CLOSE-WAIT).
    CloseAfterEof {
        side: Side,
    },
    /// `close` before the connection is up.
    CloseEarly {
        side: Side,
        state: State,
    },
    CallFailed {
        side: Side,
        call: Call,
        outcome: CallOutcome,
    },
    Entered {
        side: Side,
        from: State,
        to: State,
    },
    Syn {
        side: Side,
        id: SegId,
    },
    SynAck {
        side: Side,
        id: SegId,
    },
    /// The third segment of the handshake.
    HandshakeAck {
        side: Side,
        id: SegId,
    },
    DataAck {
        side: Side,
        id: SegId,
    },
    FinAck {
        side: Side,
        id: SegId,
    },
    /// An ACK repeating what is expected, answering a segment that was
    /// not acceptable (in TIME-WAIT: the retransmitted FIN).
    ReAck {
        side: Side,
        id: SegId,
        time_wait: bool,
    },
    Data {
        side: Side,
        id: SegId,
        after_peer_fin: bool,
    },
    Fin {
        side: Side,
        id: SegId,
    },
    /// SYN-SENT refusing a SYN-ACK that acknowledges another SYN.
    RstStale {
        side: Side,
        id: SegId,
    },
    /// No connection here for that segment.
    RstNoConnection {
        side: Side,
        id: SegId,
    },
    /// A timeout retransmission; `attempt` counts from 1.
    Retransmit {
        side: Side,
        id: SegId,
        attempt: u8,
    },
    /// SYN-RECEIVED resending its SYN-ACK because the SYN came again.
    AnswerDupSyn {
        side: Side,
        id: SegId,
    },
    OldSyn {
        id: SegId,
    },
    Arrived {
        side: Side,
        id: SegId,
    },
    Duplicate {
        side: Side,
        id: SegId,
    },
    OutOfOrder {
        side: Side,
        id: SegId,
    },
    Refused {
        side: Side,
        id: SegId,
    },
    /// Dropped without answer; `rate_limited` for a duplicate SYN arriving
    /// just after the SYN-ACK was resent.
    Ignored {
        side: Side,
        id: SegId,
        rate_limited: bool,
    },
    Lost {
        id: SegId,
    },
    RtoStarted {
        side: Side,
        ms: Ms,
        backoff: bool,
    },
    TimeWaitStarted {
        side: Side,
        ms: Ms,
        restart: bool,
    },
    RtoFired {
        side: Side,
    },
    TimeWaitFired {
        side: Side,
    },
    RtoStopped {
        side: Side,
    },
    TimeWaitStopped {
        side: Side,
    },
    GaveUp {
        side: Side,
    },
    /// `connect()` failed: the SYN was answered by a reset.
    ConnectRefused {
        side: Side,
    },
    /// An ACK held back in case it can ride on the side's next segment.
    DelayedAckStarted {
        side: Side,
        ms: Ms,
    },
    /// Nothing to carry it came: the ACK goes alone.
    DelayedAckFired {
        side: Side,
    },
    /// A segment the side sent carried the held ACK.
    DelayedAckCarried {
        side: Side,
    },
}

/// The caption of event `i` of `trace`, or `None` past its end.
pub fn caption(trace: &Trace, i: usize) -> Option<Caption> {
    let e = trace.events.get(i)?;
    let state = |side: Side| trace.states_at(i)[side.index()];
    // The segment being processed when event `i` happened, if any: the
    // nearest delivery at the same time.
    let delivered = || {
        trace.events[..i]
            .iter()
            .rev()
            .take_while(|p| p.at == e.at)
            .find_map(|p| match p.event {
                Event::SegmentDelivered { id, verdict, .. } => Some((id, verdict)),
                _ => None,
            })
    };
    Some(match e.event {
        Event::Call {
            side,
            call,
            outcome,
        } => match (call, outcome) {
            (Call::Listen, CallOutcome::Ok) => Caption::Listen { side },
            (Call::Listen, CallOutcome::AddressInUse) => Caption::AddressInUse {
                side,
                state: state(side),
            },
            (Call::Connect, CallOutcome::Ok) => Caption::Connect { side },
            (Call::Send(bytes), CallOutcome::Ok) => Caption::Send { side, bytes },
            (Call::Close, CallOutcome::Ok) => match state(side) {
                State::Established => Caption::ActiveClose { side },
                State::CloseWait => Caption::CloseAfterEof { side },
                s => Caption::CloseEarly { side, state: s },
            },
            _ => Caption::CallFailed {
                side,
                call,
                outcome,
            },
        },
        Event::StateChanged { side, from, to } => Caption::Entered { side, from, to },
        Event::SegmentSent {
            id,
            from: side,
            seg,
            kind,
            ..
        } => match kind {
            SendKind::OldDuplicate => Caption::OldSyn { id },
            SendKind::Retransmit { of } => {
                let after_timeout =
                    i > 0 && matches!(trace.events[i - 1].event, Event::TimerFired { .. });
                if after_timeout {
                    let attempt = trace.events[..i]
                        .iter()
                        .filter(|p| {
                            matches!(p.event, Event::SegmentSent { kind: SendKind::Retransmit { of: o }, .. } if o == of)
                        })
                        .count();
                    Caption::Retransmit {
                        side,
                        id,
                        attempt: (attempt + 1).min(u8::MAX as usize) as u8,
                    }
                } else {
                    Caption::AnswerDupSyn { side, id }
                }
            }
            SendKind::New if seg.flags.has(Flags::RST) => {
                if state(side) == State::SynSent {
                    Caption::RstStale { side, id }
                } else {
                    Caption::RstNoConnection { side, id }
                }
            }
            SendKind::New if seg.flags.has(Flags::SYN) => {
                if seg.flags.has(Flags::ACK) {
                    Caption::SynAck { side, id }
                } else {
                    Caption::Syn { side, id }
                }
            }
            SendKind::New if seg.flags.has(Flags::FIN) => Caption::Fin { side, id },
            SendKind::New if seg.len > 0 => Caption::Data {
                side,
                id,
                after_peer_fin: state(side) == State::CloseWait,
            },
            SendKind::New => match delivered() {
                Some((_, Verdict::Duplicate | Verdict::OutOfOrder)) => Caption::ReAck {
                    side,
                    id,
                    time_wait: state(side) == State::TimeWait,
                },
                Some((got, _)) => {
                    let got = trace.segment(got).map(|s| s.seg).unwrap_or(seg);
                    if got.flags.has(Flags::SYN) {
                        Caption::HandshakeAck { side, id }
                    } else if got.flags.has(Flags::FIN) {
                        Caption::FinAck { side, id }
                    } else {
                        Caption::DataAck { side, id }
                    }
                }
                None => Caption::DataAck { side, id },
            },
        },
        Event::SegmentDelivered {
            id,
            to: side,
            verdict,
        } => match verdict {
            Verdict::Accepted => Caption::Arrived { side, id },
            Verdict::Duplicate => Caption::Duplicate { side, id },
            Verdict::OutOfOrder => Caption::OutOfOrder { side, id },
            Verdict::Refused => Caption::Refused { side, id },
            Verdict::Ignored => {
                let syn = trace.segment(id).is_some_and(|s| s.seg.flags == Flags::SYN);
                Caption::Ignored {
                    side,
                    id,
                    rate_limited: syn && state(side) == State::SynReceived,
                }
            }
        },
        Event::SegmentLost { id } => Caption::Lost { id },
        Event::TimerStarted {
            side,
            kind: TimerKind::Retransmit,
            fires_at,
        } => {
            let backoff = i > 0
                && matches!(
                    trace.events[i - 1].event,
                    Event::SegmentSent {
                        kind: SendKind::Retransmit { .. },
                        ..
                    }
                );
            Caption::RtoStarted {
                side,
                ms: fires_at - e.at,
                backoff,
            }
        }
        Event::TimerStarted {
            side,
            kind: TimerKind::TimeWait,
            fires_at,
        } => Caption::TimeWaitStarted {
            side,
            ms: fires_at - e.at,
            restart: state(side) == State::TimeWait
                && !matches!(
                    i.checked_sub(1).map(|j| trace.events[j].event),
                    Some(Event::StateChanged { .. })
                ),
        },
        Event::TimerFired {
            side,
            kind: TimerKind::Retransmit,
        } => Caption::RtoFired { side },
        Event::TimerFired {
            side,
            kind: TimerKind::TimeWait,
        } => Caption::TimeWaitFired { side },
        Event::TimerCancelled {
            side,
            kind: TimerKind::Retransmit,
        } => Caption::RtoStopped { side },
        Event::TimerCancelled {
            side,
            kind: TimerKind::TimeWait,
        } => Caption::TimeWaitStopped { side },
        Event::GaveUp { side } => Caption::GaveUp { side },
        Event::ConnectRefused { side } => Caption::ConnectRefused { side },
        Event::TimerStarted {
            side,
            kind: TimerKind::DelayedAck,
            fires_at,
        } => Caption::DelayedAckStarted {
            side,
            ms: fires_at - e.at,
        },
        Event::TimerFired {
            side,
            kind: TimerKind::DelayedAck,
        } => Caption::DelayedAckFired { side },
        Event::TimerCancelled {
            side,
            kind: TimerKind::DelayedAck,
        } => Caption::DelayedAckCarried { side },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tcp::scenario::ScenarioId;
    use crate::tcp::sim::simulate;

    fn captions(id: ScenarioId) -> Vec<Caption> {
        let t = simulate(id.scenario(), 3);
        (0..t.len())
            .map(|i| caption(&t, i).expect("every event has a caption"))
            .collect()
    }

    #[test]
    fn the_handshake_reads_as_three_steps() {
        use Side::*;
        let c = captions(ScenarioId::Handshake);
        assert_eq!(c[0], Caption::Listen { side: Server });
        assert_eq!(c[2], Caption::Connect { side: Client });
        assert_eq!(
            c[4],
            Caption::Syn {
                side: Client,
                id: SegId(0)
            }
        );
        assert_eq!(
            c[5],
            Caption::RtoStarted {
                side: Client,
                ms: 600,
                backoff: false
            }
        );
        assert_eq!(
            c[8],
            Caption::SynAck {
                side: Server,
                id: SegId(1)
            }
        );
        assert_eq!(
            c[13],
            Caption::HandshakeAck {
                side: Client,
                id: SegId(2)
            }
        );
        assert_eq!(
            c[12],
            Caption::Entered {
                side: Client,
                from: State::SynSent,
                to: State::Established
            }
        );
    }

    #[test]
    fn losses_and_their_answers_are_named() {
        use Side::*;
        let c = captions(ScenarioId::LastAckLost);
        assert!(c.contains(&Caption::FinAck {
            side: Client,
            id: SegId(6)
        }));
        assert!(c.contains(&Caption::Lost { id: SegId(6) }));
        assert!(c.contains(&Caption::Retransmit {
            side: Server,
            id: SegId(7),
            attempt: 1
        }));
        assert!(c.contains(&Caption::RtoStarted {
            side: Server,
            ms: 1200,
            backoff: true
        }));
        assert!(c.contains(&Caption::Duplicate {
            side: Client,
            id: SegId(7)
        }));
        assert!(c.contains(&Caption::TimeWaitStarted {
            side: Client,
            ms: 2000,
            restart: true
        }));
        assert!(c.contains(&Caption::TimeWaitStarted {
            side: Client,
            ms: 2000,
            restart: false
        }));
        assert!(c.contains(&Caption::ReAck {
            side: Client,
            id: SegId(8),
            time_wait: true
        }));

        let c = captions(ScenarioId::OldSyn);
        assert!(c.contains(&Caption::OldSyn { id: SegId(0) }));
        assert!(c.contains(&Caption::Refused {
            side: Client,
            id: SegId(2)
        }));
        assert!(c.contains(&Caption::RstStale {
            side: Client,
            id: SegId(3)
        }));

        let c = captions(ScenarioId::SynAckLost);
        assert!(c.contains(&Caption::Ignored {
            side: Server,
            id: SegId(2),
            rate_limited: true
        }));

        let c = captions(ScenarioId::AckLost);
        assert!(c.contains(&Caption::ReAck {
            side: Client,
            id: SegId(4),
            time_wait: false
        }));

        let c = captions(ScenarioId::Transfer);
        assert!(c.contains(&Caption::Data {
            side: Server,
            id: SegId(7),
            after_peer_fin: true
        }));
        assert!(c.contains(&Caption::Data {
            side: Client,
            id: SegId(3),
            after_peer_fin: false
        }));
        assert!(c.contains(&Caption::DataAck {
            side: Server,
            id: SegId(4)
        }));
        assert!(c.contains(&Caption::CloseAfterEof { side: Server }));
        assert!(c.contains(&Caption::ActiveClose { side: Client }));

        let c = captions(ScenarioId::ServerClose);
        assert!(c.contains(&Caption::AddressInUse {
            side: Server,
            state: State::TimeWait
        }));
    }

    #[test]
    fn every_event_has_a_caption() {
        for id in ScenarioId::ALL {
            let t = simulate(id.scenario(), 3);
            assert!((0..t.len()).all(|i| caption(&t, i).is_some()));
            assert_eq!(caption(&t, t.len()), None);
        }
    }
}
