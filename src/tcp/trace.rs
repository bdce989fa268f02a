//! What a simulation records: typed events, each at a simulated millisecond.
//! The view never runs TCP; it only replays these.

use super::model::{Flags, SegId, Segment, Side, State};

/// Simulated time in milliseconds since the scenario started.
pub type Ms = u32;

/// The two timers each endpoint keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// Retransmission timeout (RTO), doubled on each retry.
    Retransmit,
    /// TIME-WAIT's 2×MSL.
    TimeWait,
    /// A delayed ACK: the receiver waits briefly in case it has something
    /// to send that can carry the acknowledgment (RFC 9293 §3.8.6.3).
    DelayedAck,
}

/// A call the application makes on its socket (RFC 9293 §3.9.1 user calls).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// Passive OPEN: `bind` + `listen`.
    Listen,
    /// Active OPEN: `connect`.
    Connect,
    /// SEND of this many bytes.
    Send(u32),
    /// CLOSE: "I have nothing more to send" (`close`/`shutdown(SHUT_WR)`).
    Close,
}

/// What a call returned to the application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallOutcome {
    Ok,
    /// The port is still held by a connection (for example one in
    /// TIME-WAIT): `bind` fails with EADDRINUSE.
    AddressInUse,
    /// "connection already exists".
    AlreadyConnected,
    /// "connection does not exist".
    NotConnected,
    /// "connection closing": SEND or CLOSE after this side's CLOSE.
    Closing,
}

/// Why a segment was put on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendKind {
    /// First transmission (every pure ACK and RST is one).
    New,
    /// A copy of an earlier segment's sequence space (same seq, flags,
    /// length); `of` is the first transmission.
    Retransmit { of: SegId },
    /// A segment from an earlier connection between the same two ports that
    /// lingered in the network and turns up now (RFC 9293 §3.5, Figure 8).
    OldDuplicate,
}

/// What the receiving endpoint made of a delivered segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// In sequence and valid: processed (state, data, acknowledgment).
    Accepted,
    /// Sequence space already received: dropped, and answered with an ACK
    /// of what is expected next (in TIME-WAIT this also restarts 2MSL).
    Duplicate,
    /// Ahead of what is expected, or acknowledging something never sent:
    /// dropped, and answered with an ACK.
    OutOfOrder,
    /// No connection wants it: answered with RST.
    Refused,
    /// Dropped without an answer (an RST for nothing, an answer that is
    /// rate-limited, a segment with nothing to do in this state).
    Ignored,
}

/// One thing that happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The application called its socket.
    Call {
        side: Side,
        call: Call,
        outcome: CallOutcome,
    },
    StateChanged {
        side: Side,
        from: State,
        to: State,
    },
    /// A segment left `from`. `arrive_time` is when it reaches the peer, or
    /// would have if it is lost on the way.
    SegmentSent {
        id: SegId,
        from: Side,
        seg: Segment,
        send_time: Ms,
        arrive_time: Ms,
        kind: SendKind,
    },
    SegmentDelivered {
        id: SegId,
        to: Side,
        verdict: Verdict,
    },
    /// The network dropped the segment (halfway, in the diagram).
    SegmentLost {
        id: SegId,
    },
    /// Starting a timer that is already running restarts it.
    TimerStarted {
        side: Side,
        kind: TimerKind,
        fires_at: Ms,
    },
    TimerFired {
        side: Side,
        kind: TimerKind,
    },
    TimerCancelled {
        side: Side,
        kind: TimerKind,
    },
    /// The retransmission limit was reached: the side abandons the
    /// connection without sending anything (RFC 9293 §3.8.3, threshold R2).
    GaveUp {
        side: Side,
    },
    /// `connect()` fails with ECONNREFUSED: the peer answered the SYN with
    /// a reset (RFC 9293 §3.10.7.3, "connection reset" in SYN-SENT).
    ConnectRefused {
        side: Side,
    },
}

/// An event and the simulated time it happened at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedEvent {
    pub at: Ms,
    pub event: Event,
}

/// Everything about one segment, gathered from its events, indexed by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentSegment {
    pub from: Side,
    pub seg: Segment,
    pub send_time: Ms,
    pub arrive_time: Ms,
    pub kind: SendKind,
    pub lost: bool,
}

/// The record of one run: events in time order (ties in the order they were
/// processed), plus a table of segments by id.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Trace {
    pub events: Vec<TimedEvent>,
    /// `segments[id.0]` is the segment with that id.
    pub segments: Vec<SentSegment>,
    /// The initial sequence number each side used for the connection that
    /// got furthest (the last one it chose): the zero of relative numbering,
    /// as Wireshark shows it. Zero for a side that never chose one.
    pub base: [u32; 2],
}

impl Trace {
    /// Number of events (the player's trace length).
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The segment with this id, if the trace has one.
    pub fn segment(&self, id: SegId) -> Option<&SentSegment> {
        self.segments.get(id.0 as usize)
    }

    /// Time of the last event (0 for an empty trace).
    pub fn end_time(&self) -> Ms {
        self.events.last().map_or(0, |e| e.at)
    }

    /// Each side's state after the first `pos` events.
    pub fn states_at(&self, pos: usize) -> [State; 2] {
        let mut states = [State::Closed; 2];
        for e in self.events.iter().take(pos) {
            if let Event::StateChanged { side, to, .. } = e.event {
                states[side.index()] = to;
            }
        }
        states
    }
}

/// How sequence numbers are shown: as sent, or counted from each side's
/// initial sequence number as Wireshark does by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SeqMode {
    #[default]
    Relative,
    Absolute,
}

impl Trace {
    /// The label drawn on an arrow, Wireshark style:
    /// `SYN, ACK seq=0 ack=1`, `PSH, ACK seq=1 ack=1 len=100`.
    pub fn label(&self, id: SegId, mode: SeqMode) -> String {
        let Some(s) = self.segment(id) else {
            return String::new();
        };
        let (seq, ack) = self.numbers(s, mode);
        let mut out = s.seg.flags.names();
        out.push_str(&format!(" seq={seq}"));
        if let Some(ack) = ack {
            out.push_str(&format!(" ack={ack}"));
        }
        if s.seg.len > 0 {
            out.push_str(&format!(" len={}", s.seg.len));
        }
        out
    }

    /// The label in lines, for a narrow drawing: flags (and data length),
    /// then `seq=…`, then `ack=…` when the ACK bit is set.
    pub fn label_lines(&self, id: SegId, mode: SeqMode) -> Vec<String> {
        let Some(s) = self.segment(id) else {
            return Vec::new();
        };
        let (seq, ack) = self.numbers(s, mode);
        let mut first = s.seg.flags.names();
        if s.seg.len > 0 {
            first.push_str(&format!(" len={}", s.seg.len));
        }
        let mut out = vec![first, format!("seq={seq}")];
        if let Some(ack) = ack {
            out.push(format!("ack={ack}"));
        }
        out
    }

    /// A segment's seq and (when the ACK bit is set) ack, as shown. Relative
    /// numbers count seq from the sender's base and ack from the receiver's;
    /// they are signed because a segment of an earlier connection (an old
    /// duplicate SYN) lies before the zero.
    pub fn numbers(&self, s: &SentSegment, mode: SeqMode) -> (i64, Option<i64>) {
        let has_ack = s.seg.flags.has(Flags::ACK);
        match mode {
            SeqMode::Absolute => (s.seg.seq as i64, has_ack.then_some(s.seg.ack as i64)),
            SeqMode::Relative => {
                let rel =
                    |n: u32, side: Side| n.wrapping_sub(self.base[side.index()]) as i32 as i64;
                (
                    rel(s.seg.seq, s.from),
                    has_ack.then(|| rel(s.seg.ack, s.from.peer())),
                )
            }
        }
    }
}
