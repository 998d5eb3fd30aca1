//! The exchange with a counterpart: a draft request travels to the requested
//! State as a signed, encrypted package, and comes back with their comments
//! and suggested edits, which the originator accepts or rejects one by one.
//!
//! - [`thread`]: what travels besides the request: comments, suggestions and
//!   the revision lineage (plain data, shared by both halves below).
//! - the package layer (identities, contacts, the signed manifest, age
//!   encryption, streaming reader and writer) turns an [`Outgoing`] into bytes
//!   and bytes back into an [`Incoming`]: [`fingerprint`], [`card`],
//!   [`identity`], [`keystore`], [`identities`], [`contacts`], [`package`]
//!   (and [`strict`], the strict reader of untrusted JSON);
//! - the consultation layer keeps shared requests, comments, suggestions and
//!   their history in the store, builds the [`Outgoing`] of a draft and merges
//!   an [`Incoming`] into it field by field;
//! - [`desk`] joins the two: send a draft as a package file, take a package
//!   file in.
//!
//! Architecture invariant: a package is untrusted until its signature, its
//! recipients and every entry's digest have been verified; nothing of it
//! reaches the store before then, and an import is one transaction.

pub mod consultation;
pub mod thread;
pub mod fingerprint;
pub mod strict;
pub mod card;
pub mod identity;
pub mod keystore;
pub mod identities;
pub mod contacts;
pub mod package;
pub mod desk;

pub use thread::{Incoming, Outgoing};

/// The secret-string types of the `age` crate, used for passphrases.
pub use age::secrecy as age_secrecy;
