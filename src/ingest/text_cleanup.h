// Text clean-up steps of ingest, pure string to string: line endings, the UTF-8
// byte-order mark, trailing blanks, and page clutter (related-story blocks) cut
// from an article's end. Used by DocumentFromText; unit-tested alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// Drops a leading UTF-8 BOM and turns CRLF and lone CR into LF.
std::string NormalizeLineEnds(std::string_view text);

// Turns no-break and other fixed-width spaces (U+00A0, U+2007, U+2009, U+202F) into
// ' ' and drops zero-width characters (U+200B, U+FEFF), so "Theo\u00a0X" reads as
// "Theo X". REQUIRES: valid UTF-8.
std::string NormalizeSpaces(std::string_view text);

// Removes trailing blanks from every line, leading and trailing blank lines, and
// squeezes runs of blank lines into one. REQUIRES: LF line ends.
std::string TidyLines(std::string_view text);

// Returns `text` up to (not including) the first line that equals, after trim and
// ignoring case, one of `markers`; the whole text when none matches. REQUIRES: valid
// UTF-8 in NFC, LF line ends; markers in NFC.
std::string CutClutter(std::string_view text, const std::vector<std::string>& markers);

// 1-based line and column (in bytes) of byte `offset` in `text`; LF, CRLF and a lone CR
// each end a line.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LocateOffset(std::string_view text, size_t offset);

}  // namespace claimcheck
