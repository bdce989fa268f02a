//! Numbers with a fixed number of decimals (`"37.5"`), as SVG coordinates,
//! CSS percentages and "≈ 1.5 RTT" need them, without Rust's float
//! formatting: `format!("{:.1}", x)` brings the float printer (Grisu,
//! Dragon4 and their tables, ≈ 14 KB) into every bundle that uses it once.
//!
//! [`fixed`] gives the very text `format!("{:.*}", places, x)` gives: the
//! float's exact binary value (`mant · 2^e`) is scaled and rounded in
//! integers, half to even, as the standard library does.

/// `x` with `places` decimals (at most 6), exactly as
/// `format!("{:.*}", places, x)`. Beyond 2^64 the integer part saturates;
/// no value the app draws comes near that.
pub fn fixed(x: f64, places: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let places = places.min(6);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let bits = x.abs().to_bits();
    let (frac, biased) = (bits & ((1 << 52) - 1), ((bits >> 52) & 0x7ff) as i32);
    let (mant, e) = match biased {
        0 => (frac, -1074),
        _ => (frac | 1 << 52, biased - 1075),
    };
    let scale = 10u128.pow(places);
    // The scaled value is mant · scale · 2^e, with mant < 2^53 and
    // scale ≤ 10^6 < 2^20: the product fits in 73 bits.
    let n = u128::from(mant) * scale;
    let q = if e >= 0 {
        n.checked_shl(e as u32)
            .filter(|v| v >> e == n && *v / scale <= u128::from(u64::MAX))
            .unwrap_or(u128::from(u64::MAX) * scale)
    } else {
        let shift = e.unsigned_abs();
        if shift >= 128 {
            // Below 2^-54 after scaling: rounds to zero.
            0
        } else {
            let (q, rem, half) = (n >> shift, n & ((1 << shift) - 1), 1u128 << (shift - 1));
            if rem > half || (rem == half && q % 2 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    // Both fit in 64 bits (the integer part saturates above), and u64's
    // printer is in every bundle already; u128's would be one more.
    let int = u64::try_from(q / scale).unwrap_or(u64::MAX);
    let decimals = u64::try_from(q % scale).unwrap_or(0);
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{decimals:0width$}", width = places as usize)
    }
}

/// SVG numbers: one decimal is enough precision and keeps the DOM short.
pub fn svg(x: f64) -> String {
    fixed(x, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn matches_float_formatting_on_chosen_values() {
        for x in [
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            1.0,
            1.25,
            2.5,
            -2.5,
            0.5,
            1.5,
            9.95,
            99.995,
            -0.04,
            123456.789,
            1e-300,
            5e-324,
            1e15,
            4503599627370497.0,
            3.0e18,
            -7.25,
        ] {
            for places in 0..=4 {
                assert_eq!(
                    fixed(x, places),
                    format!("{x:.*}", places as usize),
                    "{x} .{places}"
                );
            }
        }
    }

    /// Random coordinates and percentages, as the diagrams draw them.
    #[test]
    fn matches_float_formatting_on_random_values() {
        let mut rng = Rng::new(7);
        for _ in 0..200_000 {
            let r = rng.next_u64();
            let x = (r >> 11) as f64 / (1u64 << 53) as f64 * 4000.0 - 1000.0;
            let places = (r % 4) as u32;
            assert_eq!(
                fixed(x, places),
                format!("{x:.*}", places as usize),
                "{x} .{places}"
            );
        }
    }

    #[test]
    fn special_values_read_as_rust_writes_them() {
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(svg(12.34), "12.3");
    }
}
