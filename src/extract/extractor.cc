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

// The tokens of the sentence `span`, cut from the document's tokens `doc`
// (offsets made relative to the sentence): the same as TokenizeText of the
// sentence, which starts afresh (space and line before its first token).
// `*next` is the first document token not yet given to a sentence (sentences
// come in text order). A token crossing the sentence's edge (which the
// splitter does not make) falls back to tokenising the sentence.
std::vector<TextToken> SentenceTokens(std::string_view text, const std::vector<TextToken>& doc,
                                      const SentenceSpan& span, const WordVocabulary& vocabulary, size_t* next) {
  size_t first = *next;
  while (first < doc.size() && doc[first].begin < span.begin) ++first;
  size_t last = first;
  while (last < doc.size() && doc[last].begin < span.end) ++last;
  *next = last;
  bool crosses = (first > 0 && doc[first - 1].end > span.begin) || (last > first && doc[last - 1].end > span.end);
  if (crosses) {
    std::vector<TextToken> tokens = TokenizeText(text.substr(span.begin, span.end - span.begin));
    vocabulary.Assign(&tokens);
    return tokens;
  }
  std::vector<TextToken> tokens(doc.begin() + static_cast<std::ptrdiff_t>(first),
                                doc.begin() + static_cast<std::ptrdiff_t>(last));
  for (TextToken& t : tokens) {
    t.begin -= span.begin;
    t.end -= span.begin;
  }
  if (!tokens.empty()) tokens.front().space_before = tokens.front().line_start = true;
  return tokens;
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
  std::string_view text = doc.text;
  std::vector<TextToken> tokens = TokenizeText(text);  // once: the sentences' tokens are cut from these
  lex.vocabulary.Assign(&tokens);
  DocumentContext ctx = MakeDocumentContext(doc, tokens, lex);
  bool guessed_reference = false;
  if (!ctx.dates.published && !ctx.dates.anchor && !fallback_reference.empty()) {
    ctx.dates.published = ParseIsoDate(fallback_reference);
    guessed_reference = ctx.dates.published.has_value();
  }
  std::vector<Claim> claims;
  std::vector<SentenceSpan> sentences = SplitSentences(text, lex.abbreviations);
  size_t next_token = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceSpan& span = sentences[i];
    SentenceAnalysis s = AnalyseSentence(text.substr(span.begin, span.end - span.begin), span.begin,
                                         SentenceTokens(text, tokens, span, lex.vocabulary, &next_token), lex,
                                         ctx.dates);
    if (!s.HasFigures()) continue;
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
