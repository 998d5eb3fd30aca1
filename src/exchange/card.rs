//! A person's public card: a small text file they send to a counterpart so
//! that the counterpart can encrypt to them and check their signatures.
//!
//! The file is JSON (`format` `mla-writer-card/1`). The card itself is held
//! as a string, `card`, so that the exact bytes signed travel unchanged; it
//! is signed by the card's own signing key (`signature`) and, when the card
//! replaces an earlier one (key rotation), also by the earlier key
//! (`endorsement`). See `docs/exchange-format.md`.
//!
//! Architecture invariant: a [`Card`] value exists only once its
//! self-signature, its keys and its fingerprint have been verified; an
//! endorsement is kept only when it verifies against the key it names.

use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::exchange::fingerprint::fingerprint;
use crate::exchange::strict;

/// Format tag of a card file.
pub const CARD_FORMAT: &str = "mla-writer-card/1";
/// Context prefixed to the card's bytes before signing.
const SIGNING_CONTEXT: &[u8] = b"mla-writer-card-v1\0";
/// Largest card file read, in bytes.
pub const MAX_CARD_BYTES: usize = 16 * 1024;
/// Longest name, authority or e-mail address, in characters.
pub const MAX_CARD_FIELD_CHARS: usize = 300;

/// Why a card was refused.
#[derive(Debug, Error)]
pub enum CardError {
    /// The text is too long to be a card.
    #[error("{origin}: {size} bytes is too large for a card (at most {MAX_CARD_BYTES})")]
    TooLarge {
        /// Where the card came from.
        origin: String,
        /// Its size.
        size: usize,
    },
    /// The JSON does not have the shape of a card.
    #[error("{origin}: {message}")]
    Shape {
        /// Where the card came from.
        origin: String,
        /// What was wrong, with its JSON path.
        message: String,
    },
    /// Not a card of a format this app reads.
    #[error("{origin}: format {found:?} is not {CARD_FORMAT:?}")]
    Format {
        /// Where the card came from.
        origin: String,
        /// The format tag found.
        found: String,
    },
    /// A key in the card is not a valid key.
    #[error("{origin}: {field}: {message}")]
    Key {
        /// Where the card came from.
        origin: String,
        /// Which field.
        field: &'static str,
        /// What was wrong.
        message: String,
    },
    /// A text field of the card is not acceptable.
    #[error("{origin}: {field}: {message}")]
    Field {
        /// Where the card came from.
        origin: String,
        /// Which field.
        field: &'static str,
        /// What was wrong.
        message: String,
    },
    /// The fingerprint written on the card is not the one of its keys.
    #[error("{origin}: the card says its fingerprint is {stated}, but its keys give {computed}")]
    FingerprintMismatch {
        /// Where the card came from.
        origin: String,
        /// Written on the card.
        stated: String,
        /// Computed from the keys.
        computed: String,
    },
    /// A signature does not verify.
    #[error("{origin}: the {which} does not verify: the card was altered or not made by this key")]
    BadSignature {
        /// Where the card came from.
        origin: String,
        /// `signature` or `endorsement`.
        which: &'static str,
    },
}

/// Who a card is for (what the person types when creating an identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Their name.
    pub name: String,
    /// Their authority.
    pub authority: String,
    /// Their e-mail address.
    pub email: String,
}

/// The earlier key a rotated card replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replaces {
    /// The earlier Ed25519 public key, hex.
    pub signing_key: String,
    /// The earlier fingerprint.
    pub fingerprint: String,
}

/// What a card says: the signed part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardBody {
    /// Their name.
    pub name: String,
    /// Their authority.
    pub authority: String,
    /// Their e-mail address.
    pub email: String,
    /// When the card was made, RFC 3339 UTC.
    pub created: String,
    /// Ed25519 public key, hex (64 digits).
    pub signing_key: String,
    /// age X25519 recipient, `age1…`.
    pub age_recipient: String,
    /// The card this one replaces, after a key rotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replaces>,
}

/// The card file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFile {
    format: String,
    fingerprint: String,
    card: String,
    signature: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    endorsement: Option<String>,
}

/// A verified public card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    body: CardBody,
    signing_key: VerifyingKey,
    age_recipient: String,
    fingerprint: String,
    endorsed_by: Option<VerifyingKey>,
    text: String,
}

impl Card {
    /// Makes and signs a card for `signing` and `age_recipient`; with
    /// `replacing` (the earlier key and its card), the card names the card
    /// it replaces and carries an endorsement by the earlier key.
    pub(crate) fn issue(
        profile: &Profile,
        signing: &SigningKey,
        age_recipient: &str,
        created: OffsetDateTime,
        replacing: Option<(&SigningKey, &Card)>,
    ) -> Result<Card, CardError> {
        let body = CardBody {
            name: profile.name.trim().to_string(),
            authority: profile.authority.trim().to_string(),
            email: profile.email.trim().to_string(),
            created: created.replace_nanosecond(0).unwrap_or(created).format(&Rfc3339).unwrap_or_default(),
            signing_key: hex::encode(signing.verifying_key().as_bytes()),
            age_recipient: age_recipient.to_string(),
            replaces: replacing.map(|(_, old)| Replaces {
                signing_key: hex::encode(old.signing_key().as_bytes()),
                fingerprint: old.fingerprint().to_string(),
            }),
        };
        check_fields(&body, "new card")?;
        let card = serde_json::to_string(&body).expect("a card body serialises");
        let message = signed_message(card.as_bytes());
        let file = CardFile {
            format: CARD_FORMAT.to_string(),
            fingerprint: fingerprint(&signing.verifying_key(), &body.age_recipient),
            signature: hex::encode(sign(signing, &message).to_bytes()),
            endorsement: replacing.map(|(old, _)| hex::encode(sign(old, &message).to_bytes())),
            card,
        };
        let text = serde_json::to_string_pretty(&file).expect("a card serialises") + "\n";
        Card::parse(&text, "new card")
    }

    /// Reads and verifies a card file; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Card, CardError> {
        if text.len() > MAX_CARD_BYTES {
            return Err(CardError::TooLarge { origin: origin.to_string(), size: text.len() });
        }
        let shape = |message: String| CardError::Shape { origin: origin.to_string(), message };
        let file: CardFile = strict::from_str(text).map_err(shape)?;
        if file.format != CARD_FORMAT {
            return Err(CardError::Format { origin: origin.to_string(), found: file.format });
        }
        let body: CardBody = strict::from_str(&file.card).map_err(|m| shape(format!("in `card`: {m}")))?;
        check_fields(&body, origin)?;
        let key_error = |field: &'static str, message: String| CardError::Key { origin: origin.to_string(), field, message };
        let signing_key = verifying_key(&body.signing_key).map_err(|m| key_error("signing_key", m))?;
        body.age_recipient
            .parse::<age::x25519::Recipient>()
            .map_err(|e| key_error("age_recipient", format!("not an age X25519 recipient: {e}")))?;
        let computed = fingerprint(&signing_key, &body.age_recipient);
        if computed != file.fingerprint {
            return Err(CardError::FingerprintMismatch { origin: origin.to_string(), stated: file.fingerprint, computed });
        }
        let message = signed_message(file.card.as_bytes());
        let bad = |which| CardError::BadSignature { origin: origin.to_string(), which };
        let self_signature = signature(&file.signature).map_err(|m| key_error("signature", m))?;
        signing_key.verify_strict(&message, &self_signature).map_err(|_| bad("signature"))?;
        let endorsed_by = match (&body.replaces, &file.endorsement) {
            (Some(replaces), Some(endorsement)) => {
                let old = verifying_key(&replaces.signing_key).map_err(|m| key_error("replaces.signing_key", m))?;
                let endorsement = signature(endorsement).map_err(|m| key_error("endorsement", m))?;
                old.verify_strict(&message, &endorsement).map_err(|_| bad("endorsement"))?;
                Some(old)
            }
            (None, Some(_)) => {
                return Err(CardError::Field {
                    origin: origin.to_string(),
                    field: "endorsement",
                    message: "an endorsement needs `replaces` in the card to name the key that made it".into(),
                })
            }
            _ => None,
        };
        Ok(Card { age_recipient: body.age_recipient.clone(), body, signing_key, fingerprint: computed, endorsed_by, text: text.to_string() })
    }

    /// What the card says.
    pub fn body(&self) -> &CardBody {
        &self.body
    }

    /// The fingerprint of the card's keys.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The Ed25519 public key.
    pub fn signing_key(&self) -> &VerifyingKey {
        &self.signing_key
    }

    /// The age recipient, `age1…`.
    pub fn age_recipient(&self) -> &str {
        &self.age_recipient
    }

    /// The earlier signing key that endorsed this card (key rotation), once
    /// its endorsement has been verified.
    pub fn endorsed_by(&self) -> Option<&VerifyingKey> {
        self.endorsed_by.as_ref()
    }

    /// The card file's text, as read or written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The person as the exchange names them.
    pub fn participant(&self) -> crate::exchange::thread::Participant {
        crate::exchange::thread::Participant {
            fingerprint: self.fingerprint.clone(),
            name: self.body.name.clone(),
            authority: self.body.authority.clone(),
        }
    }
}

/// The bytes a card signature covers.
fn signed_message(card: &[u8]) -> Vec<u8> {
    [SIGNING_CONTEXT, card].concat()
}

fn sign(key: &SigningKey, message: &[u8]) -> Signature {
    use ed25519_dalek::Signer;
    key.sign(message)
}

/// An Ed25519 public key from 64 hex digits.
pub(crate) fn verifying_key(text: &str) -> Result<VerifyingKey, String> {
    let bytes: [u8; 32] = hex::decode(text)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("expected 64 hexadecimal digits (an Ed25519 public key), found {:?}", preview(text)))?;
    let key = VerifyingKey::from_bytes(&bytes).map_err(|_| "not a valid Ed25519 public key".to_string())?;
    if key.is_weak() {
        return Err("a weak (small-order) Ed25519 key is not accepted".into());
    }
    Ok(key)
}

/// An Ed25519 signature from 128 hex digits.
pub(crate) fn signature(text: &str) -> Result<Signature, String> {
    let bytes: [u8; 64] = hex::decode(text)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("expected 128 hexadecimal digits (an Ed25519 signature), found {:?}", preview(text)))?;
    Ok(Signature::from_bytes(&bytes))
}

/// The start of an untrusted string, for an error message.
pub(crate) fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn check_fields(body: &CardBody, origin: &str) -> Result<(), CardError> {
    let field_error = |field: &'static str, message: String| CardError::Field { origin: origin.to_string(), field, message };
    for (field, value) in [("name", &body.name), ("authority", &body.authority), ("email", &body.email)] {
        if value.trim().is_empty() {
            return Err(field_error(field, "must not be empty".into()));
        }
        let count = value.chars().count();
        if count > MAX_CARD_FIELD_CHARS {
            return Err(field_error(field, format!("{count} characters; at most {MAX_CARD_FIELD_CHARS}")));
        }
        if let Some(c) = value.chars().find(|c| c.is_control()) {
            return Err(field_error(field, format!("holds the control character U+{:04X}", c as u32)));
        }
    }
    if !body.email.contains('@') || body.email.chars().any(char::is_whitespace) {
        return Err(field_error("email", format!("{:?} is not an e-mail address", preview(&body.email))));
    }
    OffsetDateTime::parse(&body.created, &Rfc3339)
        .map_err(|e| field_error("created", format!("{:?} is not an RFC 3339 time: {e}", preview(&body.created))))?;
    Ok(())
}
