#include "extract/sentence_analysis.h"

#include <algorithm>
#include <chrono>

#include "base/unicode.h"

namespace claimcheck {
namespace {

// (Words are compared as string_views: GCC 12's std::string == "..." always calls memcmp.)
bool IsClauseBreak(const TextToken& t) {
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view s = t.lower;
  return s == "," || s == ";" || s == ":" || s == "\xE2\x80\x93" /* – */ ||
         s == "\xE2\x80\x94" /* — */ || (s == "-" && t.space_before);
}

// Conjunctions that start a new clause when a capitalised word follows ("... và Thượng viện ...").
bool IsClauseConjunction(const TextToken& t) {
  std::string_view w = t.lower;
  return t.kind == TokenKind::kWord && (w == "và" || w == "and" || w == "nhưng" || w == "but" || w == "while");
}

// Clauses: split at , ; : and dashes, and at a conjunction followed by a new
// capitalised actor ("... và Thượng viện ...") unless that is a named subject
// ("Nga và Triều Tiên" stays one clause).
std::vector<int> SplitClauses(const std::vector<TextToken>& tokens, const std::vector<SubjectMention>& subjects) {
  std::vector<int> clause_of(tokens.size(), 0);
  int clause = 0;
  auto starts_subject = [&](size_t i) {
    return std::any_of(subjects.begin(), subjects.end(), [i](const SubjectMention& m) { return m.first == i; });
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    // "Quảng Ninh - Hải Phòng": a dash between two names joins them.
    bool joins_names = std::string_view(tokens[i].lower) == "-" && i > 0 && i + 1 < tokens.size() && tokens[i - 1].upper_initial &&
                       tokens[i + 1].upper_initial;
    // "1,500": a separator inside a number.
    bool in_number = i > 0 && i + 1 < tokens.size() && tokens[i - 1].kind == TokenKind::kDigits &&
                     tokens[i + 1].kind == TokenKind::kDigits && !tokens[i].space_before && !tokens[i + 1].space_before;
    if (IsClauseBreak(tokens[i]) && !joins_names && !in_number) {
      clause_of[i] = clause;
      ++clause;
      continue;
    }
    if (IsClauseConjunction(tokens[i]) && i + 1 < tokens.size() && tokens[i + 1].upper_initial && i > 0 &&
        !starts_subject(i + 1)) {
      ++clause;
    }
    clause_of[i] = clause;
  }
  return clause_of;
}

// Whether token i can be part of a place name: capitalised and not a function
// word that happens to start a sentence ("In Lao Cai province").
bool NameWord(const std::vector<TextToken>& tokens, size_t i, const CompiledLexicon& lex) {
  PhraseMatch m;
  return tokens[i].kind == TokenKind::kWord && tokens[i].upper_initial &&
         !lex.capitalised_stopwords.MatchAt(tokens, i, &m);
}

// Name words starting at `i` (at most `max`), stopping at anything else.
size_t CapitalisedRun(const std::vector<TextToken>& tokens, size_t i, size_t max, const CompiledLexicon& lex) {
  size_t n = 0;
  while (i + n < tokens.size() && n < max && NameWord(tokens, i + n, lex)) ++n;
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
      size_t n = CapitalisedRun(tokens, m.last, 4, lex);
      if (n == 0) continue;
      name_first = m.last;
      name_last = m.last + n;
    } else {
      size_t b = m.first;
      while (b > 0 && m.first - b < 4 && NameWord(tokens, b - 1, lex)) --b;
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

std::string AsciiUpper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// `date` moved by `days` (a day-granular date stays one; coarser ones are returned unchanged).
PartialDate AddDays(const PartialDate& date, int days) {
  if (date.granularity != DateGranularity::kDay || date.year == 0) return date;
  using namespace std::chrono;
  sys_days d = sys_days(year{date.year} / month{static_cast<unsigned>(date.month)} /
                        day{static_cast<unsigned>(date.day)}) + std::chrono::days{days};
  year_month_day ymd(d);
  PartialDate out = date;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return out;
}

// "trước đó một ngày": a date relative to the date mentioned just before it
// (so nothing to look for in a sentence without dates).
void AddRelativeDays(const CompiledLexicon& lex, SentenceAnalysis* a) {
  if (a->dates.empty()) return;
  for (const PhraseMatch& m : lex.relative_days.FindAll(a->tokens, 0, a->tokens.size())) {
    const DateAt* previous = nullptr;
    for (const DateAt& d : a->dates) {
      if (d.last <= m.first) previous = &d;
    }
    if (!previous || previous->date.date.granularity != DateGranularity::kDay) continue;
    DateAt at;
    at.first = m.first;
    at.last = m.last;
    at.date.begin = a->tokens[m.first].begin;
    at.date.end = a->tokens[m.last - 1].end;
    at.date.text = std::string(a->text.substr(at.date.begin, at.date.end - at.date.begin));
    at.date.date = AddDays(previous->date.date, lex.lexicon.relative_days[m.payload].days);
    at.date.relative = true;
    at.date.year_inferred = previous->date.year_inferred;
    a->dates.push_back(std::move(at));
  }
  std::sort(a->dates.begin(), a->dates.end(), [](const DateAt& x, const DateAt& y) { return x.first < y.first; });
}

}  // namespace

size_t SentenceAnalysis::TokenAtOrAfter(size_t byte) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const TextToken& t, size_t b) { return t.begin < b; });
  return static_cast<size_t>(it - tokens.begin());
}

SentenceAnalysis AnalyseSentence(std::string_view sentence, size_t offset, std::vector<TextToken> tokens,
                                 const CompiledLexicon& lex, const DateContext& date_context) {
  SentenceAnalysis a;
  a.text = sentence;
  a.offset = offset;
  a.tokens = std::move(tokens);

  for (DateMention& d : FindDates(sentence, a.tokens, date_context)) {
    DateAt at{d, a.TokenAtOrAfter(d.begin), a.TokenAtOrAfter(d.end)};
    a.dates.push_back(std::move(at));
  }
  AddRelativeDays(lex, &a);
  for (NumberMention& n : FindNumbers(sentence, a.tokens)) {
    bool in_date = std::any_of(a.dates.begin(), a.dates.end(), [&](const DateAt& d) {
      return Overlaps(n.begin, n.end, d.date.begin, d.date.end);
    });
    if (in_date) continue;
    NumberAt at{n, a.TokenAtOrAfter(n.begin), a.TokenAtOrAfter(n.end)};
    a.numbers.push_back(std::move(at));
  }
  if (!a.HasFigures()) return a;

  for (const PhraseMatch& m : lex.sources.FindAll(a.tokens, 0, a.tokens.size())) {
    a.sources.push_back({m.first, m.last, lex.lexicon.sources[m.payload].name});
  }
  // Subjects named inside a source ("Cơ quan tình báo Hàn Quốc") are not subjects.
  std::vector<SubjectMention> places;
  FindPlaces(sentence, a.tokens, lex, &places);
  std::vector<SubjectMention> named;
  for (const PhraseMatch& m : FindSubjects(lex, a.tokens, 0, a.tokens.size())) {
    const SubjectEntry& s = lex.lexicon.subjects[m.payload];
    named.push_back({m.first, m.last, s.name, s.type});
  }
  // A dateline ("HANOI, Sept 9 (Reuters) -") names where the story was filed, not its subject.
  size_t dateline_end = 0;
  while (dateline_end < a.tokens.size() && a.tokens[dateline_end].kind == TokenKind::kWord &&
         a.tokens[dateline_end].lower.size() > 1 &&
         sentence.substr(a.tokens[dateline_end].begin, a.tokens[dateline_end].end - a.tokens[dateline_end].begin) ==
             AsciiUpper(a.tokens[dateline_end].lower)) {
    ++dateline_end;
  }
  if (dateline_end == 0 || dateline_end >= a.tokens.size() || a.tokens[dateline_end].lower != ",") dateline_end = 0;
  for (auto* list : {&places, &named}) {
    for (const SubjectMention& s : *list) {
      if (s.first < dateline_end) continue;
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
  // "Triều Tiên-Nga", "Nga - Triều": two subjects joined by a hyphen.
  for (size_t i = 0; i + 1 < a.subjects.size(); ++i) {
    SubjectMention& x = a.subjects[i];
    SubjectMention& y = a.subjects[i + 1];
    bool states = (x.type == "country" || x.type == "person") && (y.type == "country" || y.type == "person");
    if (states && y.first == x.last + 1 && a.tokens[x.last].lower == "-") x.in_pair = y.in_pair = true;
  }
  a.clause_of = SplitClauses(a.tokens, a.subjects);
  return a;
}

}  // namespace claimcheck
