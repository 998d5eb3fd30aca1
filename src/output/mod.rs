//! The document as bytes: PDF from laid-out pages, DOCX and HTML from the
//! document tree, the annex files appended after a PDF, and the one XML
//! escape they share.

pub mod annex_pages;
pub mod docx;
pub mod html;
pub mod pdf;
pub mod xml_text;
