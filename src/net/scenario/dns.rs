//! DNS (RFC 1034, RFC 1035): a stub resolver asks a recursive resolver,
//! which walks from the root to the TLD to the authoritative server
//! (RFC 1034 §5.3.3) and caches what it learns for each record's TTL; a
//! query lost over UDP is sent again after a timeout (RFC 1035 §4.2.1,
//! §7.2); a
//! reply too big for UDP comes back truncated (TC bit, RFC 1035 §4.1.1)
//! and the query is repeated over TCP (RFC 1035 §4.2.2, RFC 7766).
//!
//! The cache is its own pure type, time an argument: a test can ask it
//! what it holds at any moment.

use super::parts::{lane, said, GAP, RTO, TRIES};
use crate::net::seq::{
    Axis, Carrier, LaneId, LocalKind, Ms, Msg, MsgId, Said, Seq, TimerKind, Trace,
};

const STUB: LaneId = LaneId(0);
const RESOLVER: LaneId = LaneId(1);
const ROOT: LaneId = LaneId(2);
const TLD: LaneId = LaneId(3);
const AUTH: LaneId = LaneId(4);

/// The name looked up, and its answer (a documentation address, RFC 5737).
const NAME: &str = "www.example.com";
const ADDRESS: &str = "192.0.2.10";
/// TTLs in seconds, as the zones publish them: the A record 300 s, the
/// delegations two days (as the root and .com zones do).
const A_TTL_S: u32 = 300;
const NS_TTL_S: u32 = 172_800;
/// How long a resolver waits for a UDP answer before asking again. Real
/// resolvers start near this and adapt it to each server's measured RTT.
const QUERY_TIMEOUT: Ms = 400;
const QUERY_TRIES: u8 = 3;

/// When the second lookup happens in the two cache scenarios: within the
/// A record's TTL, and after it ran out.
pub const SECOND_LOOKUP_SOON: Ms = 60_000;
pub const SECOND_LOOKUP_LATE: Ms = 400_000;

/// A resolver's cache: each entry keeps its record until its TTL runs out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cache {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// `www.example.com A`, `example.com NS`.
    key: String,
    value: String,
    stored_at: Ms,
    ttl_s: u32,
}

/// A record found in the cache, with the TTL it has left: what a resolver
/// hands on (RFC 1035 §3.2.1: the TTL is how long a record may be
/// cached, so a cache hands on the time that is left).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cached {
    pub value: String,
    pub ttl_left_s: u32,
}

impl Cache {
    pub fn put(&mut self, key: &str, value: &str, ttl_s: u32, now: Ms) {
        self.entries.retain(|e| e.key != key);
        self.entries.push(Entry {
            key: key.to_string(),
            value: value.to_string(),
            stored_at: now,
            ttl_s,
        });
    }

    /// The record, if it is still fresh at `now`.
    pub fn get(&self, key: &str, now: Ms) -> Option<Cached> {
        let e = self.entries.iter().find(|e| e.key == key)?;
        let age_ms = now.checked_sub(e.stored_at)?;
        let ttl_ms = e.ttl_s.saturating_mul(1000);
        (age_ms < ttl_ms).then(|| Cached {
            value: e.value.clone(),
            ttl_left_s: (ttl_ms - age_ms) / 1000,
        })
    }

    /// When the record stops being fresh.
    pub fn expires(&self, key: &str) -> Option<Ms> {
        let e = self.entries.iter().find(|e| e.key == key)?;
        Some(e.stored_at.saturating_add(e.ttl_s.saturating_mul(1000)))
    }
}

fn lanes_full(toggled: &[MsgId]) -> Seq<'_> {
    let mut seq = Seq::new(
        vec![
            lane("客户端（存根解析器）", "Client (stub resolver)"),
            lane("递归解析器", "Recursive resolver"),
            lane("根服务器", "Root server"),
            lane(".com 服务器", ".com TLD server"),
            lane("example.com 权威服务器", "example.com authoritative"),
        ],
        10,
        Axis::Millis,
        toggled,
    );
    seq.link(RESOLVER, ROOT, 20);
    seq.link(RESOLVER, TLD, 30);
    seq.link(RESOLVER, AUTH, 40);
    seq
}

/// One query and its answer over UDP, asked again after `QUERY_TIMEOUT`
/// when either is lost. Returns when the answer arrives, with the answer's
/// id; `None` once the asker gives up.
#[allow(clippy::too_many_arguments)]
fn udp_exchange(
    seq: &mut Seq,
    at: Ms,
    asker: LaneId,
    server: LaneId,
    query: &dyn Fn(Msg) -> Msg,
    answer: &dyn Fn(Msg) -> Msg,
    says: [Said; 4],
) -> Option<(MsgId, Ms)> {
    let [q_sent, q_arrived, a_sent, a_arrived] = says;
    let mut t = at;
    let mut first: Option<MsgId> = None;
    for attempt in 0..QUERY_TRIES {
        let mut q = query(
            Msg::new(asker, server, "Query")
                .over(Carrier::Udp)
                .droppable(),
        );
        if let Some(f) = first {
            q = q.retry_of(f);
        }
        let sent = if attempt == 0 {
            q_sent.clone()
        } else {
            said(
                "超时后重发同一个查询（同一个 ID）：UDP 不会替它重传，重传是 DNS 自己的事。",
                "After the timeout the same query (same ID) goes again: UDP retransmits nothing, so DNS does it itself.",
            )
        };
        let s = seq.send(t, q, sent, q_arrived.clone());
        first.get_or_insert(s.id);
        seq.timer_start(
            t,
            asker,
            TimerKind::QueryTimeout,
            QUERY_TIMEOUT,
            said(
                format!("开始等回答：{QUERY_TIMEOUT} ms 内没有就重发。"),
                format!(
                    "Waiting for the answer: if none comes within {QUERY_TIMEOUT} ms, ask again."
                ),
            ),
        );
        if let Some(arr) = s.arrives {
            let a = answer(
                Msg::new(server, asker, "Response")
                    .over(Carrier::Udp)
                    .reply_to(s.id)
                    .droppable(),
            );
            let r = seq.send(arr, a, a_sent.clone(), a_arrived.clone());
            if let Some(back) = r.arrives {
                seq.timer_cancel(
                    back,
                    asker,
                    TimerKind::QueryTimeout,
                    said(
                        "回答到了，停止计时。",
                        "The answer is here; the timer stops.",
                    ),
                );
                return Some((r.id, back));
            }
        }
        t += QUERY_TIMEOUT;
        seq.timer_fired(
            t,
            asker,
            TimerKind::QueryTimeout,
            said("超时：没等到回答。", "Timeout: no answer came."),
        );
    }
    seq.local(
        t,
        asker,
        LocalKind::Failed,
        said("放弃", "gives up"),
        said(
            "重试次数用完，查询失败（SERVFAIL）。",
            "Out of retries: the lookup fails (SERVFAIL).",
        ),
    );
    None
}

fn stub_query(m: Msg) -> Msg {
    m.field("qname", NAME).field("qtype", "A").field("RD", "1")
}

fn iter_query(m: Msg) -> Msg {
    m.field("qname", NAME).field("qtype", "A").field("RD", "0")
}

/// The walk from the root down, as RFC 1034 §5.3.3 step 3 describes:
/// ask the closest known servers, follow referrals, cache everything.
/// Starts at the root unless the cache already knows a closer zone.
fn resolve(seq: &mut Seq, cache: &mut Cache, at: Ms) -> Option<Ms> {
    let mut t = at;
    if cache.get("example.com NS", t).is_none() {
        let (_, back) = udp_exchange(
            seq,
            t,
            RESOLVER,
            ROOT,
            &iter_query,
            &|m: Msg| m.field("authority", "com. NS a.gtld-servers.net").field("additional", "a.gtld-servers.net A 192.5.6.30"),
            [
                said("解析器从根服务器问起（它的地址是内置的“根提示”）。", "The resolver starts at a root server (whose address it ships with: the root hints)."),
                said("根服务器不知道 www.example.com，但知道谁管 .com。", "The root does not know www.example.com, but knows who runs .com."),
                said("根服务器回一个转介（referral）：.com 的 NS 记录和它们的地址（胶水记录）。", "The root answers with a referral: the NS records of .com and their addresses (glue)."),
                said("解析器记下 .com 的服务器（TTL 两天），转去问它。", "The resolver caches the .com servers (TTL two days) and asks them next."),
            ],
        )?;
        cache.put("com NS", "a.gtld-servers.net", NS_TTL_S, back);
        seq.local(
            back,
            RESOLVER,
            LocalKind::Cached,
            said("缓存 com NS", "cached com NS"),
            said(
                "缓存：com. NS，TTL 172800 s。",
                "Cached: com. NS, TTL 172800 s.",
            ),
        );
        let (_, back2) = udp_exchange(
            seq,
            back + GAP,
            RESOLVER,
            TLD,
            &iter_query,
            &|m: Msg| {
                m.field("authority", "example.com. NS ns1.example.com")
                    .field("additional", "ns1.example.com A 192.0.2.53")
            },
            [
                said(
                    "解析器问 .com 的服务器。",
                    "The resolver asks a .com server.",
                ),
                said(
                    ".com 服务器知道 example.com 委派给了谁。",
                    "The .com server knows where example.com is delegated.",
                ),
                said(
                    ".com 服务器也回转介：example.com 的 NS 和地址。",
                    "The .com server also answers with a referral: example.com's NS and address.",
                ),
                said(
                    "解析器记下 example.com 的服务器，转去问它。",
                    "The resolver caches example.com's server and asks it next.",
                ),
            ],
        )?;
        cache.put("example.com NS", "ns1.example.com", NS_TTL_S, back2);
        seq.local(
            back2,
            RESOLVER,
            LocalKind::Cached,
            said("缓存 example.com NS", "cached example.com NS"),
            said(
                "缓存：example.com. NS，TTL 172800 s。",
                "Cached: example.com. NS, TTL 172800 s.",
            ),
        );
        t = back2 + GAP;
    } else {
        seq.local(
            t,
            RESOLVER,
            LocalKind::CacheHit,
            said("已知 example.com NS", "knows example.com NS"),
            said("A 记录过期了，但 example.com 的 NS 记录（TTL 两天）还在缓存里：跳过根和 .com，直接问权威服务器。", "The A record has expired, but example.com's NS record (TTL two days) is still cached: skip the root and .com and ask the authoritative server directly."),
        );
    }
    let (_, back) = udp_exchange(
        seq,
        t,
        RESOLVER,
        AUTH,
        &iter_query,
        &|m: Msg| m.field("AA", "1").field("answer", format!("{NAME} A {ADDRESS} TTL {A_TTL_S}")),
        [
            said("解析器问 example.com 的权威服务器。", "The resolver asks example.com's authoritative server."),
            said("权威服务器有这条记录。", "The authoritative server has the record."),
            said("权威服务器回答（AA=1，权威回答）：地址和 TTL 300 s。", "The authoritative server answers (AA=1, authoritative): the address and TTL 300 s."),
            said("解析器拿到了答案。", "The resolver has the answer."),
        ],
    )?;
    cache.put("www.example.com A", ADDRESS, A_TTL_S, back);
    seq.local(back, RESOLVER, LocalKind::Cached, said("缓存 A 300 s", "cached A 300 s"), said("缓存：www.example.com A，TTL 300 s。TTL 到期前，同样的问题直接从缓存回答。", "Cached: www.example.com A, TTL 300 s. Until it runs out the same question is answered from the cache."));
    seq.timer_start(
        back,
        RESOLVER,
        TimerKind::Ttl,
        A_TTL_S * 1000,
        said(
            "A 记录的 TTL 开始倒数。",
            "The A record's TTL starts counting down.",
        ),
    );
    Some(back)
}

/// One lookup by the stub, answered from the cache when it can be.
fn lookup_once(seq: &mut Seq, cache: &mut Cache, at: Ms, nth: u8) -> Option<Ms> {
    let q = seq.send(
        at,
        stub_query(Msg::new(STUB, RESOLVER, "Query").over(Carrier::Udp)),
        if nth == 0 {
            said("应用要连 www.example.com：存根解析器通过 UDP 53 端口问递归解析器（RD=1：请替我递归）。", "An application wants www.example.com: the stub resolver asks the recursive resolver over UDP port 53 (RD=1: recursion desired).")
        } else {
            said("稍后又有人查同一个名字。", "Later someone looks up the same name again.")
        },
        said("递归解析器先查自己的缓存。", "The recursive resolver checks its cache first."),
    );
    let arr = q.arrives?;
    let (answer, ttl, t) = match cache.get("www.example.com A", arr) {
        Some(hit) => {
            seq.local(
                arr,
                RESOLVER,
                LocalKind::CacheHit,
                said(
                    format!("命中，剩 {} s", hit.ttl_left_s),
                    format!("hit, {} s left", hit.ttl_left_s),
                ),
                said(
                    format!(
                        "缓存命中：记录还有 {} s 才过期，不用再问任何服务器。",
                        hit.ttl_left_s
                    ),
                    format!(
                        "Cache hit: the record has {} s to live, so no server is asked.",
                        hit.ttl_left_s
                    ),
                ),
            );
            (hit.value, hit.ttl_left_s, arr)
        }
        None => {
            seq.local(
                arr,
                RESOLVER,
                LocalKind::CacheMiss,
                said("未命中", "miss"),
                if nth == 0 {
                    said(
                        "缓存里没有：解析器得自己去一级级问。",
                        "Not cached: the resolver must ask, level by level.",
                    )
                } else {
                    said(
                        "缓存里的 A 记录已过期：得重新问。",
                        "The cached A record has expired: it must ask again.",
                    )
                },
            );
            let back = resolve(seq, cache, arr + GAP)?;
            (ADDRESS.to_string(), A_TTL_S, back)
        }
    };
    let r = seq.send(
        t,
        Msg::new(RESOLVER, STUB, "Response")
            .over(Carrier::Udp)
            .reply_to(q.id)
            .field("RA", "1")
            .field("answer", format!("{NAME} A {answer} TTL {ttl}")),
        said(
            format!("解析器把答案交给客户端，TTL 是剩下的 {ttl} s。"),
            format!("The resolver hands the answer to the client with the TTL left: {ttl} s."),
        ),
        said(
            format!("客户端得到地址 {answer}，可以去连接了。"),
            format!("The client has the address {answer} and can connect."),
        ),
    );
    r.arrives
}

/// A cold lookup, then the same name again at `second_at`: from the cache
/// while the TTL lasts, from the authoritative server after it ran out.
pub fn lookup(second_at: Ms, toggled: &[MsgId]) -> Trace {
    let mut seq = lanes_full(toggled);
    let mut cache = Cache::default();
    if lookup_once(&mut seq, &mut cache, 0, 0).is_some() {
        if let Some(exp) = cache.expires("www.example.com A") {
            if exp <= second_at {
                seq.timer_fired(
                    exp,
                    RESOLVER,
                    TimerKind::Ttl,
                    said(
                        "TTL 到期：这条 A 记录从缓存里删掉。",
                        "The TTL runs out: the A record leaves the cache.",
                    ),
                );
            }
        }
        let _ = lookup_once(&mut seq, &mut cache, second_at, 1);
    }
    seq.finish()
}

/// The query to the .com server is lost on the way; the resolver asks
/// again after its timeout.
pub fn udp_lost(toggled: &[MsgId]) -> Trace {
    // The lost query is message 3 (after the stub's query, the root query
    // and the root's answer). The scenario loses it by flipping it; a
    // reader's flip of the same message restores it.
    let lost = MsgId(3);
    let mut flips: Vec<MsgId> = toggled.iter().copied().filter(|&m| m != lost).collect();
    if !toggled.contains(&lost) {
        flips.push(lost);
    }
    let mut seq = lanes_full(&flips);
    let mut cache = Cache::default();
    let _ = lookup_once(&mut seq, &mut cache, 0, 0);
    seq.finish()
}

/// The authoritative answer does not fit in a UDP reply: it comes back
/// with TC=1 and the resolver asks again over TCP.
pub fn truncated(toggled: &[MsgId]) -> Trace {
    let mut seq = Seq::new(
        vec![
            lane("客户端（存根解析器）", "Client (stub resolver)"),
            lane("递归解析器", "Recursive resolver"),
            lane("example.com 权威服务器", "example.com authoritative"),
        ],
        10,
        Axis::Millis,
        toggled,
    );
    const AUTH3: LaneId = LaneId(2);
    seq.link(RESOLVER, AUTH3, 40);
    let _ = truncated_script(&mut seq, AUTH3);
    seq.finish()
}

fn truncated_script(seq: &mut Seq, auth: LaneId) -> Option<()> {
    let q = seq.send(
        0,
        Msg::new(STUB, RESOLVER, "Query")
            .over(Carrier::Udp)
            .field("qname", "example.com")
            .field("qtype", "TXT")
            .field("RD", "1"),
        said(
            "客户端查 example.com 的 TXT 记录（很长，例如一堆域名验证和 SPF 记录）。",
            "The client asks for example.com's TXT records (long ones: domain verifications, SPF).",
        ),
        said(
            "解析器的缓存里没有 TXT 记录，但知道 example.com 的权威服务器。",
            "The resolver has no TXT records cached, but knows example.com's authoritative server.",
        ),
    );
    let arr = q.arrives?;
    let (_, back) = udp_exchange(
        seq,
        arr + GAP,
        RESOLVER,
        auth,
        &|m: Msg| m.field("qname", "example.com").field("qtype", "TXT").field("udp_size", "1232"),
        &|m: Msg| m.field("TC", "1").field("answer", "（空 / empty）"),
        [
            said("解析器先用 UDP 问，告诉对方它能收 1232 字节的 UDP 回答（EDNS0）。", "The resolver asks over UDP first, saying it accepts UDP replies up to 1232 bytes (EDNS0)."),
            said("回答有 3 KB，装不进一个 UDP 回答。", "The answer is 3 KB: it does not fit in one UDP reply."),
            said("服务器回一个截断的回答：TC=1（RFC 1035 §4.1.1），意思是“完整的答案请用 TCP 来取”。", "The server replies truncated: TC=1 (RFC 1035 §4.1.1), meaning \"fetch the full answer over TCP\"."),
            said("解析器看到 TC=1，丢掉这个不完整的回答，改用 TCP（RFC 7766）。", "The resolver sees TC=1, discards the partial reply and switches to TCP (RFC 7766)."),
        ],
    )?;
    let open = super::parts::tcp_handshake(seq, back + GAP, RESOLVER, auth)?;
    let (tq, tq_at) = seq.send_reliably(
        open.client_ready + GAP,
        Msg::new(RESOLVER, auth, "Query")
            .field("length", "2 字节前缀 / 2-byte prefix")
            .field("qname", "example.com")
            .field("qtype", "TXT")
            .droppable(),
        RTO,
        TRIES,
        said(
            "同一个查询走 TCP 53 端口，前面加两字节长度（RFC 1035 §4.2.2）。",
            "The same query over TCP port 53, prefixed with a two-byte length (RFC 1035 §4.2.2).",
        ),
        said(
            "服务器收到 TCP 上的查询。",
            "The server has the query over TCP.",
        ),
    )?;
    let (_, full) = seq.send_reliably(
        tq_at,
        Msg::new(auth, RESOLVER, "Response").reply_to(tq).field("TC", "0").field("answer", "example.com TXT × 12（3 KB）").droppable(),
        RTO,
        TRIES,
        said("完整的回答走 TCP：TCP 是字节流，多大都能传。", "The full answer goes over TCP: a byte stream carries any size."),
        said("解析器拿到完整的 TXT 记录；TCP 连接可以留着给后面的查询用（RFC 7766 §6.2.1）。", "The resolver has all the TXT records; the TCP connection may stay open for more queries (RFC 7766 §6.2.1)."),
    )?;
    seq.send(
        full,
        Msg::new(RESOLVER, STUB, "Response").over(Carrier::Udp).reply_to(q.id).field("answer", "example.com TXT × 12"),
        said("解析器把答案交给客户端（本地网络里，客户端与解析器之间同样可能需要 TCP）。", "The resolver hands the answer on (between client and resolver the same TC dance may happen)."),
        said("客户端得到完整答案。", "The client has the whole answer."),
    );
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::seq::{Event, Trace};

    fn path(t: &Trace) -> Vec<(u8, u8, String)> {
        t.messages
            .iter()
            .map(|m| {
                let to = match m.dest {
                    crate::net::seq::Dest::Lane(l) => l.0,
                    crate::net::seq::Dest::Broadcast => 255,
                };
                (m.from.0, to, m.name.clone())
            })
            .collect()
    }

    #[test]
    fn the_cache_keeps_a_record_for_its_ttl_and_counts_it_down() {
        // RFC 1035 §3.2.1: TTL is how long a record may be cached.
        let mut c = Cache::default();
        c.put("a", "1.2.3.4", 300, 1_000);
        assert_eq!(
            c.get("a", 1_000),
            Some(Cached {
                value: "1.2.3.4".into(),
                ttl_left_s: 300
            })
        );
        assert_eq!(c.get("a", 61_000).map(|h| h.ttl_left_s), Some(240));
        assert_eq!(c.get("a", 300_999).map(|h| h.ttl_left_s), Some(0));
        assert_eq!(c.get("a", 301_000), None, "expired at stored + TTL");
        assert_eq!(c.get("a", 0), None, "not before it was stored");
        assert_eq!(c.expires("a"), Some(301_000));
    }

    #[test]
    fn a_cold_lookup_walks_root_tld_authoritative() {
        // RFC 1034 §5.3.3: follow referrals from the root down.
        let t = lookup(SECOND_LOOKUP_SOON, &[]);
        let p = path(&t);
        let q = |a: u8, b: u8| (a, b, "Query".to_string());
        let r = |a: u8, b: u8| (a, b, "Response".to_string());
        assert_eq!(
            p[..8],
            [
                q(0, 1),
                q(1, 2),
                r(2, 1),
                q(1, 3),
                r(3, 1),
                q(1, 4),
                r(4, 1),
                r(1, 0)
            ]
        );
        // The stub asks for recursion; the resolver's own queries do not.
        assert_eq!(t.messages[0].field("RD"), Some("1"));
        assert_eq!(t.messages[1].field("RD"), Some("0"));
        assert_eq!(t.messages[6].field("AA"), Some("1"));
        assert!(t.messages.iter().all(|m| m.carrier == Carrier::Udp));
    }

    #[test]
    fn the_second_lookup_within_the_ttl_is_answered_from_the_cache() {
        let t = lookup(SECOND_LOOKUP_SOON, &[]);
        let p = path(&t);
        assert_eq!(p.len(), 10, "just the stub's question and the answer");
        assert_eq!(p[8], (0, 1, "Query".into()));
        assert_eq!(p[9], (1, 0, "Response".into()));
        // Stored at about 190 ms, asked 60 s later: 240 s left.
        let ans = t.messages[9].field("answer").expect("answer");
        assert!(ans.ends_with("TTL 240"), "{ans}");
        assert!(t.steps.iter().any(|s| matches!(
            s.event,
            Event::Local {
                kind: LocalKind::CacheHit,
                ..
            }
        )));
    }

    #[test]
    fn after_the_ttl_only_the_authoritative_server_is_asked_again() {
        let t = lookup(SECOND_LOOKUP_LATE, &[]);
        let p = path(&t);
        // The NS records (two days) outlive the A record (300 s).
        assert_eq!(
            p[8..],
            [
                (0, 1, "Query".into()),
                (1, 4, "Query".into()),
                (4, 1, "Response".into()),
                (1, 0, "Response".into())
            ]
        );
        assert!(t.messages[11]
            .field("answer")
            .is_some_and(|a| a.ends_with("TTL 300")));
        assert!(t.steps.iter().any(|s| matches!(
            s.event,
            Event::TimerFired {
                kind: TimerKind::Ttl,
                ..
            }
        )));
    }

    #[test]
    fn a_lost_udp_query_is_asked_again_after_the_timeout() {
        // RFC 1035 §4.2.1 (UDP) and §7.2: the resolver retransmits after
        // a timeout.
        let t = udp_lost(&[]);
        let lost = &t.messages[3];
        assert_eq!(
            (lost.from, lost.name.as_str(), lost.lost),
            (RESOLVER, "Query", true)
        );
        let retry = &t.messages[4];
        assert_eq!(retry.retry_of, Some(MsgId(3)));
        assert_eq!(retry.send_time, lost.send_time + QUERY_TIMEOUT);
        assert!(t.steps.iter().any(|s| matches!(
            s.event,
            Event::TimerFired {
                kind: TimerKind::QueryTimeout,
                ..
            }
        )));
        // The sandbox can restore it: then nothing is retried.
        let fixed = udp_lost(&[MsgId(3)]);
        assert!(fixed
            .messages
            .iter()
            .all(|m| m.retry_of.is_none() && !m.lost));
    }

    #[test]
    fn a_truncated_reply_is_asked_again_over_tcp() {
        // RFC 1035 §4.2.2 and RFC 7766 §5: on TC=1, retry over TCP.
        let t = truncated(&[]);
        let tc = t
            .messages
            .iter()
            .position(|m| m.field("TC") == Some("1"))
            .expect("a truncated reply");
        assert_eq!(t.messages[tc].carrier, Carrier::Udp);
        let after: Vec<_> = t.messages[tc + 1..]
            .iter()
            .map(|m| (m.name.as_str(), m.carrier))
            .collect();
        assert_eq!(
            after,
            [
                ("SYN", Carrier::Tcp),
                ("SYN, ACK", Carrier::Tcp),
                ("ACK", Carrier::Tcp),
                ("Query", Carrier::Tcp),
                ("Response", Carrier::Tcp),
                ("Response", Carrier::Udp)
            ]
        );
        assert_eq!(t.messages[tc + 5].field("TC"), Some("0"));
    }
}
