//! How a revision's document is kept: the request's JSON compressed with
//! zlib (`flate2`) as a BLOB, about a third of its size (the examples: 9.2 KB
//! of JSON in 3.4 KB). A revision saved before it was compressed is its JSON
//! as TEXT, and reads as it is. The draft's current document
//! (`drafts.document`) stays plain JSON, so opening a draft decompresses
//! nothing.

use std::io::{Read, Write};

use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use rusqlite::types::ValueRef;

/// The stored form of a revision's JSON.
pub(super) fn pack(json: &str) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(json.len() / 3), Compression::default());
    encoder.write_all(json.as_bytes()).expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}

/// The JSON of a stored revision: compressed (BLOB) or, from before, plain
/// (TEXT); what is wrong otherwise.
pub(super) fn unpack(stored: ValueRef<'_>) -> Result<String, String> {
    match stored {
        ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec()).map_err(|e| format!("not UTF-8: {e}")),
        ValueRef::Blob(bytes) => {
            let mut json = String::new();
            ZlibDecoder::new(bytes).read_to_string(&mut json).map_err(|e| format!("cannot be decompressed: {e}"))?;
            Ok(json)
        }
        other => Err(format!("stored as {:?}, neither compressed nor JSON text", other.data_type())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_comes_back_as_it_was_and_smaller() {
        let json = crate::request::read::to_json(&crate::request::demo::example());
        let packed = pack(&json);
        assert!(packed.len() * 2 < json.len(), "{} bytes of {}", packed.len(), json.len());
        assert_eq!(unpack(ValueRef::Blob(&packed)).unwrap(), json);
        assert_eq!(unpack(ValueRef::Text(json.as_bytes())).unwrap(), json);
        assert!(unpack(ValueRef::Blob(b"not zlib")).is_err());
        assert!(unpack(ValueRef::Integer(3)).is_err());
    }
}
