//! Pieces several scenarios share: the two-lane client/server setup, the
//! TCP handshake underneath TLS and HTTP, and a stream of segments that TCP
//! hands to the application in order.

use crate::net::seq::{Axis, Lane, LaneId, LocalKind, Ms, Msg, MsgId, Said, Seq};

/// One-way delay between client and server: a round trip is 100 ms, a
/// plausible figure across a continent.
pub const ONE_WAY: Ms = 50;
pub const RTT: Ms = 2 * ONE_WAY;
/// TCP's retransmission timeout here (a real stack starts at 1 s and
/// adapts; what matters is RTT < RTO).
pub const RTO: Ms = 300;
/// Sends in all before TCP gives up, in these diagrams.
pub const TRIES: u8 = 4;
/// Gap between messages sent back to back, so each arrow shows.
pub const GAP: Ms = 6;

pub const CLIENT: LaneId = LaneId(0);
pub const SERVER: LaneId = LaneId(1);

pub fn said(zh: impl Into<String>, en: impl Into<String>) -> Said {
    Said::new(zh, en)
}

pub fn lane(zh: &str, en: &str) -> Lane {
    Lane { name: said(zh, en) }
}

/// Client and server, a round trip apart, the axis in round trips.
pub fn client_server(toggled: &[MsgId]) -> Seq<'_> {
    Seq::new(
        vec![lane("客户端", "Client"), lane("服务器", "Server")],
        ONE_WAY,
        Axis::RoundTrips(RTT),
        toggled,
    )
}

/// What a finished TCP handshake gives the script. The SYN and SYN-ACK
/// may be dropped: TCP retransmits them.
pub struct Opened {
    /// The client is ESTABLISHED and may send.
    pub client_ready: Ms,
}

/// The three-way handshake (RFC 9293 §3.5), from `client` to `server`.
pub fn tcp_handshake(seq: &mut Seq, at: Ms, client: LaneId, server: LaneId) -> Option<Opened> {
    let (syn, syn_at) = seq.send_reliably(
        at,
        Msg::new(client, server, "SYN").droppable(),
        RTO,
        TRIES,
        said(
            "TCP 三次握手第一步：客户端发 SYN。",
            "TCP handshake, step one: the client sends SYN.",
        ),
        said(
            "服务器收到 SYN，进入 SYN-RECEIVED。",
            "The server gets the SYN and enters SYN-RECEIVED.",
        ),
    )?;
    let (_, synack_at) = seq.send_reliably(
        syn_at,
        Msg::new(server, client, "SYN, ACK")
            .reply_to(syn)
            .droppable(),
        RTO,
        TRIES,
        said(
            "服务器回 SYN-ACK：确认客户端的 SYN，并带上自己的初始序号。",
            "The server answers SYN-ACK: it acknowledges the client's SYN and sends its own initial sequence number.",
        ),
        said(
            "客户端收到 SYN-ACK，连接在它这边已建立：第一个往返结束。",
            "The client gets the SYN-ACK; the connection is established on its side: one round trip done.",
        ),
    )?;
    seq.send(
        synack_at,
        Msg::new(client, server, "ACK"),
        said(
            "客户端回 ACK（握手第三步），并且可以马上接着发数据。",
            "The client sends the ACK (step three), and may send data right behind it.",
        ),
        said(
            "服务器收到 ACK，连接在它这边也建立了。",
            "The server gets the ACK; the connection is established on its side too.",
        ),
    );
    Some(Opened {
        client_ready: synack_at,
    })
}

/// A segment of a byte stream, with what to say when the application
/// finally reads it.
pub struct Segment {
    /// When it is sent; segments are listed in the order sent.
    pub at: Ms,
    pub msg: Msg,
    pub sent: Said,
    pub arrived: Said,
}

/// Sends segments over one TCP connection and hands their
/// bytes to the application in order: a segment that arrives while an
/// earlier one is missing is held (TCP's in-order delivery) until the
/// retransmission fills the gap. Returns, for each segment, when the
/// application has its bytes; `None` once TCP gave up.
pub fn stream(seq: &mut Seq, receiver: LaneId, segs: Vec<Segment>) -> Vec<Option<Ms>> {
    let mut ready: Vec<Option<Ms>> = Vec::with_capacity(segs.len());
    let mut in_order_until: Ms = 0;
    let mut gave_up = false;
    for s in segs {
        let got = seq.send_reliably(s.at, s.msg.droppable(), RTO, TRIES, s.sent, s.arrived);
        let Some((id, arrived)) = got else {
            gave_up = true;
            ready.push(None);
            continue;
        };
        if gave_up {
            ready.push(None);
            continue;
        }
        if arrived < in_order_until {
            seq.held(
                arrived,
                id,
                said(
                    "这个段到了，但它前面的字节还没到：TCP 只能按顺序交给应用，只好先放在接收缓冲区里等（队头阻塞）。",
                    "This segment is here, but bytes before it are missing: TCP hands bytes to the application only in order, so it waits in the receive buffer (head-of-line blocking).",
                ),
            );
            ready.push(Some(in_order_until));
        } else {
            in_order_until = arrived;
            ready.push(Some(arrived));
        }
    }
    // Say once, at the moment a gap is filled, that the held bytes move on.
    let mut released: Vec<Ms> = Vec::new();
    for (i, r) in ready.iter().enumerate() {
        if let Some(t) = *r {
            let waited = i > 0 && ready[..i].iter().flatten().any(|&p| p == t);
            if waited && !released.contains(&t) {
                released.push(t);
                seq.local(
                    t,
                    receiver,
                    LocalKind::Released,
                    said("交付", "released"),
                    said(
                        "重传的段补上了缺口：被挡住的字节终于一起交给应用。",
                        "The retransmission fills the gap: the held bytes go to the application all at once.",
                    ),
                );
            }
        }
    }
    ready
}
