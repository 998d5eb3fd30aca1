//! Which two-letter codes may name a State in the directory: the ISO 3166-1
//! alpha-2 codes officially assigned to countries (a real State's entry),
//! and the codes ISO 3166-1 leaves to its users (a fictitious State's).

/// The ISO 3166-1 alpha-2 codes officially assigned (249 of them).
const ASSIGNED: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
    "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
    "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
    "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
    "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
    "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
    "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The ISO 3166-1 alpha-2 codes officially assigned, in order.
pub fn assigned() -> &'static [&'static str] {
    ASSIGNED
}

/// Whether `code` is officially assigned to a country by ISO 3166-1.
pub fn is_assigned(code: &str) -> bool {
    ASSIGNED.binary_search(&code).is_ok()
}

/// Whether `code` is one of the codes ISO 3166-1 leaves to its users (AA,
/// QM–QZ, XA–XZ, ZZ), which no country will ever be given. `XK` is left out:
/// it is in practical use for a real territory, so no example may take it.
pub fn is_user_assigned(code: &str) -> bool {
    match code.as_bytes() {
        [b'A', b'A'] | [b'Z', b'Z'] => true,
        [b'Q', second] => (b'M'..=b'Z').contains(second),
        [b'X', b'K'] => false,
        [b'X', second] => second.is_ascii_uppercase(),
        _ => false,
    }
}

/// Whether `code` names a territory in practical use though ISO 3166-1 does
/// not assign it (`XK`): a real entry may use it, an example may not.
pub fn is_in_practical_use(code: &str) -> bool {
    code == "XK"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_assigned_codes_are_sorted_for_the_binary_search() {
        assert!(ASSIGNED.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(ASSIGNED.len(), 249);
    }

    #[test]
    fn user_assigned_codes_are_never_assigned_codes() {
        for code in ["AA", "QM", "QZ", "XA", "XZ", "ZZ"] {
            assert!(is_user_assigned(code) && !is_assigned(code), "{code}");
        }
        for code in ["XK", "QL", "AB", "FR", "GB"] {
            assert!(!is_user_assigned(code), "{code}");
        }
        assert!(is_assigned("FR") && !is_assigned("UK"));
    }
}
