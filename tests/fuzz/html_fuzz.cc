// Fuzzes HTML ingest on arbitrary bytes: ParseHtmlPage (ingest/html_to_text.h)
// and then DocumentFromText with the page's metadata, as ingest.cc does for an
// .html file, with the shipped rules/ingest lists.
#include "fuzz_util.h"
#include "ingest/document_builder.h"
#include "ingest/html_to_text.h"
#include "ingest/ingest_options.h"

using namespace claimcheck;

namespace {
IngestOptions g_options;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  Result<IngestOptions> options = LoadIngestOptions(fuzz::RulesDir());
  if (options.ok()) g_options = std::move(options.value());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  HtmlPage page = ParseHtmlPage(fuzz::AsText(data, size));
  Document meta;
  meta.file = meta.path = "fuzz.html";
  meta.title = page.title;
  meta.published = page.published;
  meta.outlet = page.site_name;
  meta.language = page.language;
  Diagnostic error;
  if (std::optional<Document> doc = DocumentFromText(page.text, meta, g_options, &error)) {
    fuzz::Check(!FindInvalidUtf8(doc->text));
    (void)doc->ToString();
  }
  return 0;
}
