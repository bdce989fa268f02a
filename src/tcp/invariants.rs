//! Properties every trace must have, checked over many seeds and random
//! sandbox drop sets: the model follows RFC 9293 whatever the network does.

use super::model::{seq_le, transition_allowed, Flags, SegId, Segment, Side, State};
use super::scenario::ScenarioId;
use super::sim::{simulate, simulate_with_drops};
use super::trace::{Call, Event, SendKind, SentSegment, TimerKind, Trace, Verdict};

use crate::rng::Rng;

/// Every scenario, with each seed's random set of flipped segments.
fn runs(seeds: u64) -> impl Iterator<Item = (ScenarioId, u64, Vec<SegId>, Trace)> {
    ScenarioId::ALL.into_iter().flat_map(move |id| {
        (0..seeds).map(move |seed| {
            let mut rng = Rng(seed ^ ((id as u64) << 32));
            let percent = [0, 10, 25, 40][(seed % 4) as usize];
            let drops: Vec<SegId> = (0..30).filter(|_| rng.chance(percent)).map(SegId).collect();
            let trace = simulate_with_drops(id.scenario(), rng.next_u64(), &drops);
            (id, seed, drops, trace)
        })
    })
}

fn sent(t: &Trace, id: SegId) -> SentSegment {
    t.segments[id.0 as usize]
}

/// The events before index `i`, latest first.
fn before(t: &Trace, i: usize) -> impl Iterator<Item = &Event> {
    t.events[..i].iter().rev().map(|e| &e.event)
}

fn check_states(t: &Trace) -> Result<(), String> {
    let mut states = [State::Closed; 2];
    for (i, e) in t.events.iter().enumerate() {
        let Event::StateChanged { side, from, to } = e.event else {
            continue;
        };
        if states[side.index()] != from {
            return Err(format!(
                "event {i}: {side:?} leaves {from} but is in {}",
                states[side.index()]
            ));
        }
        if !transition_allowed(from, to) {
            return Err(format!(
                "event {i}: {side:?} {from} -> {to} is not in RFC 9293"
            ));
        }
        states[side.index()] = to;
        if to != State::Closed && !(from == State::SynReceived && to == State::Listen) {
            continue;
        }
        // Leaving the connection needs a cause: find the event that made
        // it, skipping the timers the abort switched off.
        let cause = before(t, i)
            .find(|e| !matches!(e, Event::TimerCancelled { side: s, .. } if *s == side));
        let explained = match cause {
            Some(&Event::TimerFired {
                side: s,
                kind: TimerKind::TimeWait,
            }) => s == side && from == State::TimeWait,
            Some(&Event::Call {
                side: s,
                call: Call::Close,
                ..
            }) => s == side,
            Some(&Event::GaveUp { side: s }) => s == side,
            Some(&Event::SegmentDelivered {
                id,
                to: s,
                verdict: Verdict::Accepted,
            }) => {
                let seg = sent(t, id).seg;
                let reset = seg.flags.has(Flags::RST);
                let fin_acked = from == State::LastAck && seg.flags.has(Flags::ACK);
                let new_syn = from == State::SynReceived && seg.flags.has(Flags::SYN);
                s == side && (reset || fin_acked || new_syn)
            }
            _ => false,
        };
        if !explained {
            return Err(format!(
                "event {i}: {side:?} {from} -> {to} without a cause (after {cause:?})"
            ));
        }
    }
    Ok(())
}

/// seq and ack arithmetic: each side's new segments continue its sequence
/// space, retransmissions copy it, and every ACK names the end of the last
/// in-order segment received (its seq + data length + SYN + FIN).
fn check_numbers(t: &Trace) -> Result<(), String> {
    let mut snd: [Option<u32>; 2] = [None; 2];
    let mut rcv: [Option<u32>; 2] = [None; 2];
    let mut last_in: [Option<Segment>; 2] = [None; 2];
    let mut states = [State::Closed; 2];
    for (i, e) in t.events.iter().enumerate() {
        match e.event {
            Event::StateChanged { side, to, .. } => {
                states[side.index()] = to;
                if matches!(to, State::Closed | State::Listen) {
                    snd[side.index()] = None;
                    rcv[side.index()] = None;
                }
            }
            Event::SegmentDelivered { id, to, verdict } => {
                let seg = sent(t, id).seg;
                last_in[to.index()] = Some(seg);
                if verdict == Verdict::Accepted && seg.seg_len() > 0 && !seg.flags.has(Flags::RST) {
                    let r = &mut rcv[to.index()];
                    if let Some(expected) = *r {
                        if !seg.flags.has(Flags::SYN) && seg.seq != expected {
                            return Err(format!(
                                "event {i}: accepted seq {} but expected {expected}",
                                seg.seq
                            ));
                        }
                    }
                    *r = Some(seg.end());
                }
            }
            Event::SegmentSent {
                id,
                from,
                seg,
                kind,
                ..
            } => {
                let x = from.index();
                if seg.flags.has(Flags::RST) {
                    // An RST answers the segment just delivered.
                    let Some(cause) = last_in[x] else {
                        return Err(format!("event {i}: RST out of nowhere"));
                    };
                    let ok = if cause.flags.has(Flags::ACK) {
                        seg.seq == cause.ack && !seg.flags.has(Flags::ACK)
                    } else {
                        seg.seq == 0 && seg.ack == cause.end() && seg.flags.has(Flags::ACK)
                    };
                    if !ok {
                        return Err(format!("event {i}: RST {seg:?} does not answer {cause:?}"));
                    }
                    continue;
                }
                match kind {
                    SendKind::OldDuplicate => continue,
                    SendKind::Retransmit { of } => {
                        let first = sent(t, of).seg;
                        if (first.seq, first.flags, first.len) != (seg.seq, seg.flags, seg.len)
                            || of >= id
                        {
                            return Err(format!("event {i}: {seg:?} is no copy of {first:?}"));
                        }
                    }
                    SendKind::New => {
                        if seg.flags.has(Flags::SYN) {
                            let expected_start = if seg.flags.has(Flags::ACK) {
                                states[x] == State::SynReceived
                            } else {
                                states[x] == State::SynSent
                            };
                            if !expected_start {
                                return Err(format!("event {i}: SYN from {}", states[x]));
                            }
                            snd[x] = Some(seg.end());
                        } else {
                            let Some(next) = snd[x] else {
                                return Err(format!(
                                    "event {i}: {from:?} sends {seg:?} with no connection"
                                ));
                            };
                            if seg.seq != next {
                                return Err(format!(
                                    "event {i}: seq {} but next is {next}",
                                    seg.seq
                                ));
                            }
                            snd[x] = Some(seg.end());
                        }
                    }
                }
                if seg.flags.has(Flags::ACK) && rcv[x] != Some(seg.ack) {
                    return Err(format!(
                        "event {i}: ack {} but received up to {:?}",
                        seg.ack, rcv[x]
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Has `side` left the connection (given up, been reset, closed) after
/// event `i`?
fn left_after(t: &Trace, i: usize, side: Side) -> bool {
    t.events[i..].iter().any(|e| match e.event {
        Event::GaveUp { side: s } => s == side,
        Event::StateChanged { side: s, to, .. } => {
            s == side && matches!(to, State::Closed | State::Listen)
        }
        _ => false,
    })
}

/// Every lost segment is made good (sent again, or its information carried
/// by a later segment) unless a trace event says why not.
fn check_losses(t: &Trace) -> Result<(), String> {
    for (i, e) in t.events.iter().enumerate() {
        let Event::SegmentSent {
            id,
            from,
            seg,
            kind,
            ..
        } = e.event
        else {
            continue;
        };
        if !sent(t, id).lost || kind == SendKind::OldDuplicate {
            continue;
        }
        let peer = from.peer();
        let later = || {
            t.events[i + 1..].iter().filter_map(|e| match e.event {
                Event::SegmentSent {
                    from: f,
                    seg: s,
                    kind: k,
                    ..
                } => Some((f, s, k)),
                _ => None,
            })
        };
        let made_good = if seg.flags.has(Flags::RST) {
            later().any(|(f, s, _)| f == from && s.flags.has(Flags::RST)) || left_after(t, i, peer)
        } else if seg.seg_len() > 0 {
            // Sent again, or acknowledged anyway (an earlier copy got
            // through), or abandoned.
            let copy = |s: &Segment| (s.seq, s.flags, s.len) == (seg.seq, seg.flags, seg.len);
            let acked = |s: &Segment| s.flags.has(Flags::ACK) && seq_le(seg.end(), s.ack);
            later().any(|(f, s, _)| f == from && copy(&s))
                || t.segments
                    .iter()
                    .any(|s| s.from == peer && !s.lost && acked(&s.seg))
                || left_after(t, i, from)
        } else {
            // A lost ACK: the peer resends what it acknowledged, or a later
            // segment acknowledges as much, or the peer had it already.
            let covered = |s: &Segment| s.flags.has(Flags::ACK) && seq_le(seg.ack, s.ack);
            later().any(|(f, s, k)| {
                f == peer && matches!(k, SendKind::Retransmit { .. }) && s.end() == seg.ack
            }) || later().any(|(f, s, _)| f == from && covered(&s))
                || t.segments[..id.0 as usize]
                    .iter()
                    .any(|s| s.from == from && !s.lost && covered(&s.seg))
                || left_after(t, i, peer)
        };
        if !made_good {
            return Err(format!(
                "segment #{} {seg:?} lost and never made good",
                id.0
            ));
        }
    }
    Ok(())
}

/// Timers: each start ends in exactly one fire, cancel or restart, fires on
/// time, and TIME-WAIT ends exactly 2MSL after the segment that last
/// (re)started it.
fn check_timers(t: &Trace, two_msl: u32) -> Result<(), String> {
    let mut running: [[Option<(u32, u32)>; 3]; 2] = [[None; 3]; 2]; // (started, fires_at)
    let slot = |kind: TimerKind| match kind {
        TimerKind::Retransmit => 0,
        TimerKind::TimeWait => 1,
        TimerKind::DelayedAck => 2,
    };
    for (i, e) in t.events.iter().enumerate() {
        match e.event {
            Event::TimerStarted {
                side,
                kind,
                fires_at,
            } => {
                if kind == TimerKind::TimeWait {
                    if fires_at != e.at + two_msl {
                        return Err(format!("event {i}: TIME-WAIT of {} ms", fires_at - e.at));
                    }
                    let trigger = t.events[..i].iter().rev().find(|e| {
                        !matches!(
                            e.event,
                            Event::StateChanged { .. } | Event::TimerCancelled { .. }
                        )
                    });
                    let ok = trigger.is_some_and(|p| {
                        p.at == e.at
                            && matches!(p.event, Event::SegmentDelivered { to, .. } if to == side)
                    });
                    if !ok {
                        return Err(format!("event {i}: TIME-WAIT (re)started by {trigger:?}"));
                    }
                }
                running[side.index()][slot(kind)] = Some((e.at, fires_at));
            }
            Event::TimerFired { side, kind } => match running[side.index()][slot(kind)].take() {
                Some((_, fires_at)) if fires_at == e.at => {
                    let next = t.events.get(i + 1).map(|e| e.event);
                    if kind == TimerKind::TimeWait
                        && next
                            != Some(Event::StateChanged {
                                side,
                                from: State::TimeWait,
                                to: State::Closed,
                            })
                    {
                        return Err(format!("event {i}: TIME-WAIT fired but {side:?} stays"));
                    }
                }
                other => {
                    return Err(format!(
                        "event {i}: {kind:?} fired at {} but was {other:?}",
                        e.at
                    ))
                }
            },
            Event::TimerCancelled { side, kind } => {
                running[side.index()][slot(kind)]
                    .take()
                    .ok_or_else(|| format!("event {i}: cancelled a timer that was not running"))?;
            }
            _ => {}
        }
    }
    if running.iter().flatten().any(Option::is_some) {
        return Err("a timer is still running when the trace ends".to_string());
    }
    Ok(())
}

fn check_network(t: &Trace) -> Result<(), String> {
    let mut fates = vec![0u8; t.segments.len()];
    let mut last = 0;
    for (i, e) in t.events.iter().enumerate() {
        if e.at < last {
            return Err(format!("event {i}: time goes back"));
        }
        last = e.at;
        match e.event {
            Event::SegmentDelivered { id, to, .. } => {
                let s = sent(t, id);
                if s.lost || e.at != s.arrive_time || to != s.from.peer() {
                    return Err(format!("event {i}: #{} delivered wrongly", id.0));
                }
                fates[id.0 as usize] += 1;
            }
            Event::SegmentLost { id } => {
                let s = sent(t, id);
                if !s.lost || e.at != s.send_time + (s.arrive_time - s.send_time) / 2 {
                    return Err(format!("event {i}: #{} lost wrongly", id.0));
                }
                fates[id.0 as usize] += 1;
            }
            Event::SegmentSent {
                id,
                send_time,
                arrive_time,
                ..
            } if id.0 as usize >= t.segments.len()
                || send_time != e.at
                || arrive_time <= send_time =>
            {
                return Err(format!("event {i}: bad send"));
            }
            _ => {}
        }
    }
    if let Some(id) = fates.iter().position(|&n| n != 1) {
        return Err(format!("segment #{id} has {} fates", fates[id]));
    }
    Ok(())
}

#[test]
fn every_trace_keeps_the_rules() {
    let mut seen_verdicts = Vec::new();
    let mut seen = [false; 4]; // gave up, CLOSING, restarted TIME-WAIT, refused
    let mut total = 0;
    for (id, seed, drops, t) in runs(400) {
        total += 1;
        let two_msl = id.scenario().timing.two_msl();
        let result = check_states(&t)
            .and_then(|_| check_numbers(&t))
            .and_then(|_| check_losses(&t))
            .and_then(|_| check_timers(&t, two_msl))
            .and_then(|_| check_network(&t));
        if let Err(e) = result {
            panic!(
                "{id:?} seed {seed} drops {drops:?}: {e}\n{}",
                super::golden::dump(&t)
            );
        }
        assert!(t.events.len() < 1000, "{id:?} seed {seed}: runaway trace");
        let mut tw_starts = [0; 2];
        for e in &t.events {
            match e.event {
                Event::SegmentDelivered { verdict, .. } if !seen_verdicts.contains(&verdict) => {
                    seen_verdicts.push(verdict)
                }
                Event::GaveUp { .. } => seen[0] = true,
                Event::StateChanged {
                    to: State::Closing, ..
                } => seen[1] = true,
                Event::TimerStarted {
                    side,
                    kind: TimerKind::TimeWait,
                    ..
                } => {
                    tw_starts[side.index()] += 1;
                    seen[2] |= tw_starts[side.index()] > 1;
                }
                Event::SegmentDelivered {
                    verdict: Verdict::Refused,
                    ..
                } => seen[3] = true,
                _ => {}
            }
        }
    }
    // The random drops must actually reach the interesting corners.
    assert_eq!(total, ScenarioId::ALL.len() * 400);
    assert_eq!(
        seen, [true; 4],
        "gave up, CLOSING, TIME-WAIT restart, refused"
    );
    assert_eq!(
        seen_verdicts.len(),
        5,
        "every verdict occurs: {seen_verdicts:?}"
    );
}

#[test]
fn same_seed_same_trace() {
    for (id, _, drops, t) in runs(20) {
        for seed in [0, 99] {
            let a = simulate_with_drops(id.scenario(), seed, &drops);
            assert_eq!(a, simulate_with_drops(id.scenario(), seed, &drops));
        }
        assert!(!t.is_empty());
    }
}

#[test]
fn a_flip_changes_nothing_before_the_flipped_segment() {
    for id in ScenarioId::ALL {
        let base = simulate(id.scenario(), 5);
        for (n, s) in base.segments.iter().enumerate() {
            let flipped = simulate_with_drops(id.scenario(), 5, &[SegId(n as u16)]);
            let cut = base
                .events
                .iter()
                .position(
                    |e| matches!(e.event, Event::SegmentSent { id, .. } if id.0 as usize == n),
                )
                .expect("segment n was sent");
            assert_eq!(
                base.events[..cut],
                flipped.events[..cut],
                "{id:?} flip #{n}"
            );
            assert_eq!(
                flipped.segments[n].lost, !s.lost,
                "{id:?} flip #{n} flips its fate"
            );
        }
    }
}

#[test]
fn flipping_a_scripted_loss_restores_the_plain_run() {
    // syn-lost with its SYN delivered is the plain handshake.
    let restored = simulate_with_drops(ScenarioId::SynLost.scenario(), 3, &[SegId(0)]);
    assert_eq!(restored, simulate(ScenarioId::Handshake.scenario(), 3));
}

#[test]
fn the_client_gives_up_after_its_retries() {
    // Every SYN lost: 0, 600, 1800, 4200 and the timer doubling to 4800.
    let all: Vec<SegId> = (0..10).map(SegId).collect();
    let t = simulate_with_drops(ScenarioId::Handshake.scenario(), 1, &all);
    let syn_times: Vec<u32> = t
        .segments
        .iter()
        .filter(|s| s.from == Side::Client)
        .map(|s| s.send_time)
        .collect();
    assert_eq!(syn_times, [0, 600, 1800, 4200]);
    let last = t
        .events
        .iter()
        .rev()
        .take(3)
        .map(|e| (e.at, e.event))
        .collect::<Vec<_>>();
    assert_eq!(
        last,
        [
            (
                9000,
                Event::StateChanged {
                    side: Side::Client,
                    from: State::SynSent,
                    to: State::Closed
                }
            ),
            (9000, Event::GaveUp { side: Side::Client }),
            (
                9000,
                Event::TimerFired {
                    side: Side::Client,
                    kind: TimerKind::Retransmit
                }
            ),
        ]
    );
}

#[test]
fn fin_to_a_closed_port_is_refused_with_rst() {
    // last-ack-lost with every later ACK lost too, and the server's FINs
    // retried until the client's TIME-WAIT is over: the closed client
    // answers RST and the server, reset, closes.
    let t = simulate_with_drops(
        ScenarioId::LastAckLost.scenario(),
        1,
        &[SegId(8), SegId(10)],
    );
    let rst = t.segments.iter().position(|s| s.seg.flags.has(Flags::RST));
    let Some(rst) = rst else {
        panic!("no RST:\n{}", super::golden::dump(&t));
    };
    let s = t.segments[rst];
    assert_eq!(s.from, Side::Client);
    assert!(t.events.iter().any(|e| e.event
        == Event::StateChanged {
            side: Side::Server,
            from: State::LastAck,
            to: State::Closed
        }));
}

#[test]
fn simulation_is_fast() {
    // The browser budget is 1 ms per scenario; natively, debug build, each
    // run must stay far below that, averaged over many.
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..50 {
        for id in ScenarioId::ALL {
            n += simulate(id.scenario(), 9).len();
        }
    }
    let per_run = start.elapsed().as_secs_f64() * 1000.0 / (50.0 * 11.0);
    assert!(n > 0);
    assert!(per_run < 1.0, "{per_run} ms per run");
}
