//! DKIM key records (RFC 6376 §3.6.1): which names hold them, their tags, and the public key.

use super::taglist::TagList;
use crate::zone::NameRef;

/// The tags a key record may hold. `g` was dropped by RFC 6376 but old records still carry it
/// and verifiers ignore it, so it is not reported as unknown.
pub const TAGS: &[&str] = &["v", "g", "h", "k", "n", "p", "s", "t"];

/// True for a key record's owner: `selector._domainkey.domain`, the selector one label or more.
pub fn is_key_owner(name: NameRef<'_>) -> bool {
    // Runs for every TXT record: walk the wire form, and compare only labels of the right length.
    let wire = name.wire();
    let mut at = match wire.first() {
        Some(&len) if len > 0 => 1 + len as usize,
        _ => return false,
    };
    while let Some(&len) = wire.get(at) {
        if len == 0 {
            return false;
        }
        let label = wire.get(at + 1..at + 1 + len as usize).unwrap_or_default();
        if label.eq_ignore_ascii_case(b"_domainkey") {
            return true;
        }
        at += 1 + len as usize;
    }
    false
}

/// The record's text looks like a DKIM key: `v=DKIM1` first, or a `p=` beside `k=`.
pub fn looks_like_key(text: &[u8], list: &TagList) -> bool {
    let first_is_v = list.tags.first().is_some_and(|t| {
        text[t.name.clone()].eq_ignore_ascii_case(b"v")
            && text[t.value.clone()].eq_ignore_ascii_case(b"DKIM1")
    });
    first_is_v || (list.get(text, "p").is_some() && list.get(text, "k").is_some())
}

/// The public key: whitespace removed (RFC 6376 §3.6.1 allows folding inside it), then base64.
pub fn decode_key(value: &[u8]) -> Option<Vec<u8>> {
    let compact: Vec<u8> = value
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    data_encoding::BASE64.decode(&compact).ok()
}

/// One DER element: tag, contents, and what follows.
fn der(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7F) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| acc << 8 | b as usize);
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// The size in bits of an RSA key given as a SubjectPublicKeyInfo (what signers publish) or as
/// a bare RSAPublicKey (what RFC 6376 §3.6.1 literally says); `None` if it is neither.
pub fn rsa_bits(key: &[u8]) -> Option<usize> {
    const SEQUENCE: u8 = 0x30;
    const INTEGER: u8 = 0x02;
    const BIT_STRING: u8 = 0x03;
    let (tag, body, _) = der(key)?;
    if tag != SEQUENCE {
        return None;
    }
    let (tag, first, rest) = der(body)?;
    let rsa_public_key = match tag {
        // SubjectPublicKeyInfo: AlgorithmIdentifier, then the key in a BIT STRING.
        SEQUENCE => {
            // rsaEncryption, 1.2.840.113549.1.1.1.
            const RSA_OID: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];
            let (oid_tag, oid, _) = der(first)?;
            if oid_tag != 0x06 || oid != RSA_OID {
                return None;
            }
            let (tag, bits, _) = der(rest)?;
            if tag != BIT_STRING || bits.first() != Some(&0) {
                return None;
            }
            let (tag, inner, _) = der(&bits[1..])?;
            (tag == SEQUENCE).then_some(inner)?
        }
        INTEGER => body,
        _ => return None,
    };
    let (tag, modulus, rest) = der(rsa_public_key)?;
    let (etag, _, _) = der(rest)?;
    if tag != INTEGER || etag != INTEGER {
        return None;
    }
    let digits = modulus
        .iter()
        .position(|&b| b != 0)
        .map(|i| &modulus[i..])?;
    Some(digits.len() * 8 - digits[0].leading_zeros() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1024-bit SubjectPublicKeyInfo, as `openssl rsa -pubout` writes it.
    const SPKI_1024: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDDTu8gJTrDPAgbTd2g0vWlzYxrGzGwhGnydNHSbzFDO9hsIFwC27dGlNuhqdcgvX68TAOtwi1+9BsK6hIItXYYSbn6POfzRQ6jzWF+L2X6QuY5CHq+yYoxVm+bR4HQmeZHGi1U3Tm/2tbtnoCQlshZHfR6kuQbUm/x/j4dZtgQNQIDAQAB";

    #[test]
    fn measures_rsa_keys() {
        let key = decode_key(SPKI_1024.as_bytes()).unwrap();
        assert_eq!(rsa_bits(&key), Some(1024));
        // The bare RSAPublicKey inside it.
        let inner = &key[22..];
        assert_eq!(rsa_bits(inner), Some(1024));
        assert_eq!(rsa_bits(b"\x30\x03\x02\x01"), None);
        assert_eq!(rsa_bits(b"not der"), None);
    }

    #[test]
    fn key_owners_have_a_selector_under_domainkey() {
        let n = |s: &str| crate::zone::OwnedName::from_text(s).unwrap();
        assert!(is_key_owner(n("s1._domainkey.example.jp").as_ref()));
        assert!(is_key_owner(n("a.b._domainkey.example.jp").as_ref()));
        assert!(!is_key_owner(n("_domainkey.example.jp").as_ref()));
        assert!(!is_key_owner(n("s1.domainkey.example.jp").as_ref()));
    }

    #[test]
    fn decodes_folded_base64() {
        assert_eq!(decode_key(b"QUJD\n REVG").unwrap(), b"ABCDEF");
        assert!(decode_key(b"QUJD!").is_none());
    }
}
