#include "extract/document_context.h"

#include <algorithm>
#include <map>

namespace claimcheck {

DocumentContext MakeDocumentContext(const Document& doc, const std::vector<TextToken>& tokens,
                                    const CompiledLexicon& lex) {
  DocumentContext ctx;
  ctx.doc = &doc;

  std::vector<std::pair<std::string, int>> topic_hits;
  for (size_t t = 0; t < lex.topic_keywords.size(); ++t) {
    int hits = static_cast<int>(lex.topic_keywords[t].FindAll(tokens, 0, tokens.size()).size());
    topic_hits.push_back({lex.lexicon.topics[t].name, hits});
  }
  // Active: at least two keyword hits and at least a third of the best topic's hits.
  int best = 0;
  for (const auto& [name, hits] : topic_hits) best = std::max(best, hits);
  for (const auto& [name, hits] : topic_hits) {
    if (hits >= 2 && hits * 3 >= best) ctx.topics.insert(name);
  }

  std::map<std::string, int> counts;
  std::map<std::string, size_t> first_seen;
  for (const PhraseMatch& m : FindSubjects(lex, tokens, 0, tokens.size())) {
    const SubjectEntry& s = lex.lexicon.subjects[m.payload];
    if (s.type != "country") continue;
    ++counts[s.name];
    first_seen.emplace(s.name, m.first);
  }
  for (const auto& [name, n] : counts) ctx.countries.push_back(name);
  std::stable_sort(ctx.countries.begin(), ctx.countries.end(), [&](const std::string& a, const std::string& b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return first_seen[a] < first_seen[b];
  });

  ctx.dates.published = ParseIsoDate(doc.published);
  if (!ctx.dates.published) ctx.dates.anchor = InferAnchor(doc.text, tokens);
  ctx.dates.english = doc.language == "en";
  return ctx;
}

}  // namespace claimcheck
