//! Golden traces: every scenario's whole trace, written out by hand from
//! RFC 9293 and the scenario's clocks (transit 100 ms, RTO 600 ms doubling,
//! 2MSL 2000 ms), then compared with what the simulator records.
//!
//! Sequence numbers are shown relative to each side's base ISN, so the
//! goldens hold for any seed; `absolute_numbers_follow_the_seed` checks the
//! absolute values separately.

use super::model::{SegId, Side};
use super::scenario::ScenarioId;
use super::sim::simulate;
use super::trace::{Call, CallOutcome, Event, SendKind, SeqMode, TimerKind, Trace, Verdict};

/// One line per event, e.g. `100 S #1 SYN, ACK seq=0 ack=1 ->200`.
pub(crate) fn dump(trace: &Trace) -> String {
    let side = |s: Side| if s == Side::Client { "C" } else { "S" };
    let timer = |k: TimerKind| match k {
        TimerKind::Retransmit => "rto",
        TimerKind::TimeWait => "tw",
        TimerKind::DelayedAck => "delack",
    };
    let mut out = String::new();
    for e in &trace.events {
        let line = match e.event {
            Event::Call {
                side: s,
                call,
                outcome,
            } => {
                let call = match call {
                    Call::Listen => "listen".to_string(),
                    Call::Connect => "connect".to_string(),
                    Call::Send(n) => format!("send {n}"),
                    Call::Close => "close".to_string(),
                };
                let outcome = match outcome {
                    CallOutcome::Ok => "ok",
                    CallOutcome::AddressInUse => "address-in-use",
                    CallOutcome::AlreadyConnected => "already-connected",
                    CallOutcome::NotConnected => "not-connected",
                    CallOutcome::Closing => "closing",
                };
                format!("{} {call} {outcome}", side(s))
            }
            Event::StateChanged { side: s, from, to } => format!("{} {from}->{to}", side(s)),
            Event::SegmentSent {
                id,
                from,
                arrive_time,
                kind,
                ..
            } => {
                let kind = match kind {
                    SendKind::New => String::new(),
                    SendKind::Retransmit { of } => format!(" rtx#{}", of.0),
                    SendKind::OldDuplicate => " old".to_string(),
                };
                format!(
                    "{} #{} {} ->{arrive_time}{kind}",
                    side(from),
                    id.0,
                    trace.label(id, SeqMode::Relative)
                )
            }
            Event::SegmentDelivered { id, to, verdict } => {
                let v = match verdict {
                    Verdict::Accepted => "accepted",
                    Verdict::Duplicate => "duplicate",
                    Verdict::OutOfOrder => "out-of-order",
                    Verdict::Refused => "refused",
                    Verdict::Ignored => "ignored",
                };
                format!("#{} >{} {v}", id.0, side(to))
            }
            Event::SegmentLost { id } => format!("#{} lost", id.0),
            Event::TimerStarted {
                side: s,
                kind,
                fires_at,
            } => {
                format!("{} {} start ->{fires_at}", side(s), timer(kind))
            }
            Event::TimerFired { side: s, kind } => format!("{} {} fired", side(s), timer(kind)),
            Event::TimerCancelled { side: s, kind } => {
                format!("{} {} cancel", side(s), timer(kind))
            }
            Event::GaveUp { side: s } => format!("{} gave up", side(s)),
            Event::ConnectRefused { side: s } => format!("{} connect refused", side(s)),
        };
        out.push_str(&format!("{} {line}\n", e.at));
    }
    out
}

fn check(id: ScenarioId, expected: &str) {
    let expected: String = expected
        .lines()
        .map(|l| format!("{}\n", l.trim()))
        .filter(|l| l != "\n")
        .collect();
    for seed in [42, 7, u64::MAX] {
        let got = dump(&simulate(id.scenario(), seed));
        assert_eq!(got, expected, "{id:?} with seed {seed}:\n{got}");
    }
}

const HANDSHAKE: &str = "
    0 S listen ok
    0 S CLOSED->LISTEN
    0 C connect ok
    0 C CLOSED->SYN-SENT
    0 C #0 SYN seq=0 ->100
    0 C rto start ->600
    100 #0 >S accepted
    100 S LISTEN->SYN-RECEIVED
    100 S #1 SYN, ACK seq=0 ack=1 ->200
    100 S rto start ->700
    200 #1 >C accepted
    200 C rto cancel
    200 C SYN-SENT->ESTABLISHED
    200 C #2 ACK seq=1 ack=1 ->300
    300 #2 >S accepted
    300 S rto cancel
    300 S SYN-RECEIVED->ESTABLISHED
";

#[test]
fn handshake() {
    check(ScenarioId::Handshake, HANDSHAKE);
}

#[test]
fn teardown() {
    let tail = "
        500 C close ok
        500 C ESTABLISHED->FIN-WAIT-1
        500 C #3 FIN, ACK seq=1 ack=1 ->600
        500 C rto start ->1100
        600 #3 >S accepted
        600 S ESTABLISHED->CLOSE-WAIT
        600 S #4 ACK seq=1 ack=2 ->700
        700 #4 >C accepted
        700 C rto cancel
        700 C FIN-WAIT-1->FIN-WAIT-2
        800 S close ok
        800 S CLOSE-WAIT->LAST-ACK
        800 S #5 FIN, ACK seq=1 ack=2 ->900
        800 S rto start ->1400
        900 #5 >C accepted
        900 C FIN-WAIT-2->TIME-WAIT
        900 C tw start ->2900
        900 C #6 ACK seq=2 ack=2 ->1000
        1000 #6 >S accepted
        1000 S rto cancel
        1000 S LAST-ACK->CLOSED
        2900 C tw fired
        2900 C TIME-WAIT->CLOSED
    ";
    check(ScenarioId::Teardown, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn server_close() {
    let tail = "
        500 S close ok
        500 S ESTABLISHED->FIN-WAIT-1
        500 S #3 FIN, ACK seq=1 ack=1 ->600
        500 S rto start ->1100
        600 #3 >C accepted
        600 C ESTABLISHED->CLOSE-WAIT
        600 C #4 ACK seq=1 ack=2 ->700
        700 #4 >S accepted
        700 S rto cancel
        700 S FIN-WAIT-1->FIN-WAIT-2
        800 C close ok
        800 C CLOSE-WAIT->LAST-ACK
        800 C #5 FIN, ACK seq=1 ack=2 ->900
        800 C rto start ->1400
        900 #5 >S accepted
        900 S FIN-WAIT-2->TIME-WAIT
        900 S tw start ->2900
        900 S #6 ACK seq=2 ack=2 ->1000
        1000 #6 >C accepted
        1000 C rto cancel
        1000 C LAST-ACK->CLOSED
        1400 S listen address-in-use
        2900 S tw fired
        2900 S TIME-WAIT->CLOSED
        3000 S listen ok
        3000 S CLOSED->LISTEN
    ";
    check(ScenarioId::ServerClose, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn syn_lost() {
    check(
        ScenarioId::SynLost,
        "
        0 S listen ok
        0 S CLOSED->LISTEN
        0 C connect ok
        0 C CLOSED->SYN-SENT
        0 C #0 SYN seq=0 ->100
        0 C rto start ->600
        50 #0 lost
        600 C rto fired
        600 C #1 SYN seq=0 ->700 rtx#0
        600 C rto start ->1800
        700 #1 >S accepted
        700 S LISTEN->SYN-RECEIVED
        700 S #2 SYN, ACK seq=0 ack=1 ->800
        700 S rto start ->1300
        800 #2 >C accepted
        800 C rto cancel
        800 C SYN-SENT->ESTABLISHED
        800 C #3 ACK seq=1 ack=1 ->900
        900 #3 >S accepted
        900 S rto cancel
        900 S SYN-RECEIVED->ESTABLISHED
        ",
    );
}

#[test]
fn synack_lost() {
    // Both timers run out at 700 ms: the client's SYN, resent at 600, meets
    // the server's own resent SYN-ACK; having just sent one, the server
    // lets the duplicate SYN go unanswered.
    check(
        ScenarioId::SynAckLost,
        "
        0 S listen ok
        0 S CLOSED->LISTEN
        0 C connect ok
        0 C CLOSED->SYN-SENT
        0 C #0 SYN seq=0 ->100
        0 C rto start ->600
        100 #0 >S accepted
        100 S LISTEN->SYN-RECEIVED
        100 S #1 SYN, ACK seq=0 ack=1 ->200
        100 S rto start ->700
        150 #1 lost
        600 C rto fired
        600 C #2 SYN seq=0 ->700 rtx#0
        600 C rto start ->1800
        700 S rto fired
        700 S #3 SYN, ACK seq=0 ack=1 ->800 rtx#1
        700 S rto start ->1900
        700 #2 >S ignored
        800 #3 >C accepted
        800 C rto cancel
        800 C SYN-SENT->ESTABLISHED
        800 C #4 ACK seq=1 ack=1 ->900
        900 #4 >S accepted
        900 S rto cancel
        900 S SYN-RECEIVED->ESTABLISHED
        ",
    );
}

#[test]
fn ack_lost() {
    check(
        ScenarioId::AckLost,
        "
        0 S listen ok
        0 S CLOSED->LISTEN
        0 C connect ok
        0 C CLOSED->SYN-SENT
        0 C #0 SYN seq=0 ->100
        0 C rto start ->600
        100 #0 >S accepted
        100 S LISTEN->SYN-RECEIVED
        100 S #1 SYN, ACK seq=0 ack=1 ->200
        100 S rto start ->700
        200 #1 >C accepted
        200 C rto cancel
        200 C SYN-SENT->ESTABLISHED
        200 C #2 ACK seq=1 ack=1 ->300
        250 #2 lost
        700 S rto fired
        700 S #3 SYN, ACK seq=0 ack=1 ->800 rtx#1
        700 S rto start ->1900
        800 #3 >C duplicate
        800 C #4 ACK seq=1 ack=1 ->900
        900 #4 >S accepted
        900 S rto cancel
        900 S SYN-RECEIVED->ESTABLISHED
        ",
    );
}

#[test]
fn fin_lost() {
    let tail = "
        500 C close ok
        500 C ESTABLISHED->FIN-WAIT-1
        500 C #3 FIN, ACK seq=1 ack=1 ->600
        500 C rto start ->1100
        550 #3 lost
        1100 C rto fired
        1100 C #4 FIN, ACK seq=1 ack=1 ->1200 rtx#3
        1100 C rto start ->2300
        1200 #4 >S accepted
        1200 S ESTABLISHED->CLOSE-WAIT
        1200 S #5 ACK seq=1 ack=2 ->1300
        1300 #5 >C accepted
        1300 C rto cancel
        1300 C FIN-WAIT-1->FIN-WAIT-2
        1400 S close ok
        1400 S CLOSE-WAIT->LAST-ACK
        1400 S #6 FIN, ACK seq=1 ack=2 ->1500
        1400 S rto start ->2000
        1500 #6 >C accepted
        1500 C FIN-WAIT-2->TIME-WAIT
        1500 C tw start ->3500
        1500 C #7 ACK seq=2 ack=2 ->1600
        1600 #7 >S accepted
        1600 S rto cancel
        1600 S LAST-ACK->CLOSED
        3500 C tw fired
        3500 C TIME-WAIT->CLOSED
    ";
    check(ScenarioId::FinLost, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn last_ack_lost() {
    // The client's TIME-WAIT, started at 900, is restarted at 1500 by the
    // retransmitted FIN, so it ends 2MSL after that: at 3500, not 2900.
    let tail = "
        500 C close ok
        500 C ESTABLISHED->FIN-WAIT-1
        500 C #3 FIN, ACK seq=1 ack=1 ->600
        500 C rto start ->1100
        600 #3 >S accepted
        600 S ESTABLISHED->CLOSE-WAIT
        600 S #4 ACK seq=1 ack=2 ->700
        700 #4 >C accepted
        700 C rto cancel
        700 C FIN-WAIT-1->FIN-WAIT-2
        800 S close ok
        800 S CLOSE-WAIT->LAST-ACK
        800 S #5 FIN, ACK seq=1 ack=2 ->900
        800 S rto start ->1400
        900 #5 >C accepted
        900 C FIN-WAIT-2->TIME-WAIT
        900 C tw start ->2900
        900 C #6 ACK seq=2 ack=2 ->1000
        950 #6 lost
        1400 S rto fired
        1400 S #7 FIN, ACK seq=1 ack=2 ->1500 rtx#5
        1400 S rto start ->2600
        1500 #7 >C duplicate
        1500 C tw start ->3500
        1500 C #8 ACK seq=2 ack=2 ->1600
        1600 #8 >S accepted
        1600 S rto cancel
        1600 S LAST-ACK->CLOSED
        3500 C tw fired
        3500 C TIME-WAIT->CLOSED
    ";
    check(ScenarioId::LastAckLost, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn simultaneous_close() {
    let tail = "
        500 C close ok
        500 C ESTABLISHED->FIN-WAIT-1
        500 C #3 FIN, ACK seq=1 ack=1 ->600
        500 C rto start ->1100
        500 S close ok
        500 S ESTABLISHED->FIN-WAIT-1
        500 S #4 FIN, ACK seq=1 ack=1 ->600
        500 S rto start ->1100
        600 #3 >S accepted
        600 S FIN-WAIT-1->CLOSING
        600 S #5 ACK seq=2 ack=2 ->700
        600 #4 >C accepted
        600 C FIN-WAIT-1->CLOSING
        600 C #6 ACK seq=2 ack=2 ->700
        700 #5 >C accepted
        700 C rto cancel
        700 C CLOSING->TIME-WAIT
        700 C tw start ->2700
        700 #6 >S accepted
        700 S rto cancel
        700 S CLOSING->TIME-WAIT
        700 S tw start ->2700
        2700 C tw fired
        2700 C TIME-WAIT->CLOSED
        2700 S tw fired
        2700 S TIME-WAIT->CLOSED
    ";
    check(ScenarioId::SimultaneousClose, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn old_syn() {
    // ISNs follow RFC 9293's 4 µs clock: the old SYN left 30 s before the
    // client's connect at 10 ms, so it lies 30 010 ms × 250 = 7 502 500
    // below; the server's first ISN (at 100 ms) lies 210 ms × 250 = 52 500
    // below its second (at 310 ms), which is the zero of its numbering.
    check(
        ScenarioId::OldSyn,
        "
        0 S listen ok
        0 S CLOSED->LISTEN
        0 C #0 SYN seq=-7502500 ->100 old
        10 C connect ok
        10 C CLOSED->SYN-SENT
        10 C #1 SYN seq=0 ->310
        10 C rto start ->610
        100 #0 >S accepted
        100 S LISTEN->SYN-RECEIVED
        100 S #2 SYN, ACK seq=-52500 ack=-7502499 ->200
        100 S rto start ->700
        200 #2 >C refused
        200 C #3 RST seq=-7502499 ->300
        300 #3 >S accepted
        300 S rto cancel
        300 S SYN-RECEIVED->LISTEN
        310 #1 >S accepted
        310 S LISTEN->SYN-RECEIVED
        310 S #4 SYN, ACK seq=0 ack=1 ->410
        310 S rto start ->910
        410 #4 >C accepted
        410 C rto cancel
        410 C SYN-SENT->ESTABLISHED
        410 C #5 ACK seq=1 ack=1 ->510
        510 #5 >S accepted
        510 S rto cancel
        510 S SYN-RECEIVED->ESTABLISHED
        ",
    );
}

#[test]
fn transfer() {
    check(
        ScenarioId::Transfer,
        "
        0 S listen ok
        0 S CLOSED->LISTEN
        0 C connect ok
        0 C CLOSED->SYN-SENT
        0 C #0 SYN seq=0 ->100
        0 C rto start ->600
        100 #0 >S accepted
        100 S LISTEN->SYN-RECEIVED
        100 S #1 SYN, ACK seq=0 ack=1 ->200
        100 S rto start ->700
        200 #1 >C accepted
        200 C rto cancel
        200 C SYN-SENT->ESTABLISHED
        200 C #2 ACK seq=1 ack=1 ->300
        300 C send 100 ok
        300 C #3 PSH, ACK seq=1 ack=1 len=100 ->400
        300 C rto start ->900
        300 #2 >S accepted
        300 S rto cancel
        300 S SYN-RECEIVED->ESTABLISHED
        400 #3 >S accepted
        400 S #4 ACK seq=1 ack=101 ->500
        500 #4 >C accepted
        500 C rto cancel
        600 C close ok
        600 C ESTABLISHED->FIN-WAIT-1
        600 C #5 FIN, ACK seq=101 ack=1 ->700
        600 C rto start ->1200
        700 #5 >S accepted
        700 S ESTABLISHED->CLOSE-WAIT
        700 S #6 ACK seq=1 ack=102 ->800
        800 S send 300 ok
        800 S #7 PSH, ACK seq=1 ack=102 len=300 ->900
        800 S rto start ->1400
        800 S send 200 ok
        800 #6 >C accepted
        800 C rto cancel
        800 C FIN-WAIT-1->FIN-WAIT-2
        900 #7 >C accepted
        900 C #8 ACK seq=102 ack=301 ->1000
        1000 #8 >S accepted
        1000 S rto cancel
        1000 S #9 PSH, ACK seq=301 ack=102 len=200 ->1100
        1000 S rto start ->1600
        1100 #9 >C accepted
        1100 C #10 ACK seq=102 ack=501 ->1200
        1200 #10 >S accepted
        1200 S rto cancel
        1300 S close ok
        1300 S CLOSE-WAIT->LAST-ACK
        1300 S #11 FIN, ACK seq=501 ack=102 ->1400
        1300 S rto start ->1900
        1400 #11 >C accepted
        1400 C FIN-WAIT-2->TIME-WAIT
        1400 C tw start ->3400
        1400 C #12 ACK seq=102 ack=502 ->1500
        1500 #12 >S accepted
        1500 S rto cancel
        1500 S LAST-ACK->CLOSED
        3400 C tw fired
        3400 C TIME-WAIT->CLOSED
        ",
    );
}

/// RFC 9293 §3.10.7.1: a SYN to a port in CLOSED is answered with
/// `<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>` (the SYN counts one);
/// §3.10.7.3: in SYN-SENT an acceptable RST closes the connection and the
/// user is told ("connection reset"; sockets report ECONNREFUSED).
#[test]
fn refused() {
    check(
        ScenarioId::Refused,
        "
        0 C connect ok
        0 C CLOSED->SYN-SENT
        0 C #0 SYN seq=0 ->100
        0 C rto start ->600
        100 #0 >S refused
        100 S #1 RST, ACK seq=0 ack=1 ->200
        200 #1 >C accepted
        200 C rto cancel
        200 C SYN-SENT->CLOSED
        200 C connect refused
    ",
    );
}

/// RFC 9293 §3.8.6.3 allows delaying an ACK (less than 0.5 s); the server
/// closes 10 ms after reading the FIN, inside its 40 ms delay, so the ACK
/// of the client's FIN rides on the server's FIN (§3.10.7.4: the FIN,ACK
/// acknowledges the client's FIN and moves it on to FIN-WAIT-2, and its
/// own FIN to TIME-WAIT, in one segment).
#[test]
fn three_segment_close() {
    let tail = "
        500 C close ok
        500 C ESTABLISHED->FIN-WAIT-1
        500 C #3 FIN, ACK seq=1 ack=1 ->600
        500 C rto start ->1100
        600 #3 >S accepted
        600 S ESTABLISHED->CLOSE-WAIT
        600 S delack start ->640
        610 S close ok
        610 S CLOSE-WAIT->LAST-ACK
        610 S #4 FIN, ACK seq=1 ack=2 ->710
        610 S delack cancel
        610 S rto start ->1210
        710 #4 >C accepted
        710 C rto cancel
        710 C FIN-WAIT-1->FIN-WAIT-2
        710 C FIN-WAIT-2->TIME-WAIT
        710 C tw start ->2710
        710 C #5 ACK seq=2 ack=2 ->810
        810 #5 >S accepted
        810 S rto cancel
        810 S LAST-ACK->CLOSED
        2710 C tw fired
        2710 C TIME-WAIT->CLOSED
    ";
    check(ScenarioId::ThreeSegmentClose, &format!("{HANDSHAKE}{tail}"));
}

#[test]
fn absolute_numbers_follow_the_seed() {
    // The handshake's segments carry the ISNs the seed gives, wrapping
    // modulo 2^32; relative numbering subtracts exactly these.
    for seed in [0u64, 42, 1 << 40] {
        let t = simulate(ScenarioId::Handshake.scenario(), seed);
        let c = super::sim::isn(seed, Side::Client, 0);
        let s = super::sim::isn(seed, Side::Server, 100);
        assert_eq!(t.base, [c, s]);
        let seg = |i: u16| t.segment(SegId(i)).map(|s| s.seg).expect("segment sent");
        assert_eq!((seg(0).seq, seg(0).ack), (c, 0));
        assert_eq!((seg(1).seq, seg(1).ack), (s, c.wrapping_add(1)));
        assert_eq!(
            (seg(2).seq, seg(2).ack),
            (c.wrapping_add(1), s.wrapping_add(1))
        );
        assert_eq!(
            s.wrapping_sub(super::sim::isn(seed, Side::Server, 0)),
            25_000,
            "4 µs clock"
        );
        assert_eq!(
            t.label(SegId(1), SeqMode::Absolute),
            format!("SYN, ACK seq={s} ack={}", c.wrapping_add(1))
        );
    }
    let a = simulate(ScenarioId::Handshake.scenario(), 1).base;
    let b = simulate(ScenarioId::Handshake.scenario(), 2).base;
    assert_ne!(a, b, "different seeds, different ISNs");
}
