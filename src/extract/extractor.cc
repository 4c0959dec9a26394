#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "extract/count_extractor.h"
#include "extract/document_context.h"
#include "extract/event_extractor.h"
#include "extract/sentence_analysis.h"
#include "extract/sentence_splitter.h"

namespace claimcheck {
namespace {

constexpr double kHeadlinePenalty = 0.35;

// A figure repeated within one article (headline, lead, body) is one claim:
// counts with the same metric and value are kept once, the most confident
// reading winning (a headline's terse wording loses to the body's).
std::vector<Claim> DropRepeatedCounts(std::vector<Claim> claims) {
  std::map<std::tuple<std::string, double>, size_t> best;  // key -> index in claims
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.kind != ClaimKind::kCount) continue;
    auto [it, inserted] = best.emplace(std::make_tuple(c.metric, c.value), i);
    if (!inserted && c.confidence > claims[it->second].confidence) it->second = i;
  }
  std::vector<Claim> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    Claim& c = claims[i];
    if (c.kind == ClaimKind::kCount && best[{c.metric, c.value}] != i) continue;
    out.push_back(std::move(c));
  }
  return out;
}

// Whether the sentence is the article's headline: the first line, alone in its
// paragraph, without a final full stop.
bool IsHeadline(std::string_view text, const SentenceSpan& span, size_t index) {
  if (index != 0 || span.paragraph != 0) return false;
  std::string_view line = text.substr(span.begin, span.end - span.begin);
  size_t line_end = text.find('\n', span.begin);
  bool whole_line = line_end == std::string_view::npos || line_end == span.end;
  return whole_line && !line.empty() && line.back() != '.' && line.size() < 250 &&
         line_end != std::string_view::npos;
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
  std::vector<SentenceSpan> sentences = SplitSentences(text, lex.abbreviations);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceSpan& span = sentences[i];
    SentenceAnalysis s = AnalyseSentence(text.substr(span.begin, span.end - span.begin), span.begin, lex, ctx.dates);
    size_t before = claims.size();
    FindCountClaims(s, lex, ctx, &claims);
    FindEventClaims(s, lex, ctx, &claims);
    if (IsHeadline(text, span, i)) {
      for (size_t k = before; k < claims.size(); ++k) claims[k].confidence -= kHeadlinePenalty;
    }
  }
  RelabelSameFigures(lex, &claims);
  claims = DropRepeatedCounts(std::move(claims));
  for (Claim& c : claims) {
    c.file = doc.file;
    c.document_id = doc.id;
    if (guessed_reference && c.kind == ClaimKind::kDate) c.confidence = std::min(c.confidence, 0.5);
  }
  return claims;
}

}  // namespace claimcheck
