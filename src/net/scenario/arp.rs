//! ARP (RFC 826): a host that wants to send an IPv4 packet to a neighbour
//! on its link broadcasts "who has 192.168.1.1?", the owner answers with
//! its hardware address, and both keep the mapping in their caches, so the
//! next packet goes out at once.

use super::parts::{lane, said};
use crate::net::seq::{Axis, Carrier, LaneId, LocalKind, Ms, Msg, MsgId, Seq, TimerKind, Trace};

const A: LaneId = LaneId(0);
const GATEWAY: LaneId = LaneId(1);
const OTHER: LaneId = LaneId(2);

const A_IP: &str = "192.168.1.10";
const A_MAC: &str = "02:00:00:00:00:0a";
const GW_IP: &str = "192.168.1.1";
const GW_MAC: &str = "02:00:00:00:00:01";
/// How long a request waits for a reply before it is sent again, and how
/// many are sent (Linux: 1 s, 3 tries).
const RETRY: Ms = 1000;
const TRIES: u8 = 3;
/// How long the learned entry is trusted here (Linux keeps one REACHABLE
/// for about 30 s before checking it again).
const REACHABLE: Ms = 30_000;
/// When the second packet is sent.
const SECOND_PACKET: Ms = 5_000;

pub fn run(toggled: &[MsgId]) -> Trace {
    let mut seq = Seq::new(
        vec![
            lane(
                format!("主机 A {A_IP}").as_str(),
                format!("Host A {A_IP}").as_str(),
            ),
            lane(
                format!("网关 {GW_IP}").as_str(),
                format!("Gateway {GW_IP}").as_str(),
            ),
            lane("主机 C 192.168.1.20", "Host C 192.168.1.20"),
        ],
        // A LAN answers in well under a millisecond; drawn slowed down so
        // the arrows have length.
        20,
        Axis::Millis,
        toggled,
    );
    let _ = script(&mut seq);
    seq.finish()
}

fn script(seq: &mut Seq) -> Option<()> {
    seq.local(
        0,
        A,
        LocalKind::CacheMiss,
        said("ARP 缓存里没有", "not in ARP cache"),
        said(
            format!("A 要把 IP 包发给网关 {GW_IP}（同一网段），但以太网帧要写对方的 MAC 地址，A 的 ARP 缓存里没有。"),
            format!("A must send an IP packet to the gateway {GW_IP} (same subnet), but an Ethernet frame needs the peer's MAC address, and A's ARP cache has none."),
        ),
    );
    let mut t = 0;
    let mut first: Option<MsgId> = None;
    let mut req_arrived = None;
    for attempt in 0..TRIES {
        let mut m = Msg::broadcast(A, "ARP Request")
            .field("dst", "ff:ff:ff:ff:ff:ff")
            .field("op", "1 (request)")
            .field("sender", format!("{A_MAC} {A_IP}"))
            .field("target", format!("00:00:00:00:00:00 {GW_IP}"))
            .droppable();
        if let Some(f) = first {
            m = m.retry_of(f);
        }
        let s = seq.send(
            t,
            m,
            if attempt == 0 {
                said(format!("A 广播：谁是 {GW_IP}？请告诉 {A_IP}。目的 MAC 是全 1，链路上每台主机都会收到。"), format!("A broadcasts: who has {GW_IP}? Tell {A_IP}. The destination MAC is all ones, so every host on the link receives it."))
            } else {
                said("没有回答：A 再广播一次。", "No reply: A broadcasts again.")
            },
            said("每台主机都收到了这个广播。", "Every host receives the broadcast."),
        );
        first.get_or_insert(s.id);
        if let Some(at) = s.arrives {
            req_arrived = Some((s.id, at));
            break;
        }
        seq.timer_start(
            t,
            A,
            TimerKind::QueryTimeout,
            RETRY,
            said(
                format!("等回答，{RETRY} ms 后重试。"),
                format!("Waiting for a reply; retry after {RETRY} ms."),
            ),
        );
        t += RETRY;
        seq.timer_fired(
            t,
            A,
            TimerKind::QueryTimeout,
            said("没等到回答。", "No reply came."),
        );
    }
    let Some((req, at)) = req_arrived else {
        seq.local(
            t,
            A,
            LocalKind::Failed,
            said("主机不可达", "host unreachable"),
            said(
                "始终没有回答：发送失败（EHOSTUNREACH）。",
                "Never a reply: sending fails (EHOSTUNREACH).",
            ),
        );
        return None;
    };
    seq.local(at, OTHER, LocalKind::Ignored, said("不是我", "not me"), said("C 看到目标 IP 不是自己，不回答；它的缓存里本来没有 A，也不为它新建条目（RFC 826 只更新已有的条目）。", "C sees the target IP is not its own and stays silent; it had no entry for A, so it adds none (RFC 826 only updates entries it already has)."));
    seq.local(at, GATEWAY, LocalKind::Cached, said("记下 A 的 MAC", "learns A's MAC"), said("网关是目标：它先记下 A 的 IP→MAC（请求里就有），以后回 A 的包不用再问。", "The gateway is the target: it first records A's IP→MAC (the request carries it), so it need not ask when it answers A."));
    let r = seq.send(
        at,
        Msg::new(GATEWAY, A, "ARP Reply")
            .over(Carrier::Ethernet)
            .reply_to(req)
            .field("dst", A_MAC)
            .field("op", "2 (reply)")
            .field("sender", format!("{GW_MAC} {GW_IP}"))
            .field("target", format!("{A_MAC} {A_IP}"))
            .droppable(),
        said(
            format!("网关单播回答：{GW_IP} 在 {GW_MAC}。"),
            format!("The gateway answers by unicast: {GW_IP} is at {GW_MAC}."),
        ),
        said("A 收到回答。", "A has the reply."),
    );
    let Some(back) = r.arrives else {
        seq.local(
            at + RETRY,
            A,
            LocalKind::Failed,
            said("没等到", "no reply"),
            said(
                "回答丢了：A 要到超时后才会再问（这里不再演示）。",
                "The reply was lost: A asks again only after its timeout (not shown).",
            ),
        );
        return None;
    };
    seq.local(
        back,
        A,
        LocalKind::Cached,
        said("缓存网关的 MAC", "caches the gateway's MAC"),
        said(
            "A 把 IP→MAC 的对应放进 ARP 缓存（可以用 arp -n 或 ip neigh 看到）。",
            "A puts the IP→MAC mapping in its ARP cache (arp -n or ip neigh shows it).",
        ),
    );
    seq.timer_start(
        back,
        A,
        TimerKind::Ttl,
        REACHABLE,
        said(
            "缓存条目有有效期，过期后要重新确认。",
            "The entry has a lifetime; after it, the mapping is checked again.",
        ),
    );
    seq.send(
        back,
        Msg::new(A, GATEWAY, "IPv4 packet")
            .over(Carrier::Ethernet)
            .field("dst", GW_MAC),
        said(
            "现在 A 可以把 IP 包装进以太网帧，发给网关的 MAC。",
            "Now A wraps the IP packet in an Ethernet frame to the gateway's MAC.",
        ),
        said(
            "网关收到这个包，再转发出去。",
            "The gateway receives the packet and forwards it.",
        ),
    );
    seq.local(SECOND_PACKET, A, LocalKind::CacheHit, said("缓存命中", "cache hit"), said("下一个包：ARP 缓存里有，直接发，不再广播。", "The next packet: the ARP cache has the mapping, so it goes straight out, no broadcast."));
    seq.send(
        SECOND_PACKET,
        Msg::new(A, GATEWAY, "IPv4 packet")
            .over(Carrier::Ethernet)
            .field("dst", GW_MAC),
        said("A 直接发出第二个包。", "A sends the second packet at once."),
        said("网关收到。", "The gateway receives it."),
    );
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::seq::{Dest, Event};

    #[test]
    fn who_has_is_broadcast_and_is_at_comes_back_unicast() {
        // RFC 826: the request goes to the broadcast address with op 1; the
        // target swaps the fields and answers with op 2 to the sender.
        let t = run(&[]);
        let req = &t.messages[0];
        assert_eq!(req.dest, Dest::Broadcast);
        assert_eq!(req.field("dst"), Some("ff:ff:ff:ff:ff:ff"));
        assert_eq!(req.targets(t.lanes.len()), [GATEWAY, OTHER]);
        let rep = &t.messages[1];
        assert_eq!((rep.from, rep.dest), (GATEWAY, Dest::Lane(A)));
        assert_eq!(rep.field("op"), Some("2 (reply)"));
        assert_eq!(rep.field("sender"), Some("02:00:00:00:00:01 192.168.1.1"));
        assert_eq!(rep.field("target"), req.field("sender"));
    }

    #[test]
    fn the_cache_spares_the_second_packet_a_broadcast() {
        let t = run(&[]);
        let names: Vec<&str> = t.messages.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            ["ARP Request", "ARP Reply", "IPv4 packet", "IPv4 packet"]
        );
        assert!(t.steps.iter().any(|s| s.at == SECOND_PACKET
            && matches!(
                s.event,
                Event::Local {
                    kind: LocalKind::CacheHit,
                    ..
                }
            )));
    }

    #[test]
    fn a_lost_request_is_broadcast_again_after_a_second() {
        let t = run(&[MsgId(0)]);
        assert!(t.messages[0].lost);
        assert_eq!(t.messages[1].retry_of, Some(MsgId(0)));
        assert_eq!(t.messages[1].send_time, RETRY);
    }
}
