// Fuzzes the lexicon loader (rulebook/lexicon.h, ParseLexiconFile) on arbitrary
// TOML text. A file that loads is compiled by Extractor::Create (event patterns
// are RE2: a bad one must be a diagnostic, not a crash) and run on a short text.
#include "extract/extractor.h"
#include "fuzz_util.h"
#include "rulebook/lexicon.h"

using namespace claimcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Lexicon lexicon;
  DiagnosticSink sink;
  Status st = ParseLexiconFile(std::string(fuzz::AsText(data, size)), "fuzz.toml", &lexicon, &sink);
  for (const Diagnostic& d : sink.items()) (void)d.ToString();
  if (!st.ok()) return 0;
  Result<std::unique_ptr<Extractor>> ex = Extractor::Create(std::move(lexicon), &sink);
  if (!ex.ok()) return 0;
  Document doc;
  doc.file = "fuzz.txt";
  doc.published = "2025-10-01";
  doc.text = "Theo Bộ Y tế, khoảng 1.200 người bị thương ở Hà Nội hôm qua.\n"
             "Officials said at least 30 people were killed in June 2024.";
  (void)ex.value()->Extract(doc);
  return 0;
}
