//! The document as bytes: PDF from laid-out pages, DOCX and HTML from the
//! document tree, the annex files appended after a PDF, and the one XML
//! escape they share; and the laid-out pages as the app shows them.

pub mod annex_pages;
pub mod docx;
pub mod html;
pub mod pages;
pub mod pdf;
pub mod xml_text;
