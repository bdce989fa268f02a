//! The scenarios: what each application does and when, and what the network
//! does to which segment. Titles and captions live in `i18n::tcp`.
//!
//! Calls are scripted against the model's own progress ("300 ms after the
//! client is ESTABLISHED") rather than against the clock alone, so that when
//! the sandbox drops a segment and everything shifts, the applications still
//! behave like programs reacting to their sockets.

use super::model::{Flags, Side, State};
use super::trace::{Call, Ms};

/// The clocks of a scenario.
///
/// Scaled down so a whole diagram fits a screen: real stacks use an initial
/// RTO of 1 s (RFC 6298) and an MSL of 30–120 s. What matters for the
/// lessons is the order: one-way transit < round trip < RTO < 2×MSL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// One-way network delay.
    pub transit_ms: Ms,
    /// Initial retransmission timeout.
    pub rto_ms: Ms,
    /// Retransmissions before giving up (the first send does not count).
    pub max_retries: u8,
    /// Maximum segment lifetime; TIME-WAIT lasts twice this.
    pub msl_ms: Ms,
    /// How long a receiver may hold back an ACK hoping to piggyback it on
    /// data or a FIN; 0 acknowledges at once (Linux's minimum is 40 ms).
    pub delayed_ack_ms: Ms,
}

impl Timing {
    pub const DEFAULT: Timing = Timing {
        transit_ms: 100,
        rto_ms: 600,
        max_retries: 3,
        msl_ms: 1000,
        delayed_ack_ms: 0,
    };

    /// The default clocks with delayed ACKs on.
    pub const DELAYED_ACK: Timing = Timing {
        delayed_ack_ms: 40,
        ..Timing::DEFAULT
    };

    /// How long TIME-WAIT lasts.
    pub const fn two_msl(&self) -> Ms {
        2 * self.msl_ms
    }

    /// The shortest gap between two answers to duplicate SYNs in
    /// SYN-RECEIVED (Linux rate-limits these out-of-window answers, by
    /// default to one per 500 ms against an RTO of 1 s).
    pub const fn answer_limit_ms(&self) -> Ms {
        self.rto_ms / 2
    }
}

/// When a scripted call happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// At this simulated time.
    At(Ms),
    /// This long after the side first enters the state (a program reacting
    /// to `connect` returning, or to `read` returning 0 at end of stream).
    InState(State, Ms),
    /// This long after the side has received at least this many data bytes.
    Received(u32, Ms),
}

/// One call an application makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScriptedCall {
    pub side: Side,
    pub when: When,
    pub call: Call,
}

/// Picks a segment by what it is rather than by number: "the first SYN-ACK
/// from the server" is `Match { from: Server, flags: SYN_ACK, nth: 1 }`.
/// Flags must match exactly; retransmissions count; old duplicates do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub from: Side,
    pub flags: Flags,
    /// 1 for the first matching segment.
    pub nth: u16,
}

/// What the network does beyond delivering every segment after `transit_ms`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Lose the matching segment.
    Drop(Match),
    /// Deliver the matching segment this much later than usual.
    Delay(Match, Ms),
    /// At `at`, a SYN the client sent `age_ms` earlier for a previous
    /// connection between the same ports turns up on its way to the server.
    OldSyn { at: Ms, age_ms: Ms },
}

/// The scenarios, in the order the picker lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenarioId {
    Handshake,
    Teardown,
    ServerClose,
    SynLost,
    SynAckLost,
    AckLost,
    FinLost,
    LastAckLost,
    SimultaneousClose,
    OldSyn,
    Transfer,
    Refused,
    ThreeSegmentClose,
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 13] = [
        ScenarioId::Handshake,
        ScenarioId::Teardown,
        ScenarioId::ServerClose,
        ScenarioId::SynLost,
        ScenarioId::SynAckLost,
        ScenarioId::AckLost,
        ScenarioId::FinLost,
        ScenarioId::LastAckLost,
        ScenarioId::SimultaneousClose,
        ScenarioId::OldSyn,
        ScenarioId::Transfer,
        ScenarioId::Refused,
        ScenarioId::ThreeSegmentClose,
    ];

    /// The public URL segment: `#/tcp/<slug>`. Keep these stable.
    pub const fn slug(self) -> &'static str {
        match self {
            ScenarioId::Handshake => "handshake",
            ScenarioId::Teardown => "teardown",
            ScenarioId::ServerClose => "server-close",
            ScenarioId::SynLost => "syn-lost",
            ScenarioId::SynAckLost => "synack-lost",
            ScenarioId::AckLost => "ack-lost",
            ScenarioId::FinLost => "fin-lost",
            ScenarioId::LastAckLost => "last-ack-lost",
            ScenarioId::SimultaneousClose => "simultaneous-close",
            ScenarioId::OldSyn => "old-syn",
            ScenarioId::Transfer => "transfer",
            ScenarioId::Refused => "refused",
            ScenarioId::ThreeSegmentClose => "three-segment-close",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|id| id.slug() == slug)
    }

    /// The scenario's script.
    pub fn scenario(self) -> &'static Scenario {
        &SCENARIOS[self as usize]
    }
}

/// Ids of the note questions a scenario answers (the notes define them).
pub mod note {
    use crate::notes::data::{find, QuestionLink};

    pub const HANDSHAKE: QuestionLink = find("tcp-handshake");
    pub const TEARDOWN: QuestionLink = find("tcp-teardown");
    pub const TIME_WAIT: QuestionLink = find("time-wait");
    pub const WHY_THREE: QuestionLink = find("why-three-handshake");
    pub const WHY_FOUR: QuestionLink = find("why-four-teardown");
    pub const ADDRESS_IN_USE: QuestionLink = find("address-in-use");
}

/// A scripted run: the calls both applications make, the network's faults,
/// the clocks, and the note questions it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub id: ScenarioId,
    pub calls: &'static [ScriptedCall],
    pub faults: &'static [Fault],
    pub timing: Timing,
    pub notes: &'static [crate::notes::data::QuestionLink],
}

const fn call(side: Side, when: When, call: Call) -> ScriptedCall {
    ScriptedCall { side, when, call }
}

const fn nth(from: Side, flags: Flags, nth: u16) -> Match {
    Match { from, flags, nth }
}

use Side::{Client, Server};

const LISTEN: ScriptedCall = call(Server, When::At(0), Call::Listen);
const CONNECT: ScriptedCall = call(Client, When::At(0), Call::Connect);
/// The client closes 300 ms after its handshake completes.
const CLIENT_CLOSES: ScriptedCall =
    call(Client, When::InState(State::Established, 300), Call::Close);
/// The server closes 200 ms after reading end-of-stream.
const SERVER_CLOSES_ON_EOF: ScriptedCall =
    call(Server, When::InState(State::CloseWait, 200), Call::Close);

const HANDSHAKE_CALLS: &[ScriptedCall] = &[LISTEN, CONNECT];
const TEARDOWN_CALLS: &[ScriptedCall] = &[LISTEN, CONNECT, CLIENT_CLOSES, SERVER_CLOSES_ON_EOF];

static SCENARIOS: [Scenario; 13] = [
    Scenario {
        id: ScenarioId::Handshake,
        calls: HANDSHAKE_CALLS,
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::HANDSHAKE, note::WHY_THREE],
    },
    Scenario {
        id: ScenarioId::Teardown,
        calls: TEARDOWN_CALLS,
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::TEARDOWN, note::TIME_WAIT, note::WHY_FOUR],
    },
    Scenario {
        id: ScenarioId::ServerClose,
        calls: &[
            LISTEN,
            CONNECT,
            call(Server, When::InState(State::Established, 200), Call::Close),
            call(Client, When::InState(State::CloseWait, 200), Call::Close),
            // The server is restarted while its old connection still holds
            // the port, then once more after TIME-WAIT has ended.
            call(Server, When::InState(State::TimeWait, 500), Call::Listen),
            call(Server, When::InState(State::Closed, 100), Call::Listen),
        ],
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::ADDRESS_IN_USE, note::TIME_WAIT, note::TEARDOWN],
    },
    Scenario {
        id: ScenarioId::SynLost,
        calls: HANDSHAKE_CALLS,
        faults: &[Fault::Drop(nth(Client, Flags::SYN, 1))],
        timing: Timing::DEFAULT,
        notes: &[note::HANDSHAKE],
    },
    Scenario {
        id: ScenarioId::SynAckLost,
        calls: HANDSHAKE_CALLS,
        faults: &[Fault::Drop(nth(Server, Flags::SYN_ACK, 1))],
        timing: Timing::DEFAULT,
        notes: &[note::HANDSHAKE],
    },
    Scenario {
        id: ScenarioId::AckLost,
        calls: HANDSHAKE_CALLS,
        faults: &[Fault::Drop(nth(Client, Flags::ACK, 1))],
        timing: Timing::DEFAULT,
        notes: &[note::HANDSHAKE, note::WHY_THREE],
    },
    Scenario {
        id: ScenarioId::FinLost,
        calls: TEARDOWN_CALLS,
        faults: &[Fault::Drop(nth(Client, Flags::FIN_ACK, 1))],
        timing: Timing::DEFAULT,
        notes: &[note::TEARDOWN],
    },
    Scenario {
        id: ScenarioId::LastAckLost,
        calls: TEARDOWN_CALLS,
        // The client's pure ACKs: the handshake's third, then the last one.
        faults: &[Fault::Drop(nth(Client, Flags::ACK, 2))],
        timing: Timing::DEFAULT,
        notes: &[note::TIME_WAIT, note::TEARDOWN],
    },
    Scenario {
        id: ScenarioId::SimultaneousClose,
        calls: &[
            LISTEN,
            CONNECT,
            call(Client, When::At(500), Call::Close),
            call(Server, When::At(500), Call::Close),
        ],
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::TEARDOWN, note::TIME_WAIT],
    },
    Scenario {
        id: ScenarioId::OldSyn,
        calls: &[LISTEN, call(Client, When::At(10), Call::Connect)],
        // RFC 9293 Figure 8: the old SYN reaches the server before the new
        // one, which the network holds up a little.
        faults: &[
            Fault::OldSyn {
                at: 0,
                age_ms: 30_000,
            },
            Fault::Delay(nth(Client, Flags::SYN, 1), 200),
        ],
        timing: Timing::DEFAULT,
        notes: &[note::WHY_THREE, note::HANDSHAKE],
    },
    Scenario {
        id: ScenarioId::Transfer,
        calls: &[
            LISTEN,
            CONNECT,
            // A request, then the client half-closes (shutdown(SHUT_WR))...
            call(
                Client,
                When::InState(State::Established, 100),
                Call::Send(100),
            ),
            call(Client, When::InState(State::Established, 400), Call::Close),
            // ...and the server, in CLOSE-WAIT, still writes its response.
            call(
                Server,
                When::InState(State::CloseWait, 100),
                Call::Send(300),
            ),
            call(
                Server,
                When::InState(State::CloseWait, 100),
                Call::Send(200),
            ),
            call(Server, When::InState(State::CloseWait, 600), Call::Close),
        ],
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::WHY_FOUR, note::TEARDOWN],
    },
    Scenario {
        id: ScenarioId::Refused,
        // Nothing listens on the port.
        calls: &[CONNECT],
        faults: &[],
        timing: Timing::DEFAULT,
        notes: &[note::HANDSHAKE],
    },
    Scenario {
        id: ScenarioId::ThreeSegmentClose,
        calls: &[
            LISTEN,
            CONNECT,
            CLIENT_CLOSES,
            // The server closes as soon as it reads end-of-stream, well
            // within its delayed-ACK time, as a loopback capture shows.
            call(Server, When::InState(State::CloseWait, 10), Call::Close),
        ],
        faults: &[],
        timing: Timing::DELAYED_ACK,
        notes: &[note::WHY_FOUR, note::TEARDOWN, note::TIME_WAIT],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_ids_and_slugs_round_trip() {
        for id in ScenarioId::ALL {
            assert_eq!(id.scenario().id, id);
            assert_eq!(ScenarioId::from_slug(id.slug()), Some(id));
        }
        assert_eq!(ScenarioId::from_slug("nope"), None);
    }

    /// (A link to a question the notes lack fails the build.)
    #[test]
    fn every_scenario_links_to_the_notes() {
        for id in ScenarioId::ALL {
            assert!(
                !id.scenario().notes.is_empty(),
                "{id:?} links to no question"
            );
        }
        assert_eq!(note::HANDSHAKE.title, "TCP 的三次握手过程");
    }

    #[test]
    fn clocks_are_ordered_as_the_lessons_need() {
        for id in ScenarioId::ALL {
            let t = id.scenario().timing;
            assert!(
                2 * t.transit_ms < t.rto_ms,
                "{id:?}: a round trip fits in one RTO"
            );
            assert!(
                t.rto_ms < t.two_msl(),
                "{id:?}: a retransmitted FIN arrives within TIME-WAIT"
            );
            assert!(!id.scenario().notes.is_empty());
        }
    }
}
