//! The fingerprint of a person's keys, in a form two officers can read to
//! each other over the telephone: eight groups of five digits, like
//! `12345 67890 13579 24680 11223 34455 66778 89900`.
//!
//! It is computed once, here, and used everywhere a person is named: cards,
//! contacts, package manifests, the CLI and the UI.
//!
//! Definition (also in `docs/exchange-format.md`): SHA-256 over the ASCII
//! tag `mla-writer-fingerprint-v1`, a zero byte, the 32 bytes of the Ed25519
//! public key, and the age recipient string (`age1…`) in ASCII. The 32 bytes
//! of the digest are read as eight big-endian 32-bit numbers; each, modulo
//! 100000, written with five digits, is one group.

use sha2::{Digest, Sha256};

/// Domain tag hashed before the keys.
const TAG: &[u8] = b"mla-writer-fingerprint-v1\0";

/// The fingerprint of a signing key and an age recipient.
pub fn fingerprint(signing_key: &ed25519_dalek::VerifyingKey, age_recipient: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(TAG);
    hash.update(signing_key.as_bytes());
    hash.update(age_recipient.as_bytes());
    let digest = hash.finalize();
    digest
        .chunks_exact(4)
        .map(|group| {
            let n = u32::from_be_bytes([group[0], group[1], group[2], group[3]]);
            format!("{:05}", n % 100_000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as typed by a person (any spacing, dashes or none) in the
/// canonical form, or `None` when it is not forty digits.
pub fn normalise(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if digits.len() != 40 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(digits.as_bytes().chunks(5).map(|g| std::str::from_utf8(g).expect("ASCII digits")).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> ed25519_dalek::VerifyingKey {
        ed25519_dalek::SigningKey::from_bytes(&[byte; 32]).verifying_key()
    }

    #[test]
    fn is_eight_groups_of_five_digits() {
        let f = fingerprint(&key(1), "age1abc");
        let groups: Vec<&str> = f.split(' ').collect();
        assert_eq!(groups.len(), 8, "{f}");
        assert!(groups.iter().all(|g| g.len() == 5 && g.chars().all(|c| c.is_ascii_digit())), "{f}");
    }

    #[test]
    fn changes_with_either_key_and_is_stable() {
        let a = fingerprint(&key(1), "age1abc");
        assert_eq!(a, fingerprint(&key(1), "age1abc"));
        assert_ne!(a, fingerprint(&key(2), "age1abc"));
        assert_ne!(a, fingerprint(&key(1), "age1abd"));
    }

    #[test]
    fn typed_forms_normalise_to_the_canonical_one() {
        let f = fingerprint(&key(3), "age1xyz");
        assert_eq!(normalise(&f.replace(' ', "")).as_deref(), Some(f.as_str()));
        assert_eq!(normalise(&f.replace(' ', "-")).as_deref(), Some(f.as_str()));
        assert_eq!(normalise("12345 67890"), None);
        assert_eq!(normalise(&f.replace('1', "x")), if f.contains('1') { None } else { Some(f.clone()) });
    }
}
