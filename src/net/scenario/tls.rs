//! TLS handshakes on top of the TCP handshake, so the round trips add up:
//! TLS 1.3's full handshake (RFC 8446 §2, Figure 1), TLS 1.2's (RFC 5246
//! §7.3, Figure 1, with ECDHE as in RFC 8422), and TLS 1.3 resumption with
//! 0-RTT early data (RFC 8446 §2.3, Figure 4).
//!
//! Each message's caption says what it proves: the certificate chain the
//! server's identity, the key exchange the secrecy of the keys, Finished
//! the integrity of the whole handshake.

use super::parts::{client_server, said, tcp_handshake, CLIENT, GAP, RTO, SERVER, TRIES};
use crate::net::seq::{LocalKind, Ms, Msg, MsgId, Protection, Seq, Trace};

use Protection::{Application, Early, Handshake};

/// A message of a flight, sent `GAP` after the previous one; returns the
/// arrival time (`None` if TCP gave up on it).
fn flight(
    seq: &mut Seq,
    at: &mut Ms,
    msg: Msg,
    sent: (&str, &str),
    arrived: (&str, &str),
) -> Option<(MsgId, Ms)> {
    let r = seq.send_reliably(
        *at,
        msg.droppable(),
        RTO,
        TRIES,
        said(sent.0, sent.1),
        said(arrived.0, arrived.1),
    );
    *at += GAP;
    r
}

fn proved(
    seq: &mut Seq,
    at: Ms,
    lane: crate::net::seq::LaneId,
    kind: LocalKind,
    mark: (&str, &str),
    caption: (&str, &str),
) {
    seq.local(
        at,
        lane,
        kind,
        said(mark.0, mark.1),
        said(caption.0, caption.1),
    );
}

/// The request and the response once the handshake is done.
fn request(seq: &mut Seq, at: Ms, protection: Protection) -> Option<Ms> {
    let (get, get_at) = seq.send_reliably(
        at,
        Msg::new(CLIENT, SERVER, "GET /")
            .protected(protection)
            .field("Host", "example.com")
            .droppable(),
        RTO,
        TRIES,
        said(
            "客户端用应用流量密钥加密 HTTP 请求发出。",
            "The client sends the HTTP request, encrypted with the application traffic keys.",
        ),
        said("服务器解密得到请求。", "The server decrypts the request."),
    )?;
    let (_, done) = seq.send_reliably(
        get_at,
        Msg::new(SERVER, CLIENT, "200 OK")
            .protected(Application)
            .reply_to(get)
            .droppable(),
        RTO,
        TRIES,
        said(
            "服务器加密发回响应。",
            "The server sends the response, encrypted.",
        ),
        said(
            "客户端收到响应：从第一个 SYN 算起共几个往返，看左边的往返数。",
            "The client has the response: count the round trips since the first SYN on the axis.",
        ),
    )?;
    Some(done)
}

/// RFC 8446 §2, Figure 1, after a TCP handshake.
pub fn tls13(toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let _ = tls13_script(&mut seq);
    seq.finish()
}

fn tls13_script(seq: &mut Seq) -> Option<()> {
    let open = tcp_handshake(seq, 0, CLIENT, SERVER)?;
    let ch_at = open.client_ready + GAP;
    let (ch, ch_arr) = seq.send_reliably(
        ch_at,
        Msg::new(CLIENT, SERVER, "ClientHello")
            .field("supported_versions", "TLS 1.3")
            .field("key_share", "x25519 公钥 / public key")
            .field("signature_algorithms", "ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256")
            .field("server_name", "example.com")
            .droppable(),
        RTO,
        TRIES,
        said(
            "客户端发 ClientHello：支持的版本、密码套件，以及它猜服务器会选的组的 key_share（ECDHE 公钥）。这样一来密钥交换在第一个消息里就开始了。",
            "The client sends ClientHello: versions, cipher suites, and a key_share (an ECDHE public key) for the group it guesses the server will pick. The key exchange starts in the very first message.",
        ),
        said(
            "服务器收到 ClientHello，选定 TLS 1.3、密码套件和组。",
            "The server gets ClientHello and picks TLS 1.3, a cipher suite and the group.",
        ),
    )?;
    let mut t = ch_arr;
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ServerHello")
            .field("supported_versions", "TLS 1.3")
            .field("key_share", "x25519 公钥 / public key")
            .reply_to(ch),
        ("服务器回 ServerHello，带上自己的 key_share。之后的一切都用握手密钥加密（{} 表示）。", "The server answers ServerHello with its own key_share. Everything after it is encrypted with handshake keys (shown in {})."),
        ("客户端收到 ServerHello：双方各有对方的公钥，算出同一个共享秘密，窃听者算不出来——这是保密性。", "The client has ServerHello: each side has the other's public key and computes the same shared secret, which an eavesdropper cannot — this gives secrecy."),
    )?;
    proved(
        seq,
        ch_arr,
        SERVER,
        LocalKind::KeysReady,
        ("握手密钥", "handshake keys"),
        (
            "服务器由 ECDHE 共享秘密派生出握手流量密钥（HKDF）。",
            "The server derives the handshake traffic keys from the ECDHE shared secret (HKDF).",
        ),
    );
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "EncryptedExtensions")
            .field("alpn", "h2")
            .protected(Handshake),
        (
            "{EncryptedExtensions}：协商结果（如 ALPN），已经加密。",
            "{EncryptedExtensions}: negotiated settings (such as ALPN), already encrypted.",
        ),
        (
            "客户端用握手密钥解密 EncryptedExtensions。",
            "The client decrypts EncryptedExtensions with the handshake keys.",
        ),
    )?;
    let (_, cert_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "Certificate")
            .field("chain", "example.com ← 中间 CA / intermediate CA")
            .protected(Handshake),
        ("{Certificate}：服务器的证书链。", "{Certificate}: the server's certificate chain."),
        ("客户端验证证书链：每张证书由上一级签名，直到它信任的根 CA，且名字是 example.com——这证明了公钥属于谁（身份）。", "The client checks the chain: each certificate signed by the next, up to a root CA it trusts, and the name is example.com — this proves whose public key it is (identity)."),
    )?;
    let (_, cv_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "CertificateVerify")
            .field("signature", "ecdsa_secp256r1_sha256")
            .protected(Handshake),
        ("{CertificateVerify}：服务器用证书私钥对到目前为止的握手记录签名。", "{CertificateVerify}: the server signs the handshake so far with its certificate's private key."),
        ("客户端用证书里的公钥验证签名：对面真的持有这张证书的私钥，而不是拿了别人的证书。", "The client checks the signature with the certificate's public key: the peer really holds the private key, rather than replaying someone's certificate."),
    )?;
    let (_, sfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "Finished")
            .field("verify_data", "HMAC(握手记录 / transcript)")
            .protected(Handshake),
        ("{Finished}：对整个握手记录的 MAC。", "{Finished}: a MAC over the whole handshake transcript."),
        ("客户端验证服务器的 Finished：握手中没有任何消息被篡改（完整性）。", "The client checks the server's Finished: no message of the handshake was tampered with (integrity)."),
    )?;
    proved(
        seq,
        cert_arr,
        CLIENT,
        LocalKind::Verified,
        ("证书链 ✓", "chain ✓"),
        (
            "身份：证书链验证通过。",
            "Identity: the certificate chain checks out.",
        ),
    );
    proved(
        seq,
        cv_arr,
        CLIENT,
        LocalKind::Verified,
        ("签名 ✓", "signature ✓"),
        (
            "私钥：CertificateVerify 的签名验证通过。",
            "Private key: CertificateVerify's signature checks out.",
        ),
    );
    proved(seq, sfin_arr, CLIENT, LocalKind::Verified, ("Finished ✓", "Finished ✓"), ("完整性：服务器的 Finished 验证通过，客户端派生出应用流量密钥。", "Integrity: the server's Finished checks out; the client derives the application traffic keys."));
    let mut t = sfin_arr;
    let (_, cfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "Finished")
            .field("verify_data", "HMAC(握手记录 / transcript)")
            .protected(Handshake),
        (
            "客户端发自己的 {Finished}。TLS 握手只用了一个往返。",
            "The client sends its own {Finished}. The TLS handshake took one round trip.",
        ),
        (
            "服务器验证客户端的 Finished：双方看到的是同一个握手。",
            "The server checks the client's Finished: both saw the same handshake.",
        ),
    )?;
    proved(
        seq,
        cfin_arr,
        SERVER,
        LocalKind::Verified,
        ("Finished ✓", "Finished ✓"),
        (
            "服务器确认握手完整。",
            "The server confirms the handshake's integrity.",
        ),
    );
    let done = request(seq, t, Application)?;
    proved(seq, done, CLIENT, LocalKind::Ready, ("完成", "done"), ("TCP 一个往返 + TLS 1.3 一个往返 + 请求一个往返 = 3 个往返拿到响应。", "One round trip for TCP, one for TLS 1.3, one for the request: the response after 3 round trips."));
    Some(())
}

/// RFC 5246 §7.3, Figure 1 (ECDHE_RSA/ECDSA key exchange), after TCP.
pub fn tls12(toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let _ = tls12_script(&mut seq);
    seq.finish()
}

fn tls12_script(seq: &mut Seq) -> Option<()> {
    let open = tcp_handshake(seq, 0, CLIENT, SERVER)?;
    let (ch, ch_arr) = seq.send_reliably(
        open.client_ready + GAP,
        Msg::new(CLIENT, SERVER, "ClientHello")
            .field("version", "TLS 1.2")
            .field("cipher_suites", "ECDHE-ECDSA-AES128-GCM-SHA256, …")
            .field("random", "32 字节 / bytes")
            .droppable(),
        RTO,
        TRIES,
        said(
            "客户端发 ClientHello：版本、随机数、支持的密码套件。TLS 1.2 的 ClientHello 里还没有密钥交换。",
            "The client sends ClientHello: version, a random, the cipher suites. In TLS 1.2 no key exchange is in it yet.",
        ),
        said("服务器选定密码套件。", "The server picks a cipher suite."),
    )?;
    let mut t = ch_arr;
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ServerHello")
            .field("cipher_suite", "ECDHE-ECDSA-AES128-GCM-SHA256")
            .field("random", "32 字节 / bytes")
            .reply_to(ch),
        (
            "服务器回 ServerHello：选中的套件和它的随机数。",
            "The server answers ServerHello: the chosen suite and its random.",
        ),
        ("客户端收到 ServerHello。", "The client has ServerHello."),
    )?;
    let (_, cert_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "Certificate")
            .field("chain", "example.com ← 中间 CA / intermediate CA"),
        (
            "服务器发证书链（TLS 1.2 里是明文）。",
            "The server sends its certificate chain (in the clear in TLS 1.2).",
        ),
        (
            "客户端验证证书链到受信任的根 CA：身份。",
            "The client checks the chain up to a trusted root CA: identity.",
        ),
    )?;
    let (_, ske_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ServerKeyExchange")
            .field("curve", "x25519")
            .field("public", "ECDHE 公钥 / public key")
            .field("signature", "签名(随机数 + 参数) / sig(randoms + params)"),
        ("ServerKeyExchange：服务器的 ECDHE 公钥，连同双方随机数一起用证书私钥签名。", "ServerKeyExchange: the server's ECDHE public key, signed together with both randoms by the certificate's private key."),
        ("客户端验证签名：这把 ECDHE 公钥确实来自证书的主人，不是中间人换的。", "The client checks the signature: this ECDHE key really comes from the certificate's owner, not a man in the middle."),
    )?;
    let (_, shd_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ServerHelloDone"),
        (
            "ServerHelloDone：服务器这一轮说完了。",
            "ServerHelloDone: the server's flight is over.",
        ),
        (
            "客户端收到 ServerHelloDone：第二个往返结束，轮到它。",
            "The client has ServerHelloDone: the second round trip is over; its turn.",
        ),
    )?;
    proved(
        seq,
        cert_arr,
        CLIENT,
        LocalKind::Verified,
        ("证书链 ✓", "chain ✓"),
        (
            "身份：证书链验证通过。",
            "Identity: the certificate chain checks out.",
        ),
    );
    proved(
        seq,
        ske_arr,
        CLIENT,
        LocalKind::Verified,
        ("签名 ✓", "signature ✓"),
        (
            "ServerKeyExchange 的签名验证通过。",
            "ServerKeyExchange's signature checks out.",
        ),
    );
    let mut t = shd_arr;
    let (_, cke_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "ClientKeyExchange").field("public", "ECDHE 公钥 / public key"),
        ("ClientKeyExchange：客户端的 ECDHE 公钥。双方由此算出同一个预主密钥，再与两个随机数一起得出主密钥——保密性。", "ClientKeyExchange: the client's ECDHE public key. Both sides now compute the same premaster secret and, with the two randoms, the master secret — secrecy."),
        ("服务器算出同样的主密钥。", "The server computes the same master secret."),
    )?;
    proved(
        seq,
        shd_arr,
        CLIENT,
        LocalKind::KeysReady,
        ("主密钥", "master secret"),
        (
            "客户端算出主密钥和会话密钥。",
            "The client computes the master secret and the session keys.",
        ),
    );
    proved(
        seq,
        cke_arr,
        SERVER,
        LocalKind::KeysReady,
        ("主密钥", "master secret"),
        (
            "服务器算出主密钥和会话密钥。",
            "The server computes the master secret and the session keys.",
        ),
    );
    flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "ChangeCipherSpec"),
        (
            "ChangeCipherSpec：客户端说“之后我发的都加密了”。",
            "ChangeCipherSpec: the client says \"from now on what I send is encrypted\".",
        ),
        (
            "服务器切换到新密钥来读客户端的记录。",
            "The server switches to the new keys for the client's records.",
        ),
    )?;
    let (cfin, cfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "Finished").field("verify_data", "PRF(主密钥, 握手记录) / PRF(master, transcript)").protected(Handshake),
        ("{Finished}：第一条加密的消息，是对整个握手的校验。", "{Finished}: the first encrypted message, a check over the whole handshake."),
        ("服务器验证客户端的 Finished：握手没有被篡改（完整性）。", "The server checks the client's Finished: the handshake was not tampered with (integrity)."),
    )?;
    proved(
        seq,
        cfin_arr,
        SERVER,
        LocalKind::Verified,
        ("Finished ✓", "Finished ✓"),
        (
            "完整性：客户端的 Finished 验证通过。",
            "Integrity: the client's Finished checks out.",
        ),
    );
    let mut t = cfin_arr;
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ChangeCipherSpec").reply_to(cfin),
        (
            "服务器也发 ChangeCipherSpec。",
            "The server sends ChangeCipherSpec too.",
        ),
        (
            "客户端切换到新密钥来读服务器的记录。",
            "The client switches to the new keys for the server's records.",
        ),
    )?;
    let (_, sfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "Finished")
            .field(
                "verify_data",
                "PRF(主密钥, 握手记录) / PRF(master, transcript)",
            )
            .protected(Handshake),
        ("服务器的 {Finished}。", "The server's {Finished}."),
        (
            "客户端验证服务器的 Finished：TLS 1.2 握手用了两个往返。",
            "The client checks the server's Finished: the TLS 1.2 handshake took two round trips.",
        ),
    )?;
    proved(
        seq,
        sfin_arr,
        CLIENT,
        LocalKind::Verified,
        ("Finished ✓", "Finished ✓"),
        (
            "完整性：服务器的 Finished 验证通过。",
            "Integrity: the server's Finished checks out.",
        ),
    );
    let done = request(seq, sfin_arr, Application)?;
    proved(seq, done, CLIENT, LocalKind::Ready, ("完成", "done"), ("TCP 一个往返 + TLS 1.2 两个往返 + 请求一个往返 = 4 个往返，比 TLS 1.3 多一个。", "One round trip for TCP, two for TLS 1.2, one for the request: 4 round trips, one more than TLS 1.3."));
    Some(())
}

/// RFC 8446 §2.3, Figure 4: resumption with a PSK from an earlier
/// connection's NewSessionTicket, and the request sent as early data.
pub fn tls13_resume(toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let _ = resume_script(&mut seq);
    seq.finish()
}

fn resume_script(seq: &mut Seq) -> Option<()> {
    proved(seq, 0, CLIENT, LocalKind::CacheHit, ("有会话票据", "has a ticket"), ("客户端保存着上一次连接时服务器发的 NewSessionTicket（一个预共享密钥 PSK）。", "The client kept the NewSessionTicket the server sent on an earlier connection (a pre-shared key, PSK)."));
    let open = tcp_handshake(seq, 0, CLIENT, SERVER)?;
    let mut t = open.client_ready + GAP;
    let (ch, ch_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "ClientHello")
            .field("early_data", "")
            .field("key_share", "x25519 公钥 / public key")
            .field("psk_key_exchange_modes", "psk_dhe_ke")
            .field("pre_shared_key", "票据 / ticket"),
        ("ClientHello 带上 pre_shared_key（票据）和 early_data：客户端用 PSK 派生的早期密钥，马上就能发数据。", "ClientHello carries pre_shared_key (the ticket) and early_data: with early keys derived from the PSK the client can send data at once."),
        ("服务器认出票据，接受 PSK 和早期数据。", "The server recognises the ticket and accepts the PSK and early data."),
    )?;
    let (get, get_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "GET /").field("Host", "example.com").protected(Early),
        ("0-RTT：请求作为 (Application Data) 紧跟着 ClientHello 发出，不等握手。早期数据可能被重放，也没有前向保密，所以只该放幂等的请求（如 GET）。", "0-RTT: the request goes as (Application Data) right behind ClientHello, without waiting. Early data can be replayed and has no forward secrecy, so only idempotent requests (such as GET) belong in it."),
        ("服务器用早期密钥解密请求，马上开始处理。", "The server decrypts the request with the early keys and starts on it at once."),
    )?;
    let mut t = get_arr.max(ch_arr);
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "ServerHello")
            .field("pre_shared_key", "0")
            .field("key_share", "x25519 公钥 / public key")
            .reply_to(ch),
        ("ServerHello 选中 PSK，并带 key_share：再做一次 ECDHE，新连接的密钥仍有前向保密。", "ServerHello selects the PSK and carries a key_share: a fresh ECDHE keeps forward secrecy for the new keys."),
        ("客户端收到 ServerHello，算出握手密钥。", "The client has ServerHello and derives the handshake keys."),
    )?;
    flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "EncryptedExtensions").field("early_data", "已接受 / accepted").protected(Handshake),
        ("{EncryptedExtensions} 带 early_data：服务器确认接受了早期数据。没有 Certificate：身份由 PSK 证明（它来自上次认证过的连接）。", "{EncryptedExtensions} with early_data: the server confirms it took the early data. No Certificate: the PSK, from an earlier authenticated connection, proves who the server is."),
        ("客户端知道早期数据被接受了。", "The client learns its early data was accepted."),
    )?;
    let (_, sfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "Finished").protected(Handshake),
        ("服务器的 {Finished}。", "The server's {Finished}."),
        (
            "客户端验证 Finished（完整性）。",
            "The client checks Finished (integrity).",
        ),
    )?;
    let (_, resp_arr) = flight(
        seq,
        &mut t,
        Msg::new(SERVER, CLIENT, "200 OK").protected(Application).reply_to(get),
        ("服务器在同一轮里就发回响应 [Application Data]。", "The server sends the response [Application Data] in the same flight."),
        ("客户端在第 2 个往返结束时就拿到了响应（完整握手要 3 个）。", "The client has the response at the end of the second round trip (a full handshake needs 3)."),
    )?;
    proved(
        seq,
        sfin_arr,
        CLIENT,
        LocalKind::Verified,
        ("Finished ✓", "Finished ✓"),
        (
            "完整性：服务器的 Finished 验证通过。",
            "Integrity: the server's Finished checks out.",
        ),
    );
    let mut t = sfin_arr.max(resp_arr);
    flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "EndOfEarlyData").protected(Early),
        (
            "(EndOfEarlyData)：早期数据到此为止；它本身还用早期密钥加密。",
            "(EndOfEarlyData): the early data ends here; it is itself still under the early keys.",
        ),
        (
            "服务器之后改用握手/应用密钥。",
            "The server switches to the handshake and application keys.",
        ),
    )?;
    let (_, cfin_arr) = flight(
        seq,
        &mut t,
        Msg::new(CLIENT, SERVER, "Finished").protected(Handshake),
        ("客户端的 {Finished}。", "The client's {Finished}."),
        (
            "服务器验证客户端的 Finished。",
            "The server checks the client's Finished.",
        ),
    )?;
    proved(
        seq,
        cfin_arr,
        SERVER,
        LocalKind::Verified,
        ("Finished ✓", "Finished ✓"),
        (
            "完整性：客户端的 Finished 验证通过。",
            "Integrity: the client's Finished checks out.",
        ),
    );
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::scenario::parts::RTT;
    use crate::net::seq::{Event, LaneId, Trace};

    fn names_from(t: &Trace, from: LaneId) -> Vec<String> {
        t.messages
            .iter()
            .filter(|m| m.from == from)
            .map(|m| m.label())
            .collect()
    }

    /// When the client has the response: (round trips counted, time).
    fn response(t: &Trace) -> (u32, Ms) {
        let id = t.find(SERVER, "200 OK").expect("a response");
        let at = t.delivered_at(id).expect("delivered");
        let pos = t
            .steps
            .iter()
            .position(|s| s.event == Event::Delivered { id })
            .expect("step");
        (t.round_trips_at(pos + 1), at)
    }

    #[test]
    fn tls13_full_handshake_is_rfc_8446_figure_1() {
        // RFC 8446 §2, Figure 1: ClientHello + key_share → ServerHello +
        // key_share, {EncryptedExtensions}, {Certificate},
        // {CertificateVerify}, {Finished} → {Finished}, [Application Data].
        let t = tls13(&[]);
        assert_eq!(
            names_from(&t, SERVER),
            [
                "SYN, ACK",
                "ServerHello",
                "{EncryptedExtensions}",
                "{Certificate}",
                "{CertificateVerify}",
                "{Finished}",
                "[200 OK]"
            ]
        );
        assert_eq!(
            names_from(&t, CLIENT),
            ["SYN", "ACK", "ClientHello", "{Finished}", "[GET /]"]
        );
        let ch = &t.messages[t.find(CLIENT, "ClientHello").expect("ClientHello").0 as usize];
        assert!(
            ch.field("key_share").is_some(),
            "§4.2.8: key share in the first flight"
        );
        assert!(ch.field("supported_versions").is_some(), "§4.2.1");
        // Application data after one TLS round trip on top of TCP's one: the
        // response arrives after the third round trip.
        let (rtts, at) = response(&t);
        assert_eq!(rtts, 3);
        assert!((3 * RTT..4 * RTT).contains(&at), "{at}");
    }

    #[test]
    fn tls12_full_handshake_is_rfc_5246_figure_1_and_takes_two_round_trips() {
        // RFC 5246 §7.3, Figure 1 (ECDHE: ServerKeyExchange present).
        let t = tls12(&[]);
        assert_eq!(
            names_from(&t, SERVER),
            [
                "SYN, ACK",
                "ServerHello",
                "Certificate",
                "ServerKeyExchange",
                "ServerHelloDone",
                "ChangeCipherSpec",
                "{Finished}",
                "[200 OK]"
            ]
        );
        assert_eq!(
            names_from(&t, CLIENT),
            [
                "SYN",
                "ACK",
                "ClientHello",
                "ClientKeyExchange",
                "ChangeCipherSpec",
                "{Finished}",
                "[GET /]"
            ]
        );
        let (rtts, at) = response(&t);
        assert_eq!(rtts, 4, "TCP 1 + TLS 1.2 2 + request 1");
        assert!((4 * RTT..5 * RTT).contains(&at), "{at}");
    }

    #[test]
    fn tls13_resumption_sends_the_request_as_early_data() {
        // RFC 8446 §2.3, Figure 4.
        let t = tls13_resume(&[]);
        assert_eq!(
            names_from(&t, CLIENT),
            [
                "SYN",
                "ACK",
                "ClientHello",
                "(GET /)",
                "(EndOfEarlyData)",
                "{Finished}"
            ]
        );
        assert_eq!(
            names_from(&t, SERVER),
            [
                "SYN, ACK",
                "ServerHello",
                "{EncryptedExtensions}",
                "{Finished}",
                "[200 OK]"
            ]
        );
        let ch = &t.messages[t.find(CLIENT, "ClientHello").expect("ClientHello").0 as usize];
        for ext in [
            "early_data",
            "pre_shared_key",
            "psk_key_exchange_modes",
            "key_share",
        ] {
            assert!(ch.field(ext).is_some(), "{ext}");
        }
        let (rtts, at) = response(&t);
        assert_eq!(rtts, 2, "0-RTT saves the TLS round trip");
        assert!((2 * RTT..3 * RTT).contains(&at), "{at}");
        // §2.2: authenticating with a PSK, the server sends no Certificate
        // (nor CertificateVerify).
        assert!(t.find(SERVER, "Certificate").is_none());
        assert!(t.find(SERVER, "CertificateVerify").is_none());
    }

    /// The whole trace, one line a step, e.g. `156 S> ServerHello`.
    fn dump(t: &Trace) -> String {
        let who = |l: LaneId| if l == CLIENT { "C" } else { "S" };
        let mut out = String::new();
        for s in &t.steps {
            let line = match s.event {
                Event::Sent { id } => {
                    let m = &t.messages[id.0 as usize];
                    format!("{}> {}", who(m.from), m.label())
                }
                Event::Delivered { id } => format!(
                    ">{} {}",
                    who(t.messages[id.0 as usize].from),
                    t.messages[id.0 as usize].label()
                ),
                Event::Local { lane, kind } => format!("{} {kind:?}", who(lane)),
                e => format!("{e:?}"),
            };
            out.push_str(&format!("{} {line}\n", s.at));
        }
        out
    }

    /// RFC 8446 §2 Figure 1 over a TCP handshake, timed by hand: 50 ms one
    /// way, messages of a flight 6 ms apart. `>S x` means x (sent by S)
    /// arrives.
    #[test]
    fn tls13_golden() {
        let expected = "
            0 C> SYN
            50 >C SYN
            50 S> SYN, ACK
            100 >S SYN, ACK
            100 C> ACK
            106 C> ClientHello
            150 >C ACK
            156 >C ClientHello
            156 S> ServerHello
            156 S KeysReady
            162 S> {EncryptedExtensions}
            168 S> {Certificate}
            174 S> {CertificateVerify}
            180 S> {Finished}
            206 >S ServerHello
            212 >S {EncryptedExtensions}
            218 >S {Certificate}
            218 C Verified
            224 >S {CertificateVerify}
            224 C Verified
            230 >S {Finished}
            230 C Verified
            230 C> {Finished}
            236 C> [GET /]
            280 >C {Finished}
            280 S Verified
            286 >C [GET /]
            286 S> [200 OK]
            336 >S [200 OK]
            336 C Ready
        ";
        let expected: String = expected
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(dump(&tls13(&[])), expected);
    }

    #[test]
    fn what_each_message_proves_is_said() {
        let t = tls13(&[]);
        let say = |name: &str| {
            let id = t.find(SERVER, name).expect(name);
            t.steps
                .iter()
                .find(|s| s.event == Event::Delivered { id })
                .map(|s| s.caption.en.clone())
                .unwrap_or_default()
        };
        assert!(say("Certificate").contains("identity"));
        assert!(say("ServerHello").contains("secrecy"));
        assert!(say("Finished").contains("integrity"));
    }

    #[test]
    fn a_lost_client_hello_costs_an_rto() {
        let base = tls13(&[]);
        let ch = base.find(CLIENT, "ClientHello").expect("ClientHello");
        let t = tls13(&[ch]);
        let (_, at_base) = response(&base);
        let (rtts, at) = response(&t);
        assert_eq!(rtts, 3, "a retransmission is not a new round trip");
        assert_eq!(at, at_base + RTO);
    }
}
