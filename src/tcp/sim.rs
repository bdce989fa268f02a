//! The simulator: two endpoints following RFC 9293's event processing
//! (§3.10), a network with a fixed transit time, and a clock that jumps from
//! one pending happening to the next.
//!
//! Simplifications, each chosen so the diagram stays readable without
//! teaching anything false:
//! - each endpoint keeps at most one segment in flight (a window of one
//!   segment); queued data and FIN wait for the previous segment's ACK;
//! - no reassembly queue: data and FIN are taken only in order; a segment
//!   ahead of the expected one is answered with an ACK and dropped;
//! - no RTT estimation: the RTO starts at the scenario's value, doubles on
//!   each retransmission (RFC 6298 §5.5) and returns to it once new data is
//!   acknowledged;
//! - ACKs are sent at once unless the scenario's timing asks for delayed
//!   ACKs; then an ACK for data or a FIN waits up to `delayed_ack_ms` and
//!   rides on the next segment the side sends (which is how a server that
//!   closes at once turns the four-way teardown into three segments).
//!
//! Two places follow Linux rather than the letter of RFC 9293, because that
//! is what people see in captures:
//! - a duplicate SYN in SYN-RECEIVED is answered by resending the SYN-ACK
//!   (rate-limited), not by a bare ACK;
//! - in TIME-WAIT a retransmitted FIN is acknowledged and restarts 2MSL,
//!   as RFC 9293's TIME-WAIT text says, although its step one would already
//!   have dropped the segment as old.
//!
//! Happenings at the same millisecond are processed in the order they were
//! scheduled, which keeps every run deterministic.

use super::model::{seq_le, seq_lt, Flags, SegId, Segment, Side, State};
use super::scenario::{Fault, Scenario, When};
use super::trace::{
    Call, CallOutcome, Event, Ms, SendKind, SentSegment, TimedEvent, TimerKind, Trace, Verdict,
};

/// Receive window: large enough never to matter here.
const RCV_WND: u32 = 65_535;
/// Largest payload in one segment.
const MSS: u32 = 1460;
/// A run that goes on this long has a bug; stop rather than hang the page.
const MAX_EVENTS: usize = 4096;

/// Runs a scenario. The seed picks the initial sequence numbers.
pub fn simulate(scenario: &Scenario, seed: u64) -> Trace {
    simulate_with_drops(scenario, seed, &[])
}

/// Runs a scenario with the sandbox's changes: each id in `toggled` flips
/// the fate of the segment with that id, so a delivered segment is lost and
/// a segment the scenario loses is delivered. Ids count segments in the
/// order they are sent, so a flip changes nothing before that segment; the
/// rest of the run is simulated again from there.
pub fn simulate_with_drops(scenario: &Scenario, seed: u64, toggled: &[SegId]) -> Trace {
    let mut sim = Sim::new(scenario, seed, toggled);
    sim.run();
    sim.trace
}

/// RFC 9293 §3.4.1: ISN = M + F(connection id, secret), M a clock ticking
/// every 4 µs. The seed stands in for F's secret; the clock makes a later
/// connection (or an earlier one, for an old duplicate) start elsewhere.
pub(crate) fn isn(seed: u64, side: Side, at_ms: i64) -> u32 {
    let f = crate::rng::mix(crate::rng::mix(seed) ^ (side.index() as u64 + 1)) as u32;
    // Truncating an i64 to u32 is reduction modulo 2^32, as sequence
    // numbers need, also for negative times.
    f.wrapping_add((at_ms * 250) as u32)
}

#[derive(Clone, Copy, Default)]
struct TimerSlot {
    /// Bumped on every start and cancel, so a stale queue entry is ignored.
    generation: u32,
    running: bool,
}

/// The one segment in flight, kept for retransmission.
#[derive(Clone, Copy)]
struct Outstanding {
    seg: Segment,
    first: SegId,
}

/// A transmission control block, reduced to what the model uses.
struct Endpoint {
    state: State,
    /// Opened from LISTEN: a reset in SYN-RECEIVED returns there.
    passive: bool,
    iss: u32,
    snd_una: u32,
    snd_nxt: u32,
    rcv_nxt: u32,
    /// Bytes the application has handed over and that are not yet sent.
    unsent: u32,
    /// CLOSE was called; the FIN goes out once the data before it has.
    fin_queued: bool,
    /// CLOSE called in SYN-RECEIVED, to be acted on in ESTABLISHED.
    close_pending: bool,
    /// Sequence number of our FIN once sent.
    fin_seq: Option<u32>,
    outstanding: Option<Outstanding>,
    rto: Ms,
    retries: u8,
    rtx: TimerSlot,
    time_wait: TimerSlot,
    delayed_ack: TimerSlot,
    received: u32,
    /// When a SYN-ACK last left, to rate-limit answers to duplicate SYNs.
    last_syn_ack: Option<Ms>,
    /// Bit `s` set once the endpoint has entered state `s`.
    entered: u16,
}

impl Endpoint {
    fn new(rto: Ms) -> Self {
        Endpoint {
            state: State::Closed,
            passive: false,
            iss: 0,
            snd_una: 0,
            snd_nxt: 0,
            rcv_nxt: 0,
            unsent: 0,
            fin_queued: false,
            close_pending: false,
            fin_seq: None,
            outstanding: None,
            rto,
            retries: 0,
            rtx: TimerSlot::default(),
            time_wait: TimerSlot::default(),
            delayed_ack: TimerSlot::default(),
            received: 0,
            last_syn_ack: None,
            entered: 0,
        }
    }

    fn timer(&mut self, kind: TimerKind) -> &mut TimerSlot {
        match kind {
            TimerKind::Retransmit => &mut self.rtx,
            TimerKind::TimeWait => &mut self.time_wait,
            TimerKind::DelayedAck => &mut self.delayed_ack,
        }
    }
}

#[derive(Clone, Copy)]
enum Happening {
    Call(usize),
    Arrive(SegId),
    Lose(SegId),
    Timer(Side, TimerKind, u32),
    OldSyn(usize),
}

#[derive(Clone, Copy)]
struct Pending {
    at: Ms,
    order: u32,
    what: Happening,
}

struct Sim<'a> {
    scenario: &'a Scenario,
    seed: u64,
    toggled: &'a [SegId],
    now: Ms,
    ep: [Endpoint; 2],
    trace: Trace,
    queue: Vec<Pending>,
    order: u32,
    /// Matching segments seen so far, per fault.
    fault_hits: Vec<u16>,
    /// Bit `i` set once call `i` is scheduled: every call runs at most once.
    calls_scheduled: u64,
}

impl<'a> Sim<'a> {
    fn new(scenario: &'a Scenario, seed: u64, toggled: &'a [SegId]) -> Self {
        let rto = scenario.timing.rto_ms;
        let mut sim = Sim {
            scenario,
            seed,
            toggled,
            now: 0,
            ep: [Endpoint::new(rto), Endpoint::new(rto)],
            trace: Trace {
                events: Vec::with_capacity(96),
                segments: Vec::with_capacity(24),
                base: [0; 2],
            },
            queue: Vec::with_capacity(16),
            order: 0,
            fault_hits: vec![0; scenario.faults.len()],
            calls_scheduled: 0,
        };
        for (i, c) in scenario.calls.iter().enumerate() {
            if let When::At(at) = c.when {
                sim.schedule_call(i, at);
            }
        }
        for (i, f) in scenario.faults.iter().enumerate() {
            if let Fault::OldSyn { at, .. } = *f {
                sim.push(at, Happening::OldSyn(i));
            }
        }
        sim
    }

    fn run(&mut self) {
        while let Some(p) = self.pop() {
            if self.trace.events.len() >= MAX_EVENTS {
                break;
            }
            self.now = p.at;
            match p.what {
                Happening::Call(i) => self.on_call(i),
                Happening::Arrive(id) => self.on_arrive(id),
                Happening::Lose(id) => self.emit(Event::SegmentLost { id }),
                Happening::Timer(side, kind, generation) => self.on_timer(side, kind, generation),
                Happening::OldSyn(i) => self.on_old_syn(i),
            }
        }
    }

    // ---- the queue -------------------------------------------------------

    fn push(&mut self, at: Ms, what: Happening) {
        self.queue.push(Pending {
            at,
            order: self.order,
            what,
        });
        self.order += 1;
    }

    /// The earliest happening; ties go to the one scheduled first. The queue
    /// holds a handful of entries, so a scan beats a heap.
    fn pop(&mut self) -> Option<Pending> {
        let i = (0..self.queue.len()).min_by_key(|&i| (self.queue[i].at, self.queue[i].order))?;
        Some(self.queue.swap_remove(i))
    }

    fn schedule_call(&mut self, i: usize, at: Ms) {
        if i < 64 && self.calls_scheduled & (1 << i) == 0 {
            self.calls_scheduled |= 1 << i;
            self.push(at, Happening::Call(i));
        }
    }

    // ---- recording -------------------------------------------------------

    fn emit(&mut self, event: Event) {
        self.trace.events.push(TimedEvent {
            at: self.now,
            event,
        });
    }

    fn set_state(&mut self, side: Side, to: State) {
        let from = self.ep[side.index()].state;
        if from == to {
            return;
        }
        self.ep[side.index()].state = to;
        self.emit(Event::StateChanged { side, from, to });
        let bit = 1u16 << (to as u16);
        let ep = &mut self.ep[side.index()];
        if ep.entered & bit == 0 {
            ep.entered |= bit;
            self.trigger(side, |w| matches!(w, When::InState(s, _) if s == to));
        }
    }

    /// Schedules the calls of `side` whose condition has just become true.
    fn trigger(&mut self, side: Side, fires: impl Fn(When) -> bool) {
        for (i, c) in self.scenario.calls.iter().enumerate() {
            if c.side == side && fires(c.when) {
                let delay = match c.when {
                    When::At(_) => continue,
                    When::InState(_, d) | When::Received(_, d) => d,
                };
                self.schedule_call(i, self.now + delay);
            }
        }
    }

    fn start_timer(&mut self, side: Side, kind: TimerKind, after: Ms) {
        let slot = self.ep[side.index()].timer(kind);
        slot.generation += 1;
        slot.running = true;
        let generation = slot.generation;
        let fires_at = self.now.saturating_add(after);
        self.push(fires_at, Happening::Timer(side, kind, generation));
        self.emit(Event::TimerStarted {
            side,
            kind,
            fires_at,
        });
    }

    fn cancel_timer(&mut self, side: Side, kind: TimerKind) {
        let slot = self.ep[side.index()].timer(kind);
        if slot.running {
            slot.running = false;
            slot.generation += 1;
            self.emit(Event::TimerCancelled { side, kind });
        }
    }

    // ---- the network -----------------------------------------------------

    /// Puts a segment on the wire and decides its fate.
    fn send(&mut self, from: Side, seg: Segment, kind: SendKind) -> SegId {
        let id = SegId(self.trace.segments.len() as u16);
        let mut lost = false;
        let mut delay = 0;
        if kind != SendKind::OldDuplicate {
            for (i, fault) in self.scenario.faults.iter().enumerate() {
                let (m, extra) = match *fault {
                    Fault::Drop(m) => (m, None),
                    Fault::Delay(m, d) => (m, Some(d)),
                    Fault::OldSyn { .. } => continue,
                };
                if m.from == from && m.flags == seg.flags {
                    self.fault_hits[i] += 1;
                    if self.fault_hits[i] == m.nth {
                        match extra {
                            None => lost = true,
                            Some(d) => delay += d,
                        }
                    }
                }
            }
        }
        lost ^= self.toggled.contains(&id);
        let send_time = self.now;
        let arrive_time = send_time + self.scenario.timing.transit_ms + delay;
        self.trace.segments.push(SentSegment {
            from,
            seg,
            send_time,
            arrive_time,
            kind,
            lost,
        });
        self.emit(Event::SegmentSent {
            id,
            from,
            seg,
            send_time,
            arrive_time,
            kind,
        });
        if seg.flags.has(Flags::ACK) {
            // Any segment with the ACK bit carries the acknowledgment that
            // was being held back.
            self.cancel_timer(from, TimerKind::DelayedAck);
        }
        if lost {
            self.push(
                send_time + (arrive_time - send_time) / 2,
                Happening::Lose(id),
            );
        } else {
            self.push(arrive_time, Happening::Arrive(id));
        }
        if seg.flags == Flags::SYN_ACK {
            self.ep[from.index()].last_syn_ack = Some(send_time);
        }
        id
    }

    /// Sends a segment that occupies sequence space and keeps it for
    /// retransmission.
    fn send_reliably(&mut self, side: Side, seg: Segment) {
        let first = self.send(side, seg, SendKind::New);
        self.ep[side.index()].outstanding = Some(Outstanding { seg, first });
        let rto = self.ep[side.index()].rto;
        self.start_timer(side, TimerKind::Retransmit, rto);
    }

    /// `<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>`
    fn send_ack(&mut self, side: Side) {
        let ep = &self.ep[side.index()];
        let seg = Segment {
            flags: Flags::ACK,
            seq: ep.snd_nxt,
            ack: ep.rcv_nxt,
            len: 0,
        };
        self.send(side, seg, SendKind::New);
    }

    /// `<SEQ=SEG.ACK><CTL=RST>`
    fn send_rst(&mut self, side: Side, to_ack: u32) {
        let seg = Segment {
            flags: Flags::RST,
            seq: to_ack,
            ack: 0,
            len: 0,
        };
        self.send(side, seg, SendKind::New);
    }

    /// Sends the next queued data or FIN if the window (one segment) is
    /// free. Returns whether a segment left.
    fn try_send(&mut self, side: Side) -> bool {
        let ep = &self.ep[side.index()];
        if ep.outstanding.is_some() {
            return false;
        }
        let (seq, ack) = (ep.snd_nxt, ep.rcv_nxt);
        let may_send_data = matches!(
            ep.state,
            State::Established | State::CloseWait | State::FinWait1
        );
        if ep.unsent > 0 && may_send_data {
            let len = ep.unsent.min(MSS);
            let ep = &mut self.ep[side.index()];
            ep.unsent -= len;
            ep.snd_nxt = seq.wrapping_add(len);
            self.send_reliably(
                side,
                Segment {
                    flags: Flags::PSH_ACK,
                    seq,
                    ack,
                    len,
                },
            );
            return true;
        }
        if ep.fin_queued && ep.unsent == 0 && matches!(ep.state, State::FinWait1 | State::CloseWait)
        {
            let ep = &mut self.ep[side.index()];
            ep.fin_queued = false;
            ep.fin_seq = Some(seq);
            ep.snd_nxt = seq.wrapping_add(1);
            if ep.state == State::CloseWait {
                self.set_state(side, State::LastAck);
            }
            self.send_reliably(
                side,
                Segment {
                    flags: Flags::FIN_ACK,
                    seq,
                    ack,
                    len: 0,
                },
            );
            return true;
        }
        false
    }

    /// Drops the connection: timers off, nothing left to send.
    fn abort(&mut self, side: Side, to: State) {
        self.cancel_timer(side, TimerKind::Retransmit);
        self.cancel_timer(side, TimerKind::TimeWait);
        self.cancel_timer(side, TimerKind::DelayedAck);
        let rto = self.scenario.timing.rto_ms;
        let ep = &mut self.ep[side.index()];
        ep.outstanding = None;
        ep.unsent = 0;
        ep.fin_queued = false;
        ep.close_pending = false;
        ep.fin_seq = None;
        ep.rto = rto;
        ep.retries = 0;
        self.set_state(side, to);
    }

    /// Our oldest segment is acknowledged: stop its timer, forget the backoff.
    fn outstanding_acked(&mut self, side: Side) {
        let rto = self.scenario.timing.rto_ms;
        let ep = &mut self.ep[side.index()];
        ep.outstanding = None;
        ep.rto = rto;
        ep.retries = 0;
        self.cancel_timer(side, TimerKind::Retransmit);
    }

    // ---- happenings ------------------------------------------------------

    fn on_old_syn(&mut self, fault: usize) {
        if let Fault::OldSyn { at, age_ms } = self.scenario.faults[fault] {
            let seq = isn(self.seed, Side::Client, at as i64 - age_ms as i64);
            let seg = Segment {
                flags: Flags::SYN,
                seq,
                ack: 0,
                len: 0,
            };
            self.send(Side::Client, seg, SendKind::OldDuplicate);
        }
    }

    fn on_timer(&mut self, side: Side, kind: TimerKind, generation: u32) {
        let slot = self.ep[side.index()].timer(kind);
        if !slot.running || slot.generation != generation {
            return;
        }
        slot.running = false;
        self.emit(Event::TimerFired { side, kind });
        match kind {
            TimerKind::TimeWait => self.set_state(side, State::Closed),
            TimerKind::Retransmit => self.retransmit(side),
            TimerKind::DelayedAck => self.send_ack(side),
        }
    }

    fn retransmit(&mut self, side: Side) {
        let max_retries = self.scenario.timing.max_retries;
        let ep = &mut self.ep[side.index()];
        let Some(o) = ep.outstanding else {
            return;
        };
        ep.retries += 1;
        if ep.retries > max_retries {
            let back_to = if ep.state == State::SynReceived && ep.passive {
                State::Listen
            } else {
                State::Closed
            };
            self.emit(Event::GaveUp { side });
            self.abort(side, back_to);
            return;
        }
        ep.rto = ep.rto.saturating_mul(2);
        let mut seg = o.seg;
        if seg.flags.has(Flags::ACK) {
            seg.ack = ep.rcv_nxt;
        }
        let rto = ep.rto;
        self.send(side, seg, SendKind::Retransmit { of: o.first });
        self.start_timer(side, TimerKind::Retransmit, rto);
    }

    fn on_call(&mut self, i: usize) {
        let c = self.scenario.calls[i];
        let side = c.side;
        let state = self.ep[side.index()].state;
        let outcome = match (c.call, state) {
            (Call::Listen, State::Closed) => CallOutcome::Ok,
            (Call::Listen, _) => CallOutcome::AddressInUse,
            (Call::Connect, State::Closed) => CallOutcome::Ok,
            (Call::Connect, _) => CallOutcome::AlreadyConnected,
            (Call::Send(_) | Call::Close, State::Closed) => CallOutcome::NotConnected,
            (Call::Send(_), State::Listen) => CallOutcome::NotConnected,
            (
                Call::Send(_),
                State::SynSent | State::SynReceived | State::Established | State::CloseWait,
            ) => CallOutcome::Ok,
            (Call::Send(_), _) => CallOutcome::Closing,
            (
                Call::Close,
                State::Listen
                | State::SynSent
                | State::SynReceived
                | State::Established
                | State::CloseWait,
            ) => CallOutcome::Ok,
            (Call::Close, _) => CallOutcome::Closing,
        };
        self.emit(Event::Call {
            side,
            call: c.call,
            outcome,
        });
        if outcome != CallOutcome::Ok {
            return;
        }
        match c.call {
            Call::Listen => self.set_state(side, State::Listen),
            Call::Connect => {
                let iss = isn(self.seed, side, self.now as i64);
                let ep = &mut self.ep[side.index()];
                ep.passive = false;
                ep.iss = iss;
                ep.snd_una = iss;
                ep.snd_nxt = iss.wrapping_add(1);
                self.trace.base[side.index()] = iss;
                self.set_state(side, State::SynSent);
                self.send_reliably(
                    side,
                    Segment {
                        flags: Flags::SYN,
                        seq: iss,
                        ack: 0,
                        len: 0,
                    },
                );
            }
            Call::Send(n) => {
                self.ep[side.index()].unsent += n;
                self.try_send(side);
            }
            Call::Close => match state {
                State::Listen => self.set_state(side, State::Closed),
                // RFC 9293: CLOSE in SYN-SENT deletes the TCB.
                State::SynSent => self.abort(side, State::Closed),
                State::SynReceived => self.ep[side.index()].close_pending = true,
                State::Established => self.close_established(side),
                _ => {
                    self.ep[side.index()].fin_queued = true;
                    self.try_send(side);
                }
            },
        }
    }

    /// CLOSE in ESTABLISHED: FIN-WAIT-1 at once, the FIN after queued data.
    fn close_established(&mut self, side: Side) {
        self.ep[side.index()].fin_queued = true;
        self.set_state(side, State::FinWait1);
        self.try_send(side);
    }

    fn on_arrive(&mut self, id: SegId) {
        let Some(s) = self.trace.segment(id).copied() else {
            return;
        };
        let to = s.from.peer();
        let at = self.trace.events.len();
        self.emit(Event::SegmentDelivered {
            id,
            to,
            verdict: Verdict::Ignored,
        });
        let verdict = self.receive(to, s.seg);
        if let Some(TimedEvent {
            event: Event::SegmentDelivered { verdict: v, .. },
            ..
        }) = self.trace.events.get_mut(at)
        {
            *v = verdict;
        }
    }

    /// RFC 9293 §3.10.7, SEGMENT ARRIVES.
    fn receive(&mut self, side: Side, seg: Segment) -> Verdict {
        match self.ep[side.index()].state {
            State::Closed => self.receive_closed(side, seg),
            State::Listen => self.receive_listen(side, seg),
            State::SynSent => self.receive_syn_sent(side, seg),
            _ => self.receive_synchronized(side, seg),
        }
    }

    fn receive_closed(&mut self, side: Side, seg: Segment) -> Verdict {
        if seg.flags.has(Flags::RST) {
            return Verdict::Ignored;
        }
        if seg.flags.has(Flags::ACK) {
            self.send_rst(side, seg.ack);
        } else {
            let rst = Segment {
                flags: Flags::RST_ACK,
                seq: 0,
                ack: seg.end(),
                len: 0,
            };
            self.send(side, rst, SendKind::New);
        }
        Verdict::Refused
    }

    fn receive_listen(&mut self, side: Side, seg: Segment) -> Verdict {
        if seg.flags.has(Flags::RST) {
            return Verdict::Ignored;
        }
        if seg.flags.has(Flags::ACK) {
            self.send_rst(side, seg.ack);
            return Verdict::Refused;
        }
        if !seg.flags.has(Flags::SYN) {
            return Verdict::Ignored;
        }
        let iss = isn(self.seed, side, self.now as i64);
        let ep = &mut self.ep[side.index()];
        ep.passive = true;
        ep.rcv_nxt = seg.seq.wrapping_add(1);
        ep.iss = iss;
        ep.snd_una = iss;
        ep.snd_nxt = iss.wrapping_add(1);
        let ack = ep.rcv_nxt;
        self.trace.base[side.index()] = iss;
        self.set_state(side, State::SynReceived);
        self.send_reliably(
            side,
            Segment {
                flags: Flags::SYN_ACK,
                seq: iss,
                ack,
                len: 0,
            },
        );
        Verdict::Accepted
    }

    fn receive_syn_sent(&mut self, side: Side, seg: Segment) -> Verdict {
        let ep = &self.ep[side.index()];
        let has_ack = seg.flags.has(Flags::ACK);
        let ack_ok = has_ack && seq_lt(ep.iss, seg.ack) && seq_le(seg.ack, ep.snd_nxt);
        if has_ack && !ack_ok {
            // A SYN-ACK for a connection we never asked for: this refusal is
            // what the handshake's third step makes possible.
            if seg.flags.has(Flags::RST) {
                return Verdict::Ignored;
            }
            self.send_rst(side, seg.ack);
            return Verdict::Refused;
        }
        if seg.flags.has(Flags::RST) {
            if ack_ok {
                self.abort(side, State::Closed);
                self.emit(Event::ConnectRefused { side });
                return Verdict::Accepted;
            }
            return Verdict::Ignored;
        }
        // A bare SYN (simultaneous open) cannot arrive: servers here only
        // listen, so only a SYN-ACK moves SYN-SENT on.
        if !seg.flags.has(Flags::SYN) || !ack_ok {
            return Verdict::Ignored;
        }
        let ep = &mut self.ep[side.index()];
        ep.rcv_nxt = seg.seq.wrapping_add(1);
        ep.snd_una = seg.ack;
        self.outstanding_acked(side);
        self.set_state(side, State::Established);
        if !self.try_send(side) {
            self.send_ack(side);
        }
        Verdict::Accepted
    }

    fn receive_synchronized(&mut self, side: Side, seg: Segment) -> Verdict {
        let i = side.index();
        let state = self.ep[i].state;
        let rcv_nxt = self.ep[i].rcv_nxt;
        let rst = seg.flags.has(Flags::RST);

        // The client did not hear our SYN-ACK and sent its SYN again.
        if state == State::SynReceived && seg.flags == Flags::SYN && seg.end() == rcv_nxt {
            let limit = self.scenario.timing.answer_limit_ms();
            let recent = self.ep[i]
                .last_syn_ack
                .is_some_and(|t| self.now - t < limit);
            return match self.ep[i].outstanding {
                Some(o) if !recent => {
                    self.send(side, o.seg, SendKind::Retransmit { of: o.first });
                    Verdict::Duplicate
                }
                _ => Verdict::Ignored,
            };
        }
        // The peer did not hear our last ACK and sent its FIN again.
        if state == State::TimeWait && seg.flags.has(Flags::FIN) && !rst && seg.end() == rcv_nxt {
            self.start_timer(side, TimerKind::TimeWait, self.scenario.timing.two_msl());
            self.send_ack(side);
            return Verdict::Duplicate;
        }

        // First, check the sequence number.
        let in_window = |n: u32| seq_le(rcv_nxt, n) && seq_lt(n, rcv_nxt.wrapping_add(RCV_WND));
        let acceptable = match seg.seg_len() {
            0 => in_window(seg.seq),
            n => in_window(seg.seq) || in_window(seg.seq.wrapping_add(n - 1)),
        };
        if !acceptable {
            if rst {
                return Verdict::Ignored;
            }
            self.send_ack(side);
            return if seq_lt(seg.seq, rcv_nxt) {
                Verdict::Duplicate
            } else {
                Verdict::OutOfOrder
            };
        }

        // Second, the RST bit (RFC 5961: only an exact match resets).
        if rst {
            if seg.seq != rcv_nxt {
                self.send_ack(side);
                return Verdict::OutOfOrder;
            }
            let back_to = if state == State::SynReceived && self.ep[i].passive {
                State::Listen
            } else {
                State::Closed
            };
            self.abort(side, back_to);
            return Verdict::Accepted;
        }

        // Fourth, the SYN bit.
        if seg.flags.has(Flags::SYN) {
            if state == State::SynReceived && self.ep[i].passive {
                self.abort(side, State::Listen);
                return Verdict::Accepted;
            }
            self.send_ack(side); // a challenge ACK (RFC 5961 §4)
            return Verdict::OutOfOrder;
        }

        // Fifth, the ACK field.
        if !seg.flags.has(Flags::ACK) {
            return Verdict::Ignored;
        }
        let (snd_una, snd_nxt) = (self.ep[i].snd_una, self.ep[i].snd_nxt);
        if state == State::SynReceived {
            if !(seq_lt(snd_una, seg.ack) && seq_le(seg.ack, snd_nxt)) {
                self.send_rst(side, seg.ack);
                return Verdict::Refused;
            }
            self.ep[i].snd_una = seg.ack;
            self.outstanding_acked(side);
            self.set_state(side, State::Established);
        } else if seq_lt(snd_nxt, seg.ack) {
            self.send_ack(side);
            return Verdict::OutOfOrder;
        } else if seq_lt(snd_una, seg.ack) {
            self.ep[i].snd_una = seg.ack;
            let acked_all = self.ep[i]
                .outstanding
                .is_some_and(|o| seq_le(o.seg.end(), seg.ack));
            if acked_all {
                self.outstanding_acked(side);
            }
            let fin_acked = self.ep[i]
                .fin_seq
                .is_some_and(|f| f.wrapping_add(1) == seg.ack);
            if fin_acked {
                match state {
                    State::FinWait1 => self.set_state(side, State::FinWait2),
                    State::Closing => self.enter_time_wait(side),
                    State::LastAck => {
                        self.set_state(side, State::Closed);
                        return Verdict::Accepted;
                    }
                    _ => {}
                }
            }
        }
        if state == State::TimeWait {
            return Verdict::Ignored;
        }

        // Seventh, the segment text; eighth, the FIN bit.
        let mut must_ack = false;
        if seg.seq != self.ep[i].rcv_nxt && (seg.len > 0 || seg.flags.has(Flags::FIN)) {
            self.send_ack(side);
            return Verdict::OutOfOrder;
        }
        let state = self.ep[i].state;
        if seg.len > 0
            && matches!(
                state,
                State::Established | State::FinWait1 | State::FinWait2
            )
        {
            let ep = &mut self.ep[i];
            ep.rcv_nxt = ep.rcv_nxt.wrapping_add(seg.len);
            ep.received += seg.len;
            let received = ep.received;
            must_ack = true;
            self.trigger(side, |w| matches!(w, When::Received(n, _) if received >= n));
        }
        if seg.flags.has(Flags::FIN) {
            let ep = &mut self.ep[i];
            ep.rcv_nxt = ep.rcv_nxt.wrapping_add(1);
            must_ack = true;
            let state = ep.state;
            match state {
                State::SynReceived | State::Established => self.set_state(side, State::CloseWait),
                // Our FIN is not yet acknowledged, or step five would have
                // moved us to FIN-WAIT-2.
                State::FinWait1 => self.set_state(side, State::Closing),
                State::FinWait2 => self.enter_time_wait(side),
                _ => {}
            }
        }
        let sent = self.try_send(side);
        if must_ack && !sent {
            // Linux delays only while it may still send (ESTABLISHED,
            // CLOSE-WAIT); the last ACK into TIME-WAIT or CLOSING goes
            // at once.
            let delay = self.scenario.timing.delayed_ack_ms;
            let may_send = matches!(self.ep[i].state, State::Established | State::CloseWait);
            if delay == 0 || !may_send {
                self.send_ack(side);
            } else if !self.ep[i].delayed_ack.running {
                self.start_timer(side, TimerKind::DelayedAck, delay);
            }
        }
        if self.ep[i].close_pending && self.ep[i].state == State::Established {
            self.ep[i].close_pending = false;
            self.close_established(side);
        }
        Verdict::Accepted
    }

    fn enter_time_wait(&mut self, side: Side) {
        self.set_state(side, State::TimeWait);
        self.cancel_timer(side, TimerKind::Retransmit);
        self.start_timer(side, TimerKind::TimeWait, self.scenario.timing.two_msl());
    }
}
