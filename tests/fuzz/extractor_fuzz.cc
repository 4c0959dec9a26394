// Fuzzes the whole extract stage (extract/extractor.h) with the shipped rules on
// arbitrary bytes: what ingest would accept (valid UTF-8, NFC) becomes a Document,
// with or without a publication date (first byte), and every claim's quote span
// must lie inside the text.
#include <cstdio>
#include <memory>

#include "extract/extractor.h"
#include "fuzz_util.h"
#include "rulebook/lexicon.h"

using namespace claimcheck;

namespace {
std::unique_ptr<Extractor> g_extractor;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  Lexicon lexicon;
  DiagnosticSink sink;
  const std::string rules = fuzz::RulesDir();
  Status st = LoadLexicon(rules, &lexicon, &sink);
  if (!st.ok()) {
    std::fprintf(stderr, "extractor_fuzz: cannot load the lexicon from %s (set CLAIMCHECK_RULES_DIR)\n",
                 rules.c_str());
    std::abort();
  }
  Result<std::unique_ptr<Extractor>> ex = Extractor::Create(std::move(lexicon), &sink);
  if (!ex.ok()) std::abort();
  g_extractor = std::move(ex.value());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return -1;
  std::optional<std::string> text = fuzz::ValidNfc(fuzz::AsText(data + 1, size - 1));
  if (!text) return -1;
  static const char* const kPublished[] = {"", "2025-10-01", "2024-06", "2023"};
  Document doc;
  doc.file = "fuzz.txt";
  doc.text = std::move(*text);
  doc.published = kPublished[data[0] % 4];
  doc.language = (data[0] & 0x10) ? "en" : "vi";
  const std::string fallback = (data[0] & 0x20) ? "2025-03-15" : "";
  (void)g_extractor->NeedsReference(doc);
  for (const Claim& c : g_extractor->Extract(doc, fallback)) {
    fuzz::Check(c.span_begin <= c.span_end && c.span_end <= doc.text.size());
    fuzz::Check(c.quote == std::string_view(doc.text).substr(c.span_begin, c.span_end - c.span_begin));
    (void)c.ToString();
  }
  return 0;
}
