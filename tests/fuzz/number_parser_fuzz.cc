// Fuzzes the number reader (extract/number_parser.h) on valid NFC UTF-8: every
// mention lies inside the text, in order, without overlap, and its text is the span.
#include <cmath>

#include "extract/number_parser.h"
#include "fuzz_util.h"

using namespace claimcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<std::string> text = fuzz::ValidNfc(fuzz::AsText(data, size));
  if (!text) return -1;
  size_t last_end = 0;
  for (const NumberMention& m : FindNumbers(*text)) {
    fuzz::Check(m.begin >= last_end && m.begin < m.end && m.end <= text->size());
    fuzz::Check(m.text == std::string_view(*text).substr(m.begin, m.end - m.begin));
    fuzz::Check(!std::isnan(m.value));
    (void)m.ToString();
    last_end = m.end;
  }
  (void)ParseNumber(*text);
  for (size_t pos = 0; pos < text->size(); pos += 7) (void)LooksLikeDateOrCode(*text, pos);
  for (const TextToken& t : TokenizeText(*text)) {
    fuzz::Check(t.begin < t.end && t.end <= text->size());
  }
  return 0;
}
