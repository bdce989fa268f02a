//! The vocabulary of the TCP model: endpoints, RFC 9293 states, segments and
//! sequence-number arithmetic. No behaviour lives here; `sim` runs it.

use std::fmt;

/// One end of the connection. The client opens actively, the server passively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Client,
    Server,
}

impl Side {
    /// Both sides, client first (the left lifeline of the diagram).
    pub const BOTH: [Side; 2] = [Side::Client, Side::Server];

    /// The other end.
    pub const fn peer(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }

    /// 0 for the client, 1 for the server: an index into per-side arrays.
    pub const fn index(self) -> usize {
        match self {
            Side::Client => 0,
            Side::Server => 1,
        }
    }
}

/// The connection states of RFC 9293 §3.3.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}

impl State {
    /// The name as RFC 9293 spells it, which is also how `netstat`/`ss`
    /// users recognise it (with `_` there instead of `-`).
    pub const fn name(self) -> &'static str {
        match self {
            State::Closed => "CLOSED",
            State::Listen => "LISTEN",
            State::SynSent => "SYN-SENT",
            State::SynReceived => "SYN-RECEIVED",
            State::Established => "ESTABLISHED",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::CloseWait => "CLOSE-WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST-ACK",
            State::TimeWait => "TIME-WAIT",
        }
    }

    /// True once both sides' initial sequence numbers are known (RFC 9293
    /// calls these the synchronized states; SYN-RECEIVED is processed
    /// alongside them).
    pub const fn is_synchronized(self) -> bool {
        !matches!(
            self,
            State::Closed | State::Listen | State::SynSent | State::SynReceived
        )
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether RFC 9293's state diagram (Figure 5) allows `from → to`, counting
/// the transitions its event processing adds: a reset, a user ABORT or a
/// retransmission timeout takes any state with a connection to CLOSED, and a
/// passively opened SYN-RECEIVED falls back to LISTEN.
pub fn transition_allowed(from: State, to: State) -> bool {
    use State::*;
    if from == to {
        return false;
    }
    if to == Closed {
        // Everything may be aborted; only the states of the diagram reach
        // CLOSED without one, and the simulator says which case it is.
        return true;
    }
    matches!(
        (from, to),
        (Closed, Listen)
            | (Closed, SynSent)
            | (Listen, SynReceived)
            | (Listen, SynSent)
            | (SynSent, SynReceived)
            | (SynSent, Established)
            | (SynReceived, Established)
            | (SynReceived, FinWait1)
            | (SynReceived, CloseWait)
            | (SynReceived, Listen)
            | (Established, FinWait1)
            | (Established, CloseWait)
            | (FinWait1, FinWait2)
            | (FinWait1, Closing)
            | (FinWait1, TimeWait)
            | (FinWait2, TimeWait)
            | (CloseWait, LastAck)
            | (Closing, TimeWait)
    )
}

/// The control bits this model uses (URG and ECN are left out).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u8);

impl Flags {
    pub const FIN: Flags = Flags(0x01);
    pub const SYN: Flags = Flags(0x02);
    pub const RST: Flags = Flags(0x04);
    pub const PSH: Flags = Flags(0x08);
    pub const ACK: Flags = Flags(0x10);
    pub const NONE: Flags = Flags(0);
    pub const SYN_ACK: Flags = Flags(0x12);
    pub const FIN_ACK: Flags = Flags(0x11);
    pub const PSH_ACK: Flags = Flags(0x18);
    pub const RST_ACK: Flags = Flags(0x14);

    /// True when every bit of `other` is set here.
    pub const fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    pub const fn with(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// The bits as Wireshark lists them: "SYN, ACK", "FIN, ACK", "PSH, ACK".
    pub fn names(self) -> String {
        let mut out = String::with_capacity(16);
        for (bit, name) in [
            (Flags::FIN, "FIN"),
            (Flags::SYN, "SYN"),
            (Flags::RST, "RST"),
            (Flags::PSH, "PSH"),
            (Flags::ACK, "ACK"),
        ] {
            if self.has(bit) {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(name);
            }
        }
        out
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.names())
    }
}

/// A segment's header fields that matter here, plus its payload length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub flags: Flags,
    pub seq: u32,
    /// Meaningful only when `flags` has ACK (zero otherwise, as on the wire).
    pub ack: u32,
    /// Payload bytes.
    pub len: u32,
}

impl Segment {
    /// Sequence space the segment occupies: data bytes, plus one each for
    /// SYN and FIN (RFC 9293 §3.4).
    pub const fn seg_len(&self) -> u32 {
        self.len + self.flags.has(Flags::SYN) as u32 + self.flags.has(Flags::FIN) as u32
    }

    /// The sequence number just after this segment: what the receiver's ACK
    /// will carry once it has taken it.
    pub const fn end(&self) -> u32 {
        self.seq.wrapping_add(self.seg_len())
    }

    /// True for a segment that only acknowledges (no SYN, FIN, RST or data),
    /// the kind TCP never retransmits.
    pub const fn is_pure_ack(&self) -> bool {
        self.seg_len() == 0 && !self.flags.has(Flags::RST)
    }
}

/// Identifies a segment within one trace: the order in which it was sent,
/// counting from 0. Stable under replay up to the first change, which is what
/// lets the sandbox address "the segment the user clicked".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SegId(pub u16);

/// `a < b` in sequence space (RFC 9293 §3.4: arithmetic modulo 2^32).
pub const fn seq_lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// `a <= b` in sequence space.
pub const fn seq_le(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) <= 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syn_and_fin_take_one_sequence_number_each() {
        let syn = Segment {
            flags: Flags::SYN,
            seq: u32::MAX,
            ack: 0,
            len: 0,
        };
        assert_eq!(syn.end(), 0, "wraps around 2^32");
        let fin_data = Segment {
            flags: Flags::FIN_ACK.with(Flags::PSH),
            seq: 10,
            ack: 1,
            len: 5,
        };
        assert_eq!(fin_data.seg_len(), 6);
        assert!(!fin_data.is_pure_ack());
        let ack = Segment {
            flags: Flags::ACK,
            seq: 10,
            ack: 1,
            len: 0,
        };
        assert!(ack.is_pure_ack());
        let rst = Segment {
            flags: Flags::RST,
            seq: 10,
            ack: 0,
            len: 0,
        };
        assert!(!rst.is_pure_ack());
    }

    #[test]
    fn sequence_comparison_is_modular() {
        assert!(seq_lt(u32::MAX - 5, 3));
        assert!(!seq_lt(3, u32::MAX - 5));
        assert!(seq_le(7, 7));
        assert!(!seq_lt(7, 7));
    }

    #[test]
    fn flag_names_follow_wireshark_order() {
        assert_eq!(Flags::SYN_ACK.names(), "SYN, ACK");
        assert_eq!(Flags::FIN_ACK.names(), "FIN, ACK");
        assert_eq!(Flags::PSH_ACK.names(), "PSH, ACK");
        assert_eq!(Flags::RST.names(), "RST");
        assert!(!Flags::ACK.has(Flags::NONE), "the empty set is never 'had'");
    }

    #[test]
    fn the_state_diagram_edges() {
        use State::*;
        assert!(transition_allowed(SynSent, Established));
        assert!(transition_allowed(FinWait1, Closing));
        assert!(transition_allowed(LastAck, Closed));
        assert!(!transition_allowed(Established, TimeWait));
        assert!(!transition_allowed(CloseWait, FinWait2));
        assert!(!transition_allowed(Listen, Established));
        assert!(!transition_allowed(TimeWait, TimeWait));
    }
}
