#include "extract/extractor.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "extract/count_extractor.h"
#include "extract/document_context.h"
#include "extract/event_extractor.h"
#include "extract/sentence_analysis.h"
#include "extract/sentence_splitter.h"

namespace claimcheck {
namespace {

// A figure repeated within one article (headline, lead, body) is one claim:
// counts with the same metric, subject, value and qualifier are kept once.
std::vector<Claim> DropRepeatedCounts(std::vector<Claim> claims) {
  std::set<std::tuple<std::string, std::string, double, Qualifier>> seen;
  std::vector<Claim> out;
  for (Claim& c : claims) {
    if (c.kind == ClaimKind::kCount && !seen.insert({c.metric, c.subject, c.value, c.qualifier}).second) continue;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(Lexicon lexicon, DiagnosticSink* sink) {
  std::unique_ptr<CompiledLexicon> compiled = CompileLexicon(std::move(lexicon), sink);
  if (!compiled) return Status::InvalidInput("the lexicon has invalid patterns");
  return std::unique_ptr<Extractor>(new Extractor(std::move(compiled)));
}

bool Extractor::NeedsReference(const Document& doc) const {
  return !ParseIsoDate(doc.published) && !InferAnchor(doc.text);
}

std::vector<Claim> Extractor::Extract(const Document& doc, const std::string& fallback_reference) const {
  const CompiledLexicon& lex = *lexicon_;
  DocumentContext ctx = MakeDocumentContext(doc, lex);
  bool guessed_reference = false;
  if (!ctx.dates.published && !ctx.dates.anchor && !fallback_reference.empty()) {
    ctx.dates.published = ParseIsoDate(fallback_reference);
    guessed_reference = ctx.dates.published.has_value();
  }
  std::vector<Claim> claims;
  std::string_view text = doc.text;
  for (const SentenceSpan& span : SplitSentences(text, lex.abbreviations)) {
    SentenceAnalysis s = AnalyseSentence(text.substr(span.begin, span.end - span.begin), span.begin, lex, ctx.dates);
    FindCountClaims(s, lex, ctx, &claims);
    FindEventClaims(s, lex, ctx, &claims);
  }
  claims = DropRepeatedCounts(std::move(claims));
  for (Claim& c : claims) {
    c.file = doc.file;
    c.document_id = doc.id;
    if (guessed_reference && c.kind == ClaimKind::kDate) c.confidence = std::min(c.confidence, 0.5);
  }
  return claims;
}

}  // namespace claimcheck
