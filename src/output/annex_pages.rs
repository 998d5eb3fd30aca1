//! Annex files as pages after a request's PDF: PDF annexes merged page by
//! page, PNG and JPEG images placed each on a page of its own. The annexes
//! are untrusted files: every failure is an [`AnnexPagesError`] (the caller
//! names the annex), never a panic, and the work is bounded (pages per
//! annex, decompressed size of a stream, pixels of an image).

use std::collections::BTreeSet;
use std::io::Cursor;

use lopdf::{dictionary, Document, LoadOptions, Object, ObjectId, Stream};
use thiserror::Error;

use crate::layout::PageSize;

/// Most pages one PDF annex may have.
pub const MAX_ANNEX_PAGES: usize = 5_000;
/// Most bytes one stream of a PDF annex may decompress to while it is read.
const MAX_DECOMPRESSED_STREAM: usize = 256 << 20;
/// Most bytes an image annex may decode to.
const MAX_IMAGE_BYTES: usize = 256 << 20;
/// Margin around an image on its page, in points.
const IMAGE_MARGIN: f32 = 36.0;
/// How many `/Parent` links are followed up a page tree.
const MAX_TREE_DEPTH: usize = 64;

/// Why an annex could not be read or appended.
#[derive(Debug, Error)]
pub enum AnnexPagesError {
    /// The file is not a PDF that can be read.
    #[error("it cannot be read as a PDF ({0})")]
    UnreadablePdf(String),
    /// The PDF is encrypted.
    #[error("the PDF is encrypted; save it without a password or restrictions and attach it again")]
    EncryptedPdf,
    /// The PDF has no page.
    #[error("the PDF has no page")]
    NoPages,
    /// The PDF has more pages than an annex may have.
    #[error("the PDF has {pages} pages, more than the {limit} an appended annex may have")]
    TooManyPages {
        /// Its pages.
        pages: usize,
        /// The limit.
        limit: usize,
    },
    /// The image cannot be decoded.
    #[error("it cannot be read as a {kind} image ({detail})")]
    UnreadableImage {
        /// PNG or JPEG.
        kind: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// The file is neither a PDF nor an image that can become a page.
    #[error("files of type {0} cannot be appended (only PDF, PNG and JPEG)")]
    NotAppendable(String),
    /// Reading the file failed in an unexpected way.
    #[error("reading it failed unexpectedly")]
    Failed,
}

/// The media type of an annex file, from its first bytes.
pub fn media_type(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}

/// Whether a file of this media type can be appended to a PDF export.
pub fn appendable(media_type: &str) -> bool {
    matches!(media_type, "application/pdf" | "image/png" | "image/jpeg")
}

/// Runs `read` on an untrusted file; a panic inside the parser becomes
/// [`AnnexPagesError::Failed`].
fn guarded<T>(read: impl FnOnce() -> Result<T, AnnexPagesError>) -> Result<T, AnnexPagesError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or(Err(AnnexPagesError::Failed))
}

/// Reads an untrusted PDF, refusing an encrypted one and bounding its
/// streams and pages.
fn load_pdf(bytes: &[u8]) -> Result<(Document, Vec<ObjectId>), AnnexPagesError> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_DECOMPRESSED_STREAM), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| AnnexPagesError::UnreadablePdf(e.to_string()))?;
    if doc.was_encrypted() || doc.is_encrypted() {
        return Err(AnnexPagesError::EncryptedPdf);
    }
    let pages: Vec<ObjectId> = doc.page_iter().take(MAX_ANNEX_PAGES + 1).collect();
    if pages.len() > MAX_ANNEX_PAGES {
        return Err(AnnexPagesError::TooManyPages { pages: doc.page_iter().count(), limit: MAX_ANNEX_PAGES });
    }
    if pages.is_empty() {
        return Err(AnnexPagesError::NoPages);
    }
    Ok((doc, pages))
}

/// The number of pages of a PDF annex.
pub fn pdf_page_count(bytes: &[u8]) -> Result<u32, AnnexPagesError> {
    guarded(|| load_pdf(bytes).map(|(_, pages)| pages.len() as u32))
}

/// A PDF to which annexes are appended, page after page.
pub struct AnnexAppender {
    doc: Document,
    pages_id: ObjectId,
}

impl AnnexAppender {
    /// Starts from the request's own PDF (as [`super::pdf::write`] makes it).
    pub fn new(request_pdf: &[u8]) -> Result<AnnexAppender, AnnexPagesError> {
        guarded(|| {
            let doc = Document::load_mem(request_pdf).map_err(|e| AnnexPagesError::UnreadablePdf(e.to_string()))?;
            let pages_id = doc
                .catalog()
                .and_then(|catalog| catalog.get(b"Pages"))
                .and_then(Object::as_reference)
                .map_err(|e| AnnexPagesError::UnreadablePdf(e.to_string()))?;
            Ok(AnnexAppender { doc, pages_id })
        })
    }

    /// Appends every page of a PDF (an annex, or a separator page made by
    /// this app). Returns how many pages were appended. An annex's links
    /// and form fields (its annotations) stay behind: its pages are for
    /// reading.
    pub fn append_pdf(&mut self, bytes: &[u8]) -> Result<u32, AnnexPagesError> {
        guarded(|| {
            let (mut part, _) = load_pdf(bytes)?;
            part.renumber_objects_with(self.doc.max_id + 1);
            let pages: Vec<ObjectId> = part.page_iter().collect();
            for &page in &pages {
                flatten_inherited(&mut part, page);
            }
            // The part's catalog and page-tree nodes are replaced by ours;
            // everything else (contents, fonts, images) moves as it is.
            let dropped: BTreeSet<ObjectId> = part
                .objects
                .iter()
                .filter(|(_, object)| matches!(object.type_name(), Ok(b"Catalog" | b"Pages" | b"Outlines")))
                .map(|(&id, _)| id)
                .collect();
            self.doc.max_id = self.doc.max_id.max(part.max_id);
            for (id, object) in part.objects {
                if !dropped.contains(&id) {
                    self.doc.objects.insert(id, object);
                }
            }
            for &page in &pages {
                if let Ok(dict) = self.doc.get_dictionary_mut(page) {
                    dict.set("Parent", self.pages_id);
                    dict.remove(b"Annots");
                }
            }
            self.add_kids(&pages)?;
            Ok(pages.len() as u32)
        })
    }

    /// Appends a PNG or JPEG image as a page of `paper`, scaled to fit
    /// within the margins and centred.
    pub fn append_image(&mut self, bytes: &[u8], media_type: &str, paper: PageSize) -> Result<(), AnnexPagesError> {
        guarded(|| {
            let image = match media_type {
                "image/jpeg" => jpeg_image(bytes)?,
                "image/png" => png_image(bytes)?,
                other => return Err(AnnexPagesError::NotAppendable(other.to_string())),
            };
            let (w, h) = (image.width as f32, image.height as f32);
            let scale = ((paper.width - 2.0 * IMAGE_MARGIN) / w).min((paper.height - 2.0 * IMAGE_MARGIN) / h);
            let (dw, dh) = (w * scale, h * scale);
            let (x, y) = ((paper.width - dw) / 2.0, (paper.height - dh) / 2.0);
            let image_id = self.doc.add_object(image.stream);
            let content = format!("q {dw:.2} 0 0 {dh:.2} {x:.2} {y:.2} cm /Im0 Do Q");
            let content_id = self.doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
            let page_id = self.doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => self.pages_id,
                "MediaBox" => vec![0.into(), 0.into(), paper.width.into(), paper.height.into()],
                "Contents" => content_id,
                "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => image_id } },
            });
            self.add_kids(&[page_id])
        })
    }

    /// The merged PDF, without the objects the annexes brought that no
    /// page uses any more.
    pub fn finish(mut self) -> Result<Vec<u8>, AnnexPagesError> {
        guarded(move || {
            self.doc.prune_objects();
            let mut out = Vec::new();
            self.doc.save_to(&mut out).map_err(|e| AnnexPagesError::UnreadablePdf(e.to_string()))?;
            Ok(out)
        })
    }

    fn add_kids(&mut self, pages: &[ObjectId]) -> Result<(), AnnexPagesError> {
        let root = self.doc.get_dictionary_mut(self.pages_id).map_err(|e| AnnexPagesError::UnreadablePdf(e.to_string()))?;
        let mut kids = root.get(b"Kids").and_then(Object::as_array).cloned().unwrap_or_default();
        kids.extend(pages.iter().map(|&id| Object::Reference(id)));
        let count = root.get(b"Count").and_then(Object::as_i64).unwrap_or(0) + pages.len() as i64;
        root.set("Kids", kids);
        root.set("Count", count);
        Ok(())
    }
}

/// Copies onto a page the attributes it inherits from its page-tree nodes,
/// before it leaves them.
fn flatten_inherited(doc: &mut Document, page: ObjectId) {
    let mut inherited: Vec<(&'static [u8], Object)> = Vec::new();
    let mut parent = doc.get_dictionary(page).ok().and_then(|d| d.get(b"Parent").and_then(Object::as_reference).ok());
    for _ in 0..MAX_TREE_DEPTH {
        let Some(node) = parent.and_then(|id| doc.get_dictionary(id).ok()) else { break };
        let keys: [&'static [u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
        for key in keys {
            if let Ok(value) = node.get(key) {
                if !inherited.iter().any(|(k, _)| *k == key) {
                    inherited.push((key, value.clone()));
                }
            }
        }
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
    }
    if let Ok(dict) = doc.get_dictionary_mut(page) {
        for (key, value) in inherited {
            if !dict.has(key) {
                dict.set(key, value);
            }
        }
    }
}

/// An image as a PDF image XObject.
struct PdfImage {
    width: u32,
    height: u32,
    stream: Stream,
}

/// A JPEG passes into the PDF as it is (`DCTDecode`); only its size and
/// colour components are read from its frame header.
fn jpeg_image(bytes: &[u8]) -> Result<PdfImage, AnnexPagesError> {
    let bad = |detail: &str| AnnexPagesError::UnreadableImage { kind: "JPEG", detail: detail.to_string() };
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return Err(bad("a segment does not start with a marker"));
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let header = bytes.get(at + 4..at + 10).ok_or_else(|| bad("the frame header is cut short"))?;
            let height = u32::from(u16::from_be_bytes([header[1], header[2]]));
            let width = u32::from(u16::from_be_bytes([header[3], header[4]]));
            let color_space = match header[5] {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                4 => "DeviceCMYK",
                _ => return Err(bad("unsupported number of colour components")),
            };
            if width == 0 || height == 0 {
                return Err(bad("the image has no pixels"));
            }
            let dict = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => width,
                "Height" => height,
                "ColorSpace" => color_space,
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            };
            return Ok(PdfImage { width, height, stream: Stream::new(dict, bytes.to_vec()).with_compression(false) });
        }
        if marker == 0xDA || length < 2 {
            break;
        }
        at += 2 + length;
    }
    Err(bad("no frame header found"))
}

/// A PNG is decoded (8 bits per sample, any transparency laid over white)
/// and written as a deflated RGB or grey image.
fn png_image(bytes: &[u8]) -> Result<PdfImage, AnnexPagesError> {
    let bad = |detail: String| AnnexPagesError::UnreadableImage { kind: "PNG", detail };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: MAX_IMAGE_BYTES });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| bad(e.to_string()))?;
    let size = reader.output_buffer_size().filter(|&n| n <= MAX_IMAGE_BYTES).ok_or_else(|| bad("the image is too large".into()))?;
    let mut pixels = vec![0; size];
    let info = reader.next_frame(&mut pixels).map_err(|e| bad(e.to_string()))?;
    pixels.truncate(info.buffer_size());
    let over_white = |value: u8, alpha: u8| ((u16::from(value) * u16::from(alpha) + 255 * (255 - u16::from(alpha))) / 255) as u8;
    let (samples, color_space): (Vec<u8>, &str) = match info.color_type {
        png::ColorType::Grayscale => (pixels, "DeviceGray"),
        png::ColorType::Rgb => (pixels, "DeviceRGB"),
        png::ColorType::GrayscaleAlpha => (pixels.chunks_exact(2).map(|p| over_white(p[0], p[1])).collect(), "DeviceGray"),
        png::ColorType::Rgba => {
            (pixels.chunks_exact(4).flat_map(|p| [over_white(p[0], p[3]), over_white(p[1], p[3]), over_white(p[2], p[3])]).collect(), "DeviceRGB")
        }
        png::ColorType::Indexed => return Err(bad("an indexed image was not expanded".into())),
    };
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => info.width,
        "Height" => info.height,
        "ColorSpace" => color_space,
        "BitsPerComponent" => 8,
    };
    let mut stream = Stream::new(dict, samples);
    stream.compress().map_err(|e| bad(e.to_string()))?;
    Ok(PdfImage { width: info.width, height: info.height, stream })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_are_found_from_the_bytes_not_the_name() {
        assert_eq!(media_type(b"%PDF-1.7\n"), "application/pdf");
        assert_eq!(media_type(b"\x89PNG\r\n\x1a\nrest"), "image/png");
        assert_eq!(media_type(&[0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg");
        assert_eq!(media_type(b"PK\x03\x04"), "application/octet-stream");
        assert!(appendable("image/png") && !appendable("application/octet-stream"));
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        assert!(matches!(pdf_page_count(b"%PDF-1.7\nnot a pdf at all"), Err(AnnexPagesError::UnreadablePdf(_) | AnnexPagesError::NoPages)));
        assert!(matches!(jpeg_image(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00]), Err(AnnexPagesError::UnreadableImage { .. })));
        assert!(matches!(png_image(b"\x89PNG\r\n\x1a\n\x00\x00"), Err(AnnexPagesError::UnreadableImage { .. })));
    }
}
