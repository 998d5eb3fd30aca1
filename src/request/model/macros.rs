//! Declares the model's closed vocabularies once: the Rust variant and its
//! serde key, so that the JSON format and the wizard's choices cannot
//! disagree. Wording lives in the locale catalogues under
//! `option.<Vocabulary>.<key>`.

/// Declares a string enumeration with `ALL` and `key()`.
///
/// ```ignore
/// vocabulary! {
///     /// Doc of the enum.
///     pub enum Channel {
///         /// Doc of the variant.
///         CentralAuthority = "central_authority",
///     }
/// }
/// ```
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $key:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $key)]
                $variant,
            )+
        }

        impl $crate::request::Vocabulary for $name {
            const NAME: &'static str = stringify!($name);
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }

        impl $name {
            /// Every value, in the order offered to the user.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key used in JSON.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }
        }
    };
}

pub(crate) use vocabulary;

/// A closed list of values declared with `vocabulary!`.
pub trait Vocabulary: Copy {
    /// Name of the list, as used in catalogue keys (`option.<NAME>.<key>`).
    const NAME: &'static str;
    /// The value's JSON key.
    fn key(self) -> &'static str;
}
