//! A user's own identity: their card and the two secret keys behind it, an
//! Ed25519 signing key (`ed25519-dalek`) and an age X25519 encryption key.
//!
//! The secret keys leave this module only as the text of [`SecretKeys`],
//! which the [`crate::exchange::keystore`] protects at rest, and as the age
//! secret key that the user may export for backup or for the `age` tool.

use age::secrecy::{ExposeSecret, SecretString};
use ed25519_dalek::{Signature, Signer, SigningKey};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;

use crate::exchange::card::{Card, CardError, Profile};
use crate::exchange::thread::Participant;

/// Format tag of the secret key text.
const SECRET_FORMAT: &str = "mla-writer-secret-keys/1";

/// Why secret keys could not be read back.
#[derive(Debug, Error)]
pub enum IdentityError {
    /// The stored text is not secret keys of this format.
    #[error("the stored secret keys are unreadable: {0}")]
    Unreadable(String),
    /// The secret keys do not belong to the card they were stored with.
    #[error("the stored secret keys do not match the card {fingerprint}")]
    Mismatch {
        /// Fingerprint of the card.
        fingerprint: String,
    },
    /// The card could not be made.
    #[error(transparent)]
    Card(#[from] CardError),
}

/// The secret keys as stored, in text.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretKeyFile {
    format: String,
    /// `AGE-SECRET-KEY-1…`.
    age: String,
    /// Ed25519 secret seed, hex.
    ed25519: String,
}

/// Secret keys as text, for the key store. Never shown or logged.
pub struct SecretKeys(SecretString);

impl SecretKeys {
    /// Wraps text read back from the key store.
    pub fn from_text(text: SecretString) -> SecretKeys {
        SecretKeys(text)
    }

    /// The text to store.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// A user's identity with its secret keys at hand: it can sign and decrypt.
#[derive(Clone)]
pub struct UnlockedIdentity {
    signing: SigningKey,
    age: age::x25519::Identity,
    card: Card,
}

impl std::fmt::Debug for UnlockedIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockedIdentity").field("fingerprint", &self.card.fingerprint()).finish_non_exhaustive()
    }
}

impl UnlockedIdentity {
    /// Creates a new identity with fresh keys; `created` is written on its card.
    pub fn generate(profile: &Profile, created: OffsetDateTime) -> Result<UnlockedIdentity, IdentityError> {
        let signing = SigningKey::generate(&mut rand_core::OsRng);
        let age = age::x25519::Identity::generate();
        let card = Card::issue(profile, &signing, &age.to_public().to_string(), created, None)?;
        Ok(UnlockedIdentity { signing, age, card })
    }

    /// Creates the identity that replaces this one (key rotation): fresh
    /// keys, the same profile unless `profile` changes it, and a card
    /// endorsed by this identity's signing key so that contacts who trust
    /// this identity can take the new keys without checking again.
    pub fn rotate(&self, profile: Option<&Profile>, created: OffsetDateTime) -> Result<UnlockedIdentity, IdentityError> {
        let body = self.card.body();
        let same = Profile { name: body.name.clone(), authority: body.authority.clone(), email: body.email.clone() };
        let signing = SigningKey::generate(&mut rand_core::OsRng);
        let age = age::x25519::Identity::generate();
        let card = Card::issue(profile.unwrap_or(&same), &signing, &age.to_public().to_string(), created, Some((&self.signing, &self.card)))?;
        Ok(UnlockedIdentity { signing, age, card })
    }

    /// Rebuilds an identity from its card and its stored secret keys.
    pub fn from_secret(card: Card, secret: &SecretKeys) -> Result<UnlockedIdentity, IdentityError> {
        let file: SecretKeyFile = serde_json::from_str(secret.expose()).map_err(|e| IdentityError::Unreadable(e.to_string()))?;
        if file.format != SECRET_FORMAT {
            return Err(IdentityError::Unreadable(format!("format {:?} is not {SECRET_FORMAT:?}", file.format)));
        }
        let age: age::x25519::Identity = file.age.parse().map_err(|e: &str| IdentityError::Unreadable(format!("age key: {e}")))?;
        let seed: [u8; 32] = hex::decode(&file.ed25519)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| IdentityError::Unreadable("Ed25519 key: expected 64 hexadecimal digits".into()))?;
        let signing = SigningKey::from_bytes(&seed);
        if signing.verifying_key() != *card.signing_key() || age.to_public().to_string() != card.age_recipient() {
            return Err(IdentityError::Mismatch { fingerprint: card.fingerprint().to_string() });
        }
        Ok(UnlockedIdentity { signing, age, card })
    }

    /// The secret keys as text, for the key store.
    pub fn secret_keys(&self) -> SecretKeys {
        let file = SecretKeyFile {
            format: SECRET_FORMAT.to_string(),
            age: self.age.to_string().expose_secret().to_string(),
            ed25519: hex::encode(self.signing.to_bytes()),
        };
        SecretKeys(SecretString::from(serde_json::to_string(&file).expect("secret keys serialise")))
    }

    /// The age secret key, `AGE-SECRET-KEY-1…`, as the `age` tool reads it
    /// from an identity file.
    pub fn age_secret_key(&self) -> SecretString {
        self.age.to_string()
    }

    /// The age identity, to decrypt packages.
    pub fn age_identity(&self) -> &age::x25519::Identity {
        &self.age
    }

    /// The public card.
    pub fn card(&self) -> &Card {
        &self.card
    }

    /// The fingerprint of the keys.
    pub fn fingerprint(&self) -> &str {
        self.card.fingerprint()
    }

    /// The person as the exchange names them.
    pub fn participant(&self) -> Participant {
        self.card.participant()
    }

    /// Signs `message` with the Ed25519 key.
    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        self.signing.sign(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    pub(crate) fn profile() -> Profile {
        Profile {
            name: "Ana Ruiz".into(),
            authority: "Central Authority, Ministry of Justice of Arden".into(),
            email: "ana.ruiz@justice.arden.example".into(),
        }
    }

    #[test]
    fn a_new_identity_has_a_card_that_verifies_and_reads_back() {
        let id = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        let card = Card::parse(id.card().text(), "ana.card").unwrap();
        assert_eq!(card.fingerprint(), id.fingerprint());
        assert_eq!(card.body().created, "2026-03-01T09:00:00Z");
        assert!(card.age_recipient().starts_with("age1"));
        assert!(card.endorsed_by().is_none());
    }

    #[test]
    fn secret_keys_rebuild_the_same_identity_and_refuse_another_card() {
        let id = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        let back = UnlockedIdentity::from_secret(id.card().clone(), &id.secret_keys()).unwrap();
        assert_eq!(back.fingerprint(), id.fingerprint());
        let other = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        assert!(matches!(UnlockedIdentity::from_secret(other.card().clone(), &id.secret_keys()), Err(IdentityError::Mismatch { .. })));
    }

    #[test]
    fn a_rotated_card_is_endorsed_by_the_old_key() {
        let old = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        let new = old.rotate(None, datetime!(2026-09-01 09:00 UTC)).unwrap();
        assert_ne!(new.fingerprint(), old.fingerprint());
        assert_eq!(new.card().endorsed_by(), Some(old.card().signing_key()));
        assert_eq!(new.card().body().replaces.as_ref().unwrap().fingerprint, old.fingerprint());
    }

    #[test]
    fn a_changed_card_fails_its_signature() {
        let id = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        let forged = id.card().text().replace("Ana Ruiz", "Eve Ruiz");
        let err = Card::parse(&forged, "forged.card").unwrap_err();
        assert!(matches!(err, CardError::BadSignature { which: "signature", .. }), "{err}");
        assert_eq!(err.to_string(), "forged.card: the signature does not verify: the card was altered or not made by this key");
    }

    #[test]
    fn a_card_with_an_unknown_field_is_refused_with_its_path() {
        let id = UnlockedIdentity::generate(&profile(), datetime!(2026-03-01 09:00 UTC)).unwrap();
        let text = id.card().text().replacen('{', "{\"extra\": 1,", 1);
        let err = Card::parse(&text, "x.card").unwrap_err();
        assert!(err.to_string().starts_with("x.card: at $.extra: unknown field `extra`"), "{err}");
    }
}
