//! Line and column of a byte offset in the XLIFF text, for messages. The
//! index is built once per file, in one pass; each look-up then costs a
//! binary search over the line starts plus a count over at most
//! [`STRIDE`] bytes, whatever the size of the file or the length of its
//! lines, so naming the position of every unit stays linear in the file.

/// Bytes between two checkpoints of the character count.
const STRIDE: usize = 4096;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// Where each line starts, and how many characters precede every
/// [`STRIDE`]-th byte.
pub(super) struct Positions<'a> {
    bytes: &'a [u8],
    /// Byte offset of the start of each line; the first is 0.
    line_starts: Vec<usize>,
    /// `checkpoints[k]`: characters starting before byte `k * STRIDE`, for
    /// every `k * STRIDE` up to the end of the text.
    checkpoints: Vec<usize>,
}

impl<'a> Positions<'a> {
    /// Indexes `text`: lines end at `\n` (so a CRLF file numbers its lines
    /// like an LF one, the CR being the last character of its line).
    pub(super) fn new(text: &'a str) -> Positions<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0;
        for (at, byte) in bytes.iter().enumerate() {
            if at % STRIDE == 0 {
                checkpoints.push(chars);
            }
            chars += usize::from(starts_char(*byte));
            if *byte == b'\n' {
                line_starts.push(at + 1);
            }
        }
        if bytes.len().is_multiple_of(STRIDE) {
            // The end of the text is a checkpoint too.
            checkpoints.push(chars);
        }
        Positions { bytes, line_starts, checkpoints }
    }

    /// Characters starting before byte `offset` (at most the text's length).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / STRIDE;
        self.checkpoints[block] + self.bytes[block * STRIDE..offset].iter().filter(|b| starts_char(**b)).count()
    }

    /// 1-based line and column (in characters) of byte `offset`; an offset
    /// past the end is taken as the end.
    pub(super) fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.chars_before(offset) - self.chars_before(line_start) + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: lines and characters counted from the start.
    fn by_rescanning(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
        (line, column)
    }

    fn assert_every_boundary(text: &str) {
        let positions = Positions::new(text);
        for offset in (0..=text.len()).filter(|o| text.is_char_boundary(*o)) {
            assert_eq!(positions.line_column(offset), by_rescanning(text, offset), "offset {offset} of {text:?}");
        }
    }

    #[test]
    fn lines_and_columns_at_line_boundaries() {
        let text = "ab\nçd\n\nx";
        let positions = Positions::new(text);
        assert_eq!(positions.line_column(0), (1, 1));
        assert_eq!(positions.line_column(2), (1, 3), "the line break itself ends line 1");
        assert_eq!(positions.line_column(3), (2, 1));
        assert_eq!(positions.line_column(5), (2, 2), "ç is one character of two bytes");
        assert_eq!(positions.line_column(7), (3, 1), "an empty line");
        assert_eq!(positions.line_column(8), (4, 1));
        assert_eq!(positions.line_column(9), (4, 2), "the end of the text");
        assert_eq!(positions.line_column(100), (4, 2), "past the end is the end");
        assert_every_boundary(text);
    }

    #[test]
    fn empty_text_and_a_text_ending_in_a_line_break() {
        assert_eq!(Positions::new("").line_column(0), (1, 1));
        assert_eq!(Positions::new("a\n").line_column(2), (2, 1));
        assert_every_boundary("a\n");
    }

    #[test]
    fn crlf_lines_are_numbered_as_lf_lines() {
        let text = "<a>\r\n  <b/>\r\n</a>";
        let positions = Positions::new(text);
        assert_eq!(positions.line_column(text.find("<b/>").unwrap()), (2, 3));
        assert_eq!(positions.line_column(text.find("</a>").unwrap()), (3, 1));
        assert_every_boundary(text);
    }

    #[test]
    fn multibyte_characters_count_once_across_checkpoints() {
        // Characters of 2, 3 and 4 bytes straddle the checkpoints, on one
        // long line and on many short ones.
        let long_line: String = "aé€😀".repeat(3 * STRIDE / 10);
        assert!(long_line.len() > 2 * STRIDE);
        assert_every_boundary(&long_line);
        let positions = Positions::new(&long_line);
        assert_eq!(positions.line_column(long_line.len()), (1, long_line.chars().count() + 1));
        let short_lines: String = "é€\n😀a\r\n".repeat(STRIDE / 5);
        assert_every_boundary(&short_lines);
        let exact: String = "x".repeat(2 * STRIDE);
        assert_eq!(Positions::new(&exact).line_column(exact.len()), (1, 2 * STRIDE + 1));
    }

    #[test]
    fn a_look_up_reads_at_most_one_stride_whatever_the_line_length() {
        // One line of 1 MiB: the column of its last character comes from a
        // checkpoint, not from a count over the whole line. Counted through
        // the work the look-up does: the bytes between the checkpoint and
        // the offset.
        let text = "x".repeat(1 << 20);
        let positions = Positions::new(&text);
        let offset = text.len() - 1;
        let block_start = offset / STRIDE * STRIDE;
        assert!(offset - block_start < STRIDE);
        assert_eq!(positions.checkpoints[offset / STRIDE], block_start);
        assert_eq!(positions.line_column(offset), (1, offset + 1));
    }
}
