#include "extract/count_extractor.h"

#include <algorithm>

#include "extract/claim_context.h"

namespace claimcheck {
namespace {

constexpr size_t kCueWindowBefore = 15;  // tokens
constexpr size_t kCueWindowAfter = 14;
constexpr size_t kMaxNounGap = 3;        // subject words allowed between number and noun

// Where a count's words sit in the sentence's tokens.
struct CountSpan {
  size_t qualifier_first;  // == number.first when there is no qualifier
  size_t number_first, number_last;
  size_t noun_last;        // one past the noun (== number_last when the metric has none)
  size_t window_first;     // cue search bounds: no other digit number inside
  size_t window_last;
};

bool IsSubjectToken(const SentenceAnalysis& s, size_t i) {
  return std::any_of(s.subjects.begin(), s.subjects.end(),
                     [i](const SubjectMention& m) { return i >= m.first && i < m.last; });
}

// Finds the metric's noun after the number, allowing subject words (or one
// other word) in between. Sets *noun_last.
bool MatchNoun(const SentenceAnalysis& s, const CompiledMetric& m, size_t number_last, size_t* noun_last) {
  if (m.nouns.empty()) {
    *noun_last = number_last;
    return true;
  }
  size_t others = 0;
  for (size_t p = number_last; p < s.tokens.size() && p <= number_last + kMaxNounGap; ++p) {
    PhraseMatch match;
    if (m.nouns.MatchAt(s.tokens, p, &match)) {
      *noun_last = match.last;
      return true;
    }
    if (s.tokens[p].kind != TokenKind::kWord) return false;
    if (!IsSubjectToken(s, p) && ++others > 1) return false;
  }
  return false;
}

bool AnyIn(const PhraseSet& set, const SentenceAnalysis& s, size_t from, size_t to) {
  if (set.empty() || from >= to) return false;
  return set.AnyIn(s.tokens, from, to);
}

constexpr size_t kNoCue = SIZE_MAX;

// How far the metric's nearest cue is from the count (in tokens; 0 for a metric
// that needs no cue), or kNoCue. A metric without nouns needs its cue right in
// front of the number ("death toll rose to 59").
size_t CueDistance(const SentenceAnalysis& s, const CompiledMetric& m, const CountSpan& span) {
  if (m.cues_before.empty() && m.cues_after.empty()) return 0;
  size_t best = kNoCue;
  size_t window = m.nouns.empty() ? 3 : kCueWindowBefore;
  size_t before_from = std::max(span.window_first, span.qualifier_first > window ? span.qualifier_first - window : 0);
  for (const PhraseMatch& c : m.cues_before.FindAll(s.tokens, before_from, span.qualifier_first)) {
    best = std::min(best, span.qualifier_first - c.last);
  }
  if (m.nouns.empty()) {  // "2,700 wounded": the cue right after the number
    for (const PhraseMatch& c : m.cues_after.FindAll(s.tokens, span.number_last,
                                                     std::min(span.window_last, span.number_last + 2))) {
      best = std::min(best, c.first - span.number_last);
    }
    return best;
  }
  size_t after_to = std::min(span.window_last, span.noun_last + kCueWindowAfter);
  for (const PhraseMatch& c : m.cues_after.FindAll(s.tokens, span.number_last, after_to)) {
    best = std::min(best, c.first >= span.noun_last ? c.first - span.noun_last : 0);
  }
  return best;
}

bool Excluded(const SentenceAnalysis& s, const CompiledMetric& m, const CountSpan& span) {
  size_t from = std::max(span.window_first,
                         span.qualifier_first > kCueWindowBefore ? span.qualifier_first - kCueWindowBefore : 0);
  size_t to = std::min(span.window_last, span.noun_last + kCueWindowAfter);
  return AnyIn(m.excludes, s, from, to);
}

// The refined metric name (troops_planned for "sẽ cử ... quân"), or the metric's own.
std::string RefinedName(const SentenceAnalysis& s, const CompiledMetric& m, const CountSpan& span) {
  for (const CompiledRefinement& r : m.refinements) {
    if (r.scope == RefineScope::kSameFigure) continue;  // decided per document (RelabelSameFigures)
    size_t from = r.scope == RefineScope::kSentence
                      ? 0
                      : std::max(span.window_first,
                                 span.qualifier_first > kCueWindowBefore ? span.qualifier_first - kCueWindowBefore : 0);
    size_t to = r.scope == RefineScope::kSentence ? s.tokens.size()
                : r.scope == RefineScope::kBefore  ? span.qualifier_first
                                                   : std::min(span.window_last, span.noun_last + kCueWindowAfter);
    if (AnyIn(r.cues, s, from, to)) return r.metric;
  }
  return m.entry->name;
}

Qualifier QualifierFromName(const std::string& name) {
  return ParseQualifier(name).value_or(Qualifier::kExact);
}

// A number that is a measure, an age, a duration or part of a name.
bool IsNotACount(const SentenceAnalysis& s, const NumberAt& n, const CompiledLexicon& lex) {
  PhraseMatch m;
  if (n.first > 0 && lex.name_prefixes.MatchEndingAt(s.tokens, n.first, &m)) return true;
  if (!n.number.percent && n.last < s.tokens.size() && lex.non_count_units.MatchAt(s.tokens, n.last, &m)) {
    return true;
  }
  return false;
}

}  // namespace

void RelabelSameFigures(const CompiledLexicon& lex, std::vector<Claim>* claims) {
  for (const CompiledMetric& m : lex.metrics) {
    for (const CompiledRefinement& r : m.refinements) {
      if (r.scope != RefineScope::kSameFigure) continue;
      for (Claim& c : *claims) {
        if (c.kind != ClaimKind::kCount || c.metric != m.entry->name) continue;
        bool same = std::any_of(claims->begin(), claims->end(), [&](const Claim& o) {
          return o.kind == ClaimKind::kCount && o.metric == r.metric && o.value == c.value && o.subject == c.subject;
        });
        if (same) c.metric = r.metric;
      }
    }
  }
}

void IntervalFor(Qualifier q, double value, std::optional<double> range_high, std::optional<double>* low,
                 std::optional<double>* high) {
  low->reset();
  high->reset();
  switch (q) {
    case Qualifier::kExact:
    case Qualifier::kApprox: *low = value; *high = value; break;
    case Qualifier::kMoreThan:
    case Qualifier::kAtLeast: *low = value; break;
    case Qualifier::kNearly:
    case Qualifier::kAtMost: *high = value; break;
    case Qualifier::kRange:
    case Qualifier::kVague: *low = value; *high = range_high.value_or(value); break;
  }
}

void FindCountClaims(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc,
                     std::vector<Claim>* out) {
  for (size_t k = 0; k < s.numbers.size(); ++k) {
    const NumberAt& n = s.numbers[k];
    if (IsNotACount(s, n, lex)) continue;

    CountSpan span{n.first, n.first, n.last, n.last, 0, s.tokens.size()};
    PhraseMatch qm;
    Qualifier qualifier = Qualifier::kExact;
    if (n.first > 0 && lex.qualifiers.MatchEndingAt(s.tokens, n.first, &qm)) {
      span.qualifier_first = qm.first;
      qualifier = QualifierFromName(lex.lexicon.qualifiers[qm.payload].qualifier);
    }
    if (n.number.vague) qualifier = Qualifier::kVague;
    else if (n.number.high) qualifier = Qualifier::kRange;
    // Cue windows stop at the neighbouring numbers written in digits.
    for (size_t j = k; j-- > 0;) {
      if (!s.numbers[j].number.words) { span.window_first = s.numbers[j].last; break; }
    }
    for (size_t j = k + 1; j < s.numbers.size(); ++j) {
      if (!s.numbers[j].number.words) { span.window_last = s.numbers[j].first; break; }
    }

    // The metric whose cue sits nearest the count; ties go to the one listed first.
    const CompiledMetric* chosen = nullptr;
    size_t chosen_distance = kNoCue;
    size_t chosen_noun_last = n.last;
    for (const CompiledMetric& m : lex.metrics) {
      if (!doc.Allows(m.entry->topic)) continue;
      bool fraction = n.number.percent || (n.number.words && n.number.value > 0 && n.number.value < 1);
      if (m.entry->percent != fraction) continue;
      if (!MatchNoun(s, m, n.last, &span.noun_last)) continue;
      if (!m.required_context.empty() && !AnyIn(m.required_context, s, 0, s.tokens.size())) continue;
      size_t distance = CueDistance(s, m, span);
      if (distance == kNoCue || Excluded(s, m, span)) continue;
      if (!chosen || distance < chosen_distance) {
        chosen = &m;
        chosen_distance = distance;
        chosen_noun_last = span.noun_last;
      }
    }
    if (chosen) {
      const CompiledMetric& m = *chosen;
      span.noun_last = chosen_noun_last;

      Claim c;
      c.kind = ClaimKind::kCount;
      c.metric = RefinedName(s, m, span);
      c.value = n.number.value;
      c.qualifier = qualifier;
      IntervalFor(qualifier, n.number.value, n.number.high, &c.low, &c.high);
      c.unit = m.entry->unit;
      c.confidence = 0.9;

      // Whose count: the subject after a marker ("nguồn gốc từ Triều Tiên"), else the nearest one.
      for (const PhraseMatch& sm : m.subject_after.FindAll(s.tokens, span.noun_last, s.tokens.size())) {
        c.subject = NearestSubject(s, sm.last, sm.last, m.subject_types, nullptr);
        if (!c.subject.empty()) break;
      }
      if (c.subject.empty()) {
        c.subject = NearestSubject(s, n.last, span.noun_last, m.subject_types, &lex.possessive_markers);
      }
      if (c.subject.empty() && m.subject_types.count("country") && !doc.countries.empty()) {
        c.subject = doc.countries.front();
        c.confidence = 0.6;
      }
      if (c.subject.empty()) continue;

      c.attributed_to = FindAttribution(s, span.qualifier_first, lex);
      c.as_of = FindAsOf(s, span.qualifier_first, lex);
      if (c.as_of.empty() && !doc.doc->published.empty()) {
        c.as_of = doc.doc->published;
        c.as_of_inferred = true;
      }
      size_t b = s.tokens[span.qualifier_first].begin;
      size_t e = s.tokens[span.noun_last - 1].end;
      c.quote = std::string(s.text.substr(b, e - b));
      c.sentence = std::string(s.text);
      c.span_begin = s.offset + b;
      c.span_end = s.offset + e;
      c.pattern_id = m.entry->source.file + ":" + std::to_string(m.entry->source.line);
      out->push_back(std::move(c));
    }
  }
}

}  // namespace claimcheck
