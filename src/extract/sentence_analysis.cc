#include "extract/sentence_analysis.h"

#include <algorithm>

#include "base/unicode.h"

namespace claimcheck {
namespace {

bool IsClauseBreak(const TextToken& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& s = t.lower;
  return s == "," || s == ";" || s == ":" || s == "(" || s == ")" || s == "\xE2\x80\x93" /* – */ ||
         s == "\xE2\x80\x94" /* — */ || (s == "-" && t.space_before);
}

// Conjunctions that start a new clause when a capitalised word follows ("... và Thượng viện ...").
bool IsClauseConjunction(const TextToken& t) {
  return t.kind == TokenKind::kWord &&
         (t.lower == "và" || t.lower == "and" || t.lower == "nhưng" || t.lower == "but" || t.lower == "while");
}

std::vector<int> SplitClauses(const std::vector<TextToken>& tokens) {
  std::vector<int> clause_of(tokens.size(), 0);
  int clause = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (IsClauseBreak(tokens[i])) {
      clause_of[i] = clause;
      ++clause;
      continue;
    }
    if (IsClauseConjunction(tokens[i]) && i + 1 < tokens.size() && tokens[i + 1].upper_initial && i > 0) {
      ++clause;
    }
    clause_of[i] = clause;
  }
  return clause_of;
}

// Upper-initial word tokens starting at `i` (at most `max`), stopping at anything else.
size_t CapitalisedRun(const std::vector<TextToken>& tokens, size_t i, size_t max) {
  size_t n = 0;
  while (i + n < tokens.size() && n < max && tokens[i + n].kind == TokenKind::kWord &&
         tokens[i + n].upper_initial) {
    ++n;
  }
  return n;
}

std::string SnakeJoin(std::string_view text, const std::vector<TextToken>& tokens, size_t first, size_t last) {
  std::string out;
  for (size_t k = first; k < last; ++k) {
    std::string word = StripDiacriticsLower(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    if (word.empty()) continue;
    if (!out.empty()) out += '_';
    out += word;
  }
  return out;
}

// Places introduced by a place word: "tỉnh Quảng Ninh", "cầu Phong Châu", "Quang Ninh province".
void FindPlaces(std::string_view text, const std::vector<TextToken>& tokens, const CompiledLexicon& lex,
                std::vector<SubjectMention>* out) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    PhraseMatch m;
    if (!lex.place_words.MatchAt(tokens, i, &m)) continue;
    const PlaceWord& w = lex.lexicon.place_words[m.payload];
    size_t name_first, name_last;
    if (!w.after) {
      size_t n = CapitalisedRun(tokens, m.last, 4);
      if (n == 0) continue;
      name_first = m.last;
      name_last = m.last + n;
    } else {
      size_t b = m.first;
      while (b > 0 && m.first - b < 4 && tokens[b - 1].kind == TokenKind::kWord && tokens[b - 1].upper_initial) --b;
      if (b == m.first) continue;
      name_first = b;
      name_last = m.first;
    }
    std::string name = SnakeJoin(text, tokens, name_first, name_last);
    if (w.mode == "keep") name = SnakeJoin(text, tokens, m.first, m.last) + "_" + name;
    if (w.mode == "suffix") name += "_" + w.suffix;
    out->push_back({std::min(m.first, name_first), std::max(m.last, name_last), name, w.type});
    i = std::max(m.last, name_last) - 1;
  }
}

bool Overlaps(size_t a0, size_t a1, size_t b0, size_t b1) { return a0 < b1 && b0 < a1; }

}  // namespace

size_t SentenceAnalysis::TokenAtOrAfter(size_t byte) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const TextToken& t, size_t b) { return t.begin < b; });
  return static_cast<size_t>(it - tokens.begin());
}

SentenceAnalysis AnalyseSentence(std::string_view sentence, size_t offset, const CompiledLexicon& lex,
                                 const DateContext& date_context) {
  SentenceAnalysis a;
  a.text = sentence;
  a.offset = offset;
  a.tokens = TokenizeText(sentence);
  a.clause_of = SplitClauses(a.tokens);

  for (const PhraseMatch& m : lex.sources.FindAll(a.tokens, 0, a.tokens.size())) {
    a.sources.push_back({m.first, m.last, lex.lexicon.sources[m.payload].name});
  }
  // Subjects named inside a source ("Cơ quan tình báo Hàn Quốc") are not subjects.
  std::vector<SubjectMention> places;
  FindPlaces(sentence, a.tokens, lex, &places);
  std::vector<SubjectMention> named;
  for (const PhraseMatch& m : lex.subjects.FindAll(a.tokens, 0, a.tokens.size())) {
    const SubjectEntry& s = lex.lexicon.subjects[m.payload];
    named.push_back({m.first, m.last, s.name, s.type});
  }
  for (auto* list : {&places, &named}) {
    for (const SubjectMention& s : *list) {
      bool in_source = std::any_of(a.sources.begin(), a.sources.end(), [&](const SourceMention& src) {
        return Overlaps(s.first, s.last, src.first, src.last);
      });
      bool taken = std::any_of(a.subjects.begin(), a.subjects.end(), [&](const SubjectMention& o) {
        return Overlaps(s.first, s.last, o.first, o.last);
      });
      if (!in_source && !taken) a.subjects.push_back(s);
    }
  }
  std::sort(a.subjects.begin(), a.subjects.end(),
            [](const SubjectMention& x, const SubjectMention& y) { return x.first < y.first; });

  for (DateMention& d : FindDates(sentence, date_context)) {
    DateAt at{d, a.TokenAtOrAfter(d.begin), a.TokenAtOrAfter(d.end)};
    a.dates.push_back(std::move(at));
  }
  for (NumberMention& n : FindNumbers(sentence)) {
    bool in_date = std::any_of(a.dates.begin(), a.dates.end(), [&](const DateAt& d) {
      return Overlaps(n.begin, n.end, d.date.begin, d.date.end);
    });
    if (in_date) continue;
    NumberAt at{n, a.TokenAtOrAfter(n.begin), a.TokenAtOrAfter(n.end)};
    a.numbers.push_back(std::move(at));
  }
  return a;
}

}  // namespace claimcheck
