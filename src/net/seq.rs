//! The sequence-diagram engine: lanes, messages with named fields, timers
//! and local happenings, recorded as a trace of typed, captioned steps.
//!
//! A scenario is a script run against [`Seq`]: it sends a message at a
//! time and learns when (or whether) it arrives, and reacts the way the
//! protocol says. Nothing here reads a clock or a random source; the
//! messages the sandbox flips come in as an argument, so a flipped message
//! is lost (or delivered) and the script takes the protocol's other branch.
//! Steps are recorded as the script runs and put in time order at the end
//! (ties keep the order they were recorded in, which is the script's order
//! of cause and effect).

use crate::i18n::Lang;

/// Simulated time in milliseconds since the scenario started.
pub type Ms = u32;

/// A lifeline of the diagram, counted from the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LaneId(pub u8);

impl LaneId {
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// A message within one trace: the order in which it was sent, from 0.
/// Stable under replay up to the first change, so the sandbox can address
/// "the message the user clicked" in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MsgId(pub u16);

/// A sentence in both languages, built by a scenario (it may hold numbers
/// computed by the model, such as a TTL or a key).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Said {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang.fixed() {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A lifeline: who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub name: Said,
}

/// Where a message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dest {
    Lane(LaneId),
    /// Every other lane on the link (an Ethernet broadcast).
    Broadcast,
}

/// Which keys protect a message, in RFC 8446's notation (§2): `{…}` for
/// handshake traffic keys, `[…]` for application traffic keys, `(…)` for
/// early data keys. TLS 1.2's records after ChangeCipherSpec use `{…}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    Clear,
    Early,
    Handshake,
    Application,
}

impl Protection {
    pub const fn is_encrypted(self) -> bool {
        !matches!(self, Protection::Clear)
    }

    /// The brackets RFC 8446 writes around a protected message.
    pub const fn brackets(self) -> (&'static str, &'static str) {
        match self {
            Protection::Clear => ("", ""),
            Protection::Early => ("(", ")"),
            Protection::Handshake => ("{", "}"),
            Protection::Application => ("[", "]"),
        }
    }
}

/// What carries a message: the layer below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier {
    /// A TCP segment (control segments, or bytes of a stream).
    Tcp,
    Udp,
    /// An Ethernet frame (ARP).
    Ethernet,
}

impl Carrier {
    pub const fn name(self) -> &'static str {
        match self {
            Carrier::Tcp => "TCP",
            Carrier::Udp => "UDP",
            Carrier::Ethernet => "Ethernet",
        }
    }
}

/// A named field of a message: `key_share = x25519`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub value: String,
}

/// Everything about one message, gathered when it is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub from: LaneId,
    pub dest: Dest,
    /// The protocol's name for it: `ClientHello`, `SYN, ACK`, `GET /`.
    pub name: String,
    pub fields: Vec<Field>,
    pub protection: Protection,
    pub carrier: Carrier,
    pub send_time: Ms,
    /// When it reaches the destination, or would have had it not been lost.
    pub arrive_time: Ms,
    pub lost: bool,
    /// A copy of this earlier message, sent again after a timeout.
    pub retry_of: Option<MsgId>,
    /// The request this answers; answering the client's request is what
    /// the round-trip count counts.
    pub reply_to: Option<MsgId>,
    /// The sandbox may drop it (the script knows what happens then).
    pub droppable: bool,
    /// HTTP/2 stream the bytes belong to.
    pub stream: Option<u32>,
}

impl Message {
    /// The label on the arrow: the name inside its protection's brackets,
    /// `{Finished}`, `[Application Data]`.
    pub fn label(&self) -> String {
        let (open, close) = self.protection.brackets();
        format!("{open}{}{close}", self.name)
    }

    /// `name=value` for every field, for the caption and the table.
    pub fn field_list(&self) -> String {
        self.fields
            .iter()
            .map(|f| format!("{}={}", f.name, f.value))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }

    /// The lanes it reaches.
    pub fn targets(&self, lanes: usize) -> Vec<LaneId> {
        match self.dest {
            Dest::Lane(l) => vec![l],
            Dest::Broadcast => (0..lanes as u8)
                .map(LaneId)
                .filter(|&l| l != self.from)
                .collect(),
        }
    }
}

/// The timers scenarios run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// TCP's retransmission timeout.
    Retransmit,
    /// A resolver waiting for a UDP answer (RFC 1035 §4.2.1: retransmit).
    QueryTimeout,
    /// A cache entry's time to live.
    Ttl,
}

/// What a party does or learns without sending anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    /// Found in a cache (DNS, ARP).
    CacheHit,
    /// Not in the cache (or expired): must ask.
    CacheMiss,
    /// Stored in a cache.
    Cached,
    /// A check that proves something (a signature, a MAC, a computed key).
    Verified,
    /// Keys derived from a key exchange.
    KeysReady,
    /// The application can send or has what it asked for.
    Ready,
    /// Bytes that TCP held back are handed to the application at last.
    Released,
    /// Work on the server before it can answer (a slow handler).
    Busy,
    /// A request or connection failed.
    Failed,
    /// Not addressed to this party: it does nothing.
    Ignored,
}

/// One thing that happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Sent {
        id: MsgId,
    },
    Delivered {
        id: MsgId,
    },
    /// The network dropped it (halfway, in the diagram).
    Lost {
        id: MsgId,
    },
    /// It arrived, but TCP keeps it from the application until the bytes
    /// before it arrive (in-order delivery: head-of-line blocking).
    Held {
        id: MsgId,
    },
    TimerStarted {
        lane: LaneId,
        kind: TimerKind,
        fires_at: Ms,
    },
    TimerFired {
        lane: LaneId,
        kind: TimerKind,
    },
    TimerCancelled {
        lane: LaneId,
        kind: TimerKind,
    },
    Local {
        lane: LaneId,
        kind: LocalKind,
    },
}

/// An event, when it happened, what it means in both languages, and (for
/// a local event) the short mark written on the lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub at: Ms,
    pub event: Event,
    pub caption: Said,
    pub mark: Option<Said>,
}

/// How the time axis is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// In round trips between the first two lanes (client and server),
    /// each this many ms.
    RoundTrips(Ms),
    /// In milliseconds (DNS: each hop has its own distance).
    Millis,
}

/// The record of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    pub lanes: Vec<Lane>,
    pub steps: Vec<Step>,
    /// `messages[id.0]` is the message with that id.
    pub messages: Vec<Message>,
    pub axis: Axis,
}

impl Trace {
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn message(&self, id: MsgId) -> Option<&Message> {
        self.messages.get(id.0 as usize)
    }

    pub fn end_time(&self) -> Ms {
        self.steps.last().map_or(0, |s| s.at)
    }

    /// Round trips the client (lane 0) has completed after the first `pos`
    /// steps. One completes when an answer arrives to a request the client
    /// sent after the previous round trip completed: a server's flight, or
    /// answers to several requests sent together, count once; a
    /// retransmitted request counts from when its copy left.
    pub fn round_trips_at(&self, pos: usize) -> u32 {
        let mut count = 0;
        let mut since: Ms = 0;
        for s in self.steps.iter().take(pos) {
            let Event::Delivered { id } = s.event else {
                continue;
            };
            let Some(req) = self
                .message(id)
                .and_then(|m| m.reply_to)
                .and_then(|r| self.message(r))
            else {
                continue;
            };
            if req.from == LaneId(0) && req.send_time >= since {
                count += 1;
                since = s.at;
            }
        }
        count
    }

    /// The messages in the order sent, as `label` strings (for tests).
    pub fn labels(&self) -> Vec<String> {
        self.messages.iter().map(Message::label).collect()
    }

    /// Index of the step that delivers a message.
    pub fn delivered_at(&self, id: MsgId) -> Option<Ms> {
        self.steps.iter().find_map(|s| match s.event {
            Event::Delivered { id: d } if d == id => Some(s.at),
            _ => None,
        })
    }

    /// The first message with this name (and lane it came from).
    pub fn find(&self, from: LaneId, name: &str) -> Option<MsgId> {
        self.messages
            .iter()
            .position(|m| m.from == from && m.name == name)
            .map(|i| MsgId(i as u16))
    }
}

/// A message about to be sent: built with chained calls, then handed to
/// [`Seq::send`].
#[derive(Clone, Debug)]
pub struct Msg {
    from: LaneId,
    dest: Dest,
    name: String,
    fields: Vec<Field>,
    protection: Protection,
    carrier: Carrier,
    reply_to: Option<MsgId>,
    retry_of: Option<MsgId>,
    droppable: bool,
    scripted_loss: bool,
    stream: Option<u32>,
    extra_delay: Ms,
}

impl Msg {
    pub fn new(from: LaneId, to: LaneId, name: impl Into<String>) -> Msg {
        Msg {
            from,
            dest: Dest::Lane(to),
            name: name.into(),
            fields: Vec::new(),
            protection: Protection::Clear,
            carrier: Carrier::Tcp,
            reply_to: None,
            retry_of: None,
            droppable: false,
            scripted_loss: false,
            stream: None,
            extra_delay: 0,
        }
    }

    pub fn broadcast(from: LaneId, name: impl Into<String>) -> Msg {
        Msg {
            dest: Dest::Broadcast,
            carrier: Carrier::Ethernet,
            ..Msg::new(from, from, name)
        }
    }

    pub fn field(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.fields.push(Field {
            name,
            value: value.into(),
        });
        self
    }

    pub fn protected(mut self, p: Protection) -> Msg {
        self.protection = p;
        self
    }

    pub fn over(mut self, c: Carrier) -> Msg {
        self.carrier = c;
        self
    }

    pub fn reply_to(mut self, id: MsgId) -> Msg {
        self.reply_to = Some(id);
        self
    }

    pub fn retry_of(mut self, id: MsgId) -> Msg {
        self.retry_of = Some(id);
        self
    }

    /// The sandbox may drop this one.
    pub fn droppable(mut self) -> Msg {
        self.droppable = true;
        self
    }

    /// The scenario itself loses this one (the sandbox can restore it).
    pub fn lose(mut self) -> Msg {
        self.droppable = true;
        self.scripted_loss = true;
        self
    }

    pub fn stream(mut self, id: u32) -> Msg {
        self.stream = Some(id);
        self
    }

    /// Arrives this much later than the link's delay (queued somewhere).
    pub fn delayed(mut self, ms: Ms) -> Msg {
        self.extra_delay = ms;
        self
    }
}

/// What became of a message sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sent {
    pub id: MsgId,
    /// When it arrives; `None` if it was lost.
    pub arrives: Option<Ms>,
}

/// A script's handle on the run being recorded.
pub struct Seq<'a> {
    trace: Trace,
    /// One-way delay between two lanes, `delay[a][b]`.
    delay: Vec<Vec<Ms>>,
    toggled: &'a [MsgId],
}

impl<'a> Seq<'a> {
    /// Lanes named left to right; every pair `one_way` ms apart until
    /// [`Seq::link`] says otherwise. `toggled` flips the fate of droppable
    /// messages (the sandbox).
    pub fn new(lanes: Vec<Lane>, one_way: Ms, axis: Axis, toggled: &'a [MsgId]) -> Seq<'a> {
        let n = lanes.len();
        Seq {
            trace: Trace {
                lanes,
                steps: Vec::with_capacity(64),
                messages: Vec::with_capacity(32),
                axis,
            },
            delay: vec![vec![one_way; n]; n],
            toggled,
        }
    }

    /// Sets the one-way delay between two lanes (both directions).
    pub fn link(&mut self, a: LaneId, b: LaneId, one_way: Ms) {
        if let (Some(_), Some(_)) = (self.delay.get(a.index()), self.delay.get(b.index())) {
            self.delay[a.index()][b.index()] = one_way;
            self.delay[b.index()][a.index()] = one_way;
        }
    }

    /// One-way delay from `a` to `b`.
    pub fn one_way(&self, a: LaneId, b: LaneId) -> Ms {
        self.delay
            .get(a.index())
            .and_then(|row| row.get(b.index()))
            .copied()
            .unwrap_or(0)
    }

    /// The id the next message will get.
    pub fn next_id(&self) -> MsgId {
        MsgId(self.trace.messages.len() as u16)
    }

    fn step(&mut self, at: Ms, event: Event, caption: Said, mark: Option<Said>) {
        self.trace.steps.push(Step {
            at,
            event,
            caption,
            mark,
        });
    }

    /// Sends `msg` at `at`. `sent` captions its leaving, `arrived` its
    /// arrival; a loss gets its own caption from the engine. Returns when it
    /// arrives, if it does.
    pub fn send(&mut self, at: Ms, msg: Msg, sent: Said, arrived: Said) -> Sent {
        let id = self.next_id();
        let to = match msg.dest {
            Dest::Lane(l) => l,
            // A broadcast is drawn to the farthest lane; all are as near.
            Dest::Broadcast => LaneId(self.trace.lanes.len().saturating_sub(1) as u8),
        };
        let arrive_time = at + self.one_way(msg.from, to) + msg.extra_delay;
        let lost = msg.droppable && (msg.scripted_loss ^ self.toggled.contains(&id));
        let m = Message {
            from: msg.from,
            dest: msg.dest,
            name: msg.name,
            fields: msg.fields,
            protection: msg.protection,
            carrier: msg.carrier,
            send_time: at,
            arrive_time,
            lost,
            retry_of: msg.retry_of,
            reply_to: msg.reply_to,
            droppable: msg.droppable,
            stream: msg.stream,
        };
        let label = m.label();
        self.trace.messages.push(m);
        self.step(at, Event::Sent { id }, sent, None);
        if lost {
            let half = at + (arrive_time - at) / 2;
            let caption = Said::new(
                format!("{label} 在途中丢失了（网络丢弃了它）。"),
                format!("{label} is lost on the way (the network dropped it)."),
            );
            self.step(half, Event::Lost { id }, caption, None);
            Sent { id, arrives: None }
        } else {
            self.step(arrive_time, Event::Delivered { id }, arrived, None);
            Sent {
                id,
                arrives: Some(arrive_time),
            }
        }
    }

    /// A message that arrived but that TCP keeps from the application.
    pub fn held(&mut self, at: Ms, id: MsgId, caption: Said) {
        self.step(at, Event::Held { id }, caption, None);
    }

    pub fn local(&mut self, at: Ms, lane: LaneId, kind: LocalKind, mark: Said, caption: Said) {
        self.step(at, Event::Local { lane, kind }, caption, Some(mark));
    }

    pub fn timer_start(&mut self, at: Ms, lane: LaneId, kind: TimerKind, after: Ms, caption: Said) {
        let fires_at = at + after;
        self.step(
            at,
            Event::TimerStarted {
                lane,
                kind,
                fires_at,
            },
            caption,
            None,
        );
    }

    pub fn timer_fired(&mut self, at: Ms, lane: LaneId, kind: TimerKind, caption: Said) {
        self.step(at, Event::TimerFired { lane, kind }, caption, None);
    }

    pub fn timer_cancel(&mut self, at: Ms, lane: LaneId, kind: TimerKind, caption: Said) {
        self.step(at, Event::TimerCancelled { lane, kind }, caption, None);
    }

    /// Sends over TCP: when the segment is lost, the sender's RTO fires
    /// after `rto` and it goes again (doubling the RTO, RFC 6298 §5.5),
    /// up to `tries` sends in all. Returns the copy that arrived and when.
    pub fn send_reliably(
        &mut self,
        at: Ms,
        msg: Msg,
        rto: Ms,
        tries: u8,
        sent: Said,
        arrived: Said,
    ) -> Option<(MsgId, Ms)> {
        let from = msg.from;
        let mut t = at;
        let mut rto = rto;
        let mut first: Option<MsgId> = None;
        for _ in 0..tries.max(1) {
            let mut m = msg.clone();
            if let Some(f) = first {
                // A scripted loss is of the first copy only.
                m = m.retry_of(f);
                m.scripted_loss = false;
            }
            let label = msg_label(&m);
            let caption = if first.is_some() {
                Said::new(
                    format!("TCP 重传 {label}（与第一次相同的字节）。"),
                    format!("TCP retransmits {label} (the same bytes as the first time)."),
                )
            } else {
                sent.clone()
            };
            let s = self.send(t, m, caption, arrived.clone());
            first.get_or_insert(s.id);
            if let Some(a) = s.arrives {
                return Some((s.id, a));
            }
            self.timer_start(
                t,
                from,
                TimerKind::Retransmit,
                rto,
                Said::new(
                    format!("发送方的重传计时器（RTO {rto} ms）在等 {label} 的确认。"),
                    format!("The sender's retransmission timer (RTO {rto} ms) waits for {label} to be acknowledged."),
                ),
            );
            t += rto;
            self.timer_fired(
                t,
                from,
                TimerKind::Retransmit,
                Said::new(
                    format!("RTO 到期：{label} 一直没有被确认。"),
                    format!("The RTO expires: {label} was never acknowledged."),
                ),
            );
            rto = rto.saturating_mul(2);
        }
        None
    }

    /// Puts the steps in time order and returns the trace.
    pub fn finish(mut self) -> Trace {
        crate::small_sort::by_key(&mut self.trace.steps, |s| s.at);
        self.trace
    }
}

fn msg_label(m: &Msg) -> String {
    let (open, close) = m.protection.brackets();
    format!("{open}{}{close}", m.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes(n: usize) -> Vec<Lane> {
        (0..n)
            .map(|i| Lane {
                name: Said::new(format!("L{i}"), format!("L{i}")),
            })
            .collect()
    }

    #[test]
    fn steps_come_out_in_time_order_with_ties_in_script_order() {
        let mut s = Seq::new(lanes(2), 50, Axis::RoundTrips(100), &[]);
        let a = s.send(
            0,
            Msg::new(LaneId(0), LaneId(1), "A"),
            Said::default(),
            Said::default(),
        );
        assert_eq!(a.arrives, Some(50));
        // Sent at the arrival time of A, recorded after it: stays after.
        s.send(
            50,
            Msg::new(LaneId(1), LaneId(0), "B").reply_to(a.id),
            Said::default(),
            Said::default(),
        );
        // Recorded last but happens first.
        s.local(
            10,
            LaneId(0),
            LocalKind::Ready,
            Said::default(),
            Said::default(),
        );
        let t = s.finish();
        let kinds: Vec<_> = t.steps.iter().map(|s| (s.at, s.event)).collect();
        assert_eq!(
            kinds,
            [
                (0, Event::Sent { id: MsgId(0) }),
                (
                    10,
                    Event::Local {
                        lane: LaneId(0),
                        kind: LocalKind::Ready
                    }
                ),
                (50, Event::Delivered { id: MsgId(0) }),
                (50, Event::Sent { id: MsgId(1) }),
                (100, Event::Delivered { id: MsgId(1) }),
            ]
        );
        assert_eq!(t.round_trips_at(t.len()), 1);
        assert_eq!(t.round_trips_at(t.len() - 1), 0);
    }

    #[test]
    fn the_sandbox_flips_only_droppable_messages() {
        let toggled = [MsgId(0), MsgId(1), MsgId(2)];
        let mut s = Seq::new(lanes(2), 50, Axis::Millis, &toggled);
        let fixed = s.send(
            0,
            Msg::new(LaneId(0), LaneId(1), "fixed"),
            Said::default(),
            Said::default(),
        );
        let may = s.send(
            0,
            Msg::new(LaneId(0), LaneId(1), "may").droppable(),
            Said::default(),
            Said::default(),
        );
        let scripted = s.send(
            0,
            Msg::new(LaneId(0), LaneId(1), "scripted").lose(),
            Said::default(),
            Said::default(),
        );
        assert_eq!(fixed.arrives, Some(50));
        assert_eq!(may.arrives, None, "flipped to lost");
        assert_eq!(scripted.arrives, Some(50), "flipped back to delivered");
    }

    #[test]
    fn tcp_retransmits_after_a_doubling_rto() {
        let mut s = Seq::new(lanes(2), 50, Axis::RoundTrips(100), &[MsgId(0), MsgId(1)]);
        let got = s.send_reliably(
            0,
            Msg::new(LaneId(0), LaneId(1), "data").droppable(),
            300,
            4,
            Said::default(),
            Said::default(),
        );
        // Lost at 0, again at 300; the third copy leaves at 300 + 600.
        assert_eq!(got, Some((MsgId(2), 950)));
        let t = s.finish();
        assert_eq!(t.messages[2].retry_of, Some(MsgId(0)));
        assert_eq!(t.messages[1].retry_of, Some(MsgId(0)));
    }

    #[test]
    fn labels_use_rfc_8446_brackets() {
        let m = |p| {
            let mut s = Seq::new(lanes(2), 1, Axis::Millis, &[]);
            s.send(
                0,
                Msg::new(LaneId(0), LaneId(1), "Finished").protected(p),
                Said::default(),
                Said::default(),
            );
            s.finish().messages[0].label()
        };
        assert_eq!(m(Protection::Clear), "Finished");
        assert_eq!(m(Protection::Handshake), "{Finished}");
        assert_eq!(m(Protection::Application), "[Finished]");
        assert_eq!(m(Protection::Early), "(Finished)");
    }
}
