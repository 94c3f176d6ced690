//! LEB128 varints: the packed article keys of stories
//! ([`crate::relate::terms::PackedKeys`]) and the search index's lists of
//! quotes ([`crate::search::WordIndex`]).

/// Appends `n` as a LEB128 varint: seven bits a byte, low first, the high
/// bit set on every byte but the last.
pub fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at `bytes[at..]` and where the next starts (what is there
/// when the bytes end early).
pub fn read_varint(bytes: &[u8], mut at: usize) -> (u32, usize) {
    let (mut n, mut shift) = (0u32, 0);
    while let Some(&b) = bytes.get(at) {
        at += 1;
        n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    (n, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_back_and_stop_where_the_bytes_do() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, u32::MAX] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, n);
            push_varint(&mut bytes, 5);
            assert_eq!(read_varint(&bytes, 0), (n, bytes.len() - 1), "{n}");
            // Cut short, what is there.
            assert!(read_varint(&bytes[..bytes.len() - 2], 0).1 <= bytes.len() - 2);
        }
    }
}
