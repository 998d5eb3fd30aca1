//! Reading an untrusted XML file into a small tree: no document type, no
//! entity but XML's five, bounded nesting; every error with its line and
//! column.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::position::Positions;
use crate::request::text::visible;
use super::{UnitProblemKind, XliffError, NAMESPACE};

/// Elements may nest no deeper than this (the file is untrusted; XLIFF
/// written by this module nests five deep).
const MAX_DEPTH: usize = 64;

use crate::output::xml_text::xml_char;

#[derive(Debug)]
pub(super) struct Element {
    pub(super) namespace: Option<String>,
    pub(super) name: String,
    pub(super) attributes: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
    pub(super) offset: usize,
}

#[derive(Debug)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn is(&self, name: &str) -> bool {
        self.name == name && self.namespace.as_deref() == Some(NAMESPACE)
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(name))
    }
}

/// The error for a parse failure at `offset`; the file's positions are
/// indexed here, once, as parsing stops. What the message quotes of the file
/// shows its control characters escaped.
fn malformed(text: &str, offset: usize, message: impl Into<String>) -> XliffError {
    let (line, column) = Positions::new(text).line_column(offset);
    XliffError::Malformed {
        line,
        column,
        message: visible(&message.into()),
    }
}

fn push_text(
    parent: Option<&mut Element>,
    text: &str,
    xml: &str,
    offset: usize,
) -> Result<(), XliffError> {
    match parent {
        Some(parent) => {
            match parent.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(text),
                _ => parent.children.push(Node::Text(text.to_string())),
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(malformed(xml, offset, "text outside the root element (an XLIFF file is XML and starts with <?xml …?> or <xliff …>)")),
    }
}

pub(super) fn parse(xml: &str) -> Result<Element, XliffError> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = reader.buffer_position() as usize;
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (
                match ns {
                    ResolveResult::Bound(n) => Ok(Some(n.as_ref().to_string())),
                    ResolveResult::Unbound => Ok(None),
                    ResolveResult::Unknown(prefix) => Err(prefix),
                },
                event,
            ),
            Err(e) => {
                return Err(malformed(
                    xml,
                    reader.error_position() as usize,
                    e.to_string(),
                ))
            }
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let namespace = ns.map_err(|prefix| {
                    malformed(
                        xml,
                        offset,
                        format!("undeclared namespace prefix {prefix:?}"),
                    )
                })?;
                let mut attributes = Vec::new();
                for attr in e.attributes() {
                    let attr = attr.map_err(|err| malformed(xml, offset, err.to_string()))?;
                    let value = attr
                        .normalized_value_with(
                            quick_xml::XmlVersion::Implicit1_0,
                            1,
                            quick_xml::escape::resolve_xml_entity,
                        )
                        .map_err(|err| {
                            malformed(
                                xml,
                                offset,
                                format!("attribute {}: {err}", attr.key.as_ref()),
                            )
                        })?;
                    attributes.push((attr.key.as_ref().to_string(), value.into_owned()));
                }
                let element = Element {
                    namespace,
                    name: e.local_name().as_ref().to_string(),
                    attributes,
                    children: Vec::new(),
                    offset,
                };
                if root.is_some() {
                    return Err(malformed(xml, offset, "more than one root element"));
                }
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= MAX_DEPTH {
                        return Err(malformed(
                            xml,
                            offset,
                            format!("elements nested deeper than {MAX_DEPTH}"),
                        ));
                    }
                    stack.push(element);
                } else {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                }
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| malformed(xml, offset, "closing tag without an opening tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Text(t) => push_text(stack.last_mut(), &t.xml10_content(), xml, offset)?,
            Event::CData(t) => push_text(stack.last_mut(), &t.into_inner(), xml, offset)?,
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) if xml_char(c) => c.to_string(),
                    Ok(Some(c)) => {
                        return Err(malformed(
                            xml,
                            offset,
                            format!(
                                "character reference to U+{:04X}, which XML does not allow",
                                u32::from(c)
                            ),
                        ))
                    }
                    Ok(None) => match quick_xml::escape::resolve_xml_entity(&r) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(malformed(
                                xml,
                                offset,
                                format!("undefined entity &{};", &*r),
                            ))
                        }
                    },
                    Err(e) => return Err(malformed(xml, offset, e.to_string())),
                };
                push_text(stack.last_mut(), &resolved, xml, offset)?;
            }
            Event::DocType(_) => {
                let (line, column) = Positions::new(xml).line_column(offset);
                return Err(XliffError::Doctype { line, column });
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(malformed(
            xml,
            xml.len(),
            format!("the document ends inside <{}>", open.name),
        ));
    }
    root.ok_or_else(|| XliffError::NotXliff {
        found: "no element at all".into(),
    })
}

/// The plain text of a `<source>` or `<target>`: text, `<cp/>` characters,
/// and the text inside annotation markers (`<mrk>`, `<pc>`, `<sm/>`, `<em/>`).
pub(super) fn inline_text(element: &Element) -> Result<String, UnitProblemKind> {
    let mut out = String::new();
    for node in &element.children {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.is("cp") => {
                let c = e
                    .attr("hex")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                out.push(c.ok_or_else(|| UnitProblemKind::Markup {
                    element: "cp".into(),
                })?);
            }
            Node::Element(e) if e.is("mrk") || e.is("pc") => out.push_str(&inline_text(e)?),
            Node::Element(e) if e.is("sm") || e.is("em") => {}
            Node::Element(e) => {
                return Err(UnitProblemKind::Markup {
                    element: e.name.clone(),
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_five_xml_entities_are_resolved() {
        let tree = parse("<a>&lt;&amp;&#x41;</a>").unwrap();
        assert!(matches!(&tree.children[..], [Node::Text(t)] if t == "<&A"));
        assert!(matches!(
            parse("<a>&nbsp;</a>"),
            Err(XliffError::Malformed { .. })
        ));
    }

    #[test]
    fn what_a_parse_error_quotes_of_the_file_shows_its_control_characters() {
        let Err(XliffError::Malformed { message, .. }) = parse("<a>&x\u{1b}[2J;</a>") else { panic!("parsed") };
        assert!(!message.contains('\u{1b}'), "{message:?}");
        assert!(message.contains("\\u{1b}"), "{message:?}");
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        assert!(
            matches!(parse(&deep), Err(XliffError::Malformed { message, .. }) if message.contains("nested"))
        );
    }
}
