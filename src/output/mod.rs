//! The document as bytes: PDF from laid-out pages, DOCX and HTML from the
//! document tree, and the one XML escape they share.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod xml_text;
