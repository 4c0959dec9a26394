// Fuzzes the sentence splitter (extract/sentence_splitter.h) on valid NFC UTF-8:
// sentences are in order, inside the text and never overlap.
#include <unordered_set>

#include "extract/sentence_splitter.h"
#include "fuzz_util.h"

using namespace claimcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unordered_set<std::string> kAbbreviations = {"TP", "Mr", "Mrs", "Dr", "St", "ông", "TS"};
  std::optional<std::string> text = fuzz::ValidNfc(fuzz::AsText(data, size));
  if (!text) return -1;
  size_t last_end = 0;
  int last_paragraph = 0;
  for (const SentenceSpan& s : SplitSentences(*text, kAbbreviations)) {
    fuzz::Check(s.begin >= last_end && s.begin <= s.end && s.end <= text->size());
    fuzz::Check(s.paragraph >= last_paragraph);
    last_end = s.end;
    last_paragraph = s.paragraph;
  }
  return 0;
}
