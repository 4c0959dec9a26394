#include "extract/claim_context.h"

#include <algorithm>

namespace claimcheck {
namespace {

bool TypeAllowed(const SubjectMention& m, const std::unordered_set<std::string>& types) {
  return types.count(m.type) > 0;
}

// How specific a subject type is: a bridge before a province before a country.
int Specificity(const std::string& type) {
  static const char* kOrder[] = {"structure", "village", "commune", "district", "city", "province", "region"};
  for (int i = 0; i < 7; ++i) {
    if (type == kOrder[i]) return 10 - i;
  }
  return 0;
}

// The canonical source for free text: a known alias, else the text itself.
std::string CanonicalSource(const SentenceAnalysis& s, size_t first, size_t last, const CompiledLexicon& lex) {
  for (const SourceMention& m : s.sources) {
    if (m.first >= first && m.last <= last) return m.name;
  }
  std::string_view text = s.text.substr(s.tokens[first].begin, s.tokens[last - 1].end - s.tokens[first].begin);
  return std::string(text);
}

size_t CapitalisedRunForward(const SentenceAnalysis& s, size_t i) {
  size_t n = 0;
  while (i + n < s.tokens.size() && n < 6) {
    const TextToken& t = s.tokens[i + n];
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      ++n;
    } else {
      break;
    }
  }
  return n;
}

}  // namespace

std::string NearestSubject(const SentenceAnalysis& s, size_t first, size_t last,
                           const std::unordered_set<std::string>& types, const PhraseSet* possessives) {
  size_t owner_at = last;  // where an owning subject would start
  PhraseMatch pm;
  if (possessives && possessives->MatchAt(s.tokens, last, &pm)) owner_at = pm.last;
  const SubjectMention* after_near = nullptr;
  const SubjectMention* before = nullptr;
  const SubjectMention* after = nullptr;
  for (const SubjectMention& m : s.subjects) {
    if (!TypeAllowed(m, types) || m.in_pair) continue;
    if (m.first >= first && m.last <= last) return m.name;  // inside the phrase ("1,500 North Korean troops")
    if (m.first >= last) {
      if (!after) after = &m;
      if (!after_near && (m.first == last || m.first == owner_at)) after_near = &m;
    } else if (m.last <= first) {
      // The nearest one before wins, unless an earlier one is more specific
      // ("cầu Phong Châu (Phú Thọ) bị sập, 8 xe rơi" -> the bridge).
      if (!before || Specificity(m.type) >= Specificity(before->type)) before = &m;
    }
  }
  if (after_near) return after_near->name;
  if (before) return before->name;
  if (after) return after->name;
  return "";
}

std::string FindAttribution(const SentenceAnalysis& s, size_t at, const CompiledLexicon& lex) {
  const SourceMention* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const SourceMention& m : s.sources) {
    size_t d = m.last <= at ? at - m.last : (m.first - at) * 2;  // prefer sources before the figure
    if (d < best_distance) {
      best_distance = d;
      best = &m;
    }
  }
  if (best) return best->name;
  // "theo KCNA", "according to the Pentagon"
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    PhraseMatch m;
    if (!lex.attribution_preps.MatchAt(s.tokens, i, &m)) continue;
    size_t j = m.last;
    if (j < s.tokens.size() && s.tokens[j].lower == "the") ++j;
    size_t n = CapitalisedRunForward(s, j);
    if (n > 0) return CanonicalSource(s, j, j + n, lex);
  }
  // "Bộ Quốc phòng cho biết", "the ministry said"
  for (size_t i = 1; i < s.tokens.size(); ++i) {
    PhraseMatch m;
    if (!lex.attribution_verbs.MatchAt(s.tokens, i, &m)) continue;
    size_t b = i;
    PhraseMatch stop;
    while (b > 0 && i - b < 6 && s.tokens[b - 1].kind == TokenKind::kWord && s.tokens[b - 1].upper_initial &&
           !lex.capitalised_stopwords.MatchAt(s.tokens, b - 1, &stop) &&
           !lex.attribution_preps.MatchAt(s.tokens, b - 1, &stop)) {
      --b;
    }
    if (b < i) return CanonicalSource(s, b, i, lex);
  }
  return "";
}

std::string FindAsOf(const SentenceAnalysis& s, size_t at, const CompiledLexicon& lex) {
  const DateAt* best = nullptr;
  for (const DateAt& d : s.dates) {
    if (d.last > at) continue;
    PhraseMatch m;
    if (d.first > 0 && lex.since_markers.MatchEndingAt(s.tokens, d.first, &m)) continue;
    if (d.first > 1 && s.tokens[d.first - 1].lower == "ngày" &&
        lex.since_markers.MatchEndingAt(s.tokens, d.first - 1, &m)) {
      continue;
    }
    best = &d;
  }
  if (best) return best->date.date.ToString();
  for (const DateAt& d : s.dates) {
    if (d.first < at) continue;
    PhraseMatch m;
    size_t lo = d.first >= 3 ? d.first - 3 : 0;
    for (size_t k = lo; k < d.first; ++k) {
      if (lex.as_of_markers.MatchAt(s.tokens, k, &m) && m.last <= d.first) return d.date.date.ToString();
    }
  }
  return "";
}

}  // namespace claimcheck
