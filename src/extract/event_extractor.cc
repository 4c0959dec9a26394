#include "extract/event_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <set>

#include "extract/claim_context.h"

namespace claimcheck {
namespace {

// A date further than this many tokens from a trigger in its clause does not date it.
constexpr size_t kMaxDateGap = 15;

// The sentence's tokens joined by single spaces, with each token's offset, so
// that patterns see "ký hiệp ước" whatever the spacing and case of the text.
struct JoinedText {
  std::string text;
  std::vector<size_t> token_begin;  // offset of token i in `text`
  std::vector<size_t> token_end;

  // Token index starting at / ending at an offset, or SIZE_MAX.
  size_t TokenStartingAt(size_t off) const {
    auto it = std::lower_bound(token_begin.begin(), token_begin.end(), off);
    return it != token_begin.end() && *it == off ? static_cast<size_t>(it - token_begin.begin()) : SIZE_MAX;
  }
  size_t TokenEndingAt(size_t off) const {
    auto it = std::lower_bound(token_end.begin(), token_end.end(), off);
    return it != token_end.end() && *it == off ? static_cast<size_t>(it - token_end.begin()) : SIZE_MAX;
  }
};

JoinedText Join(const std::vector<TextToken>& tokens, size_t first, size_t last) {
  JoinedText j;
  for (size_t i = first; i < last; ++i) {
    if (!j.text.empty()) j.text += ' ';
    j.token_begin.push_back(j.text.size());
    j.text += tokens[i].lower;
    j.token_end.push_back(j.text.size());
  }
  return j;
}

bool AnyMatch(const std::vector<std::unique_ptr<re2::RE2>>& patterns, const std::string& text) {
  for (const auto& re : patterns) {
    if (re2::RE2::PartialMatch(text, *re)) return true;
  }
  return false;
}

struct Trigger {
  size_t event;        // index into lex.events
  size_t token;        // first token of the match (sentence index)
  size_t token_end;    // one past its last token
  int clause;
};

// Trigger matches of every applicable event, at whole-word boundaries.
std::vector<Trigger> FindTriggers(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc) {
  std::vector<Trigger> out;
  int clauses = s.clause_of.empty() ? 0 : s.clause_of.back() + 1;
  std::vector<JoinedText> clause_text;
  std::vector<size_t> clause_first;
  std::vector<std::vector<bool>> may_match(clauses);  // per clause, per trigger (lex.trigger_filter)
  for (int c = 0; c < clauses; ++c) {
    size_t b = std::find(s.clause_of.begin(), s.clause_of.end(), c) - s.clause_of.begin();
    size_t e = b;
    while (e < s.clause_of.size() && s.clause_of[e] == c) ++e;
    clause_text.push_back(Join(s.tokens, b, e));
    clause_first.push_back(b);
    lex.trigger_filter.Match(clause_text.back().text, &may_match[c]);
  }
  // Whether trigger k of `ev` may match in clause c; in any clause when c < 0.
  auto may = [&](const CompiledEvent& ev, size_t k, int c) {
    if (c >= 0) return static_cast<bool>(may_match[c][ev.first_trigger + k]);
    for (int d = 0; d < clauses; ++d) {
      if (may_match[d][ev.first_trigger + k]) return true;
    }
    return false;
  };
  auto any_may = [&](const CompiledEvent& ev, int c) {
    for (size_t k = 0; k < ev.triggers.size(); ++k) {
      if (may(ev, k, c)) return true;
    }
    return false;
  };
  std::optional<JoinedText> sentence;  // joined when an event's context is checked
  for (size_t ei = 0; ei < lex.events.size(); ++ei) {
    const CompiledEvent& ev = lex.events[ei];
    if (!doc.Allows(ev.entry->topic)) continue;
    if (!any_may(ev, -1)) continue;  // no trigger anywhere: the checks below cannot matter
    if (!ev.context.empty()) {
      if (!sentence) sentence = Join(s.tokens, 0, s.tokens.size());
      if (!AnyMatch(ev.context, sentence->text)) continue;
    }
    for (int c = 0; c < clauses; ++c) {
      const JoinedText& jt = clause_text[c];
      if (!any_may(ev, c) || AnyMatch(ev.excludes, jt.text)) continue;
      for (size_t k = 0; k < ev.triggers.size(); ++k) {
        if (!may(ev, k, c)) continue;
        const auto& re = ev.triggers[k];
        re2::StringPiece input(jt.text);
        re2::StringPiece match;
        size_t pos = 0;
        while (pos <= jt.text.size() &&
               re->Match(input, pos, jt.text.size(), re2::RE2::UNANCHORED, &match, 1)) {
          size_t off = static_cast<size_t>(match.data() - jt.text.data());
          size_t tb = jt.TokenStartingAt(off);
          size_t te = jt.TokenEndingAt(off + match.size());
          if (tb != SIZE_MAX && te != SIZE_MAX) {
            out.push_back({ei, clause_first[c] + tb, clause_first[c] + te + 1, c});
          }
          pos = off + std::max<size_t>(match.size(), 1);
        }
      }
    }
  }
  return out;
}

// Whether clause `c` holds nothing but a date and a few function words
// ("Vào tháng 10 năm ngoái", "Đến tháng 5", "Ngày 12/11").
bool IsDateOnlyClause(const SentenceAnalysis& s, int c, const DateAt& d) {
  size_t words = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.clause_of[i] != c || (i >= d.first && i < d.last)) continue;
    if (s.tokens[i].kind == TokenKind::kWord) ++words;
  }
  return words <= 3;
}

std::string EventSubject(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc,
                         const CompiledEvent& ev, const Trigger& trigger) {
  const std::string& how = ev.entry->subject;
  if (how == "actor") {
    // The owner named right after the trigger ("sắc lệnh của Chủ tịch Kim"), else
    // the nearest subject before the trigger, else the nearest after it.
    std::string subject =
        NearestSubject(s, trigger.token_end, trigger.token_end, ev.subject_types, &lex.possessive_markers);
    std::string before = NearestSubject(s, trigger.token, trigger.token, ev.subject_types, nullptr);
    PhraseMatch owner;
    bool has_owner = lex.possessive_markers.MatchAt(s.tokens, trigger.token_end, &owner);
    if (!has_owner && !before.empty()) subject = before;
    // A subject of the event's first listed type named inside the trigger wins
    // ("cầu Phong Châu (Phú Thọ) bị sập" -> the bridge).
    const std::vector<std::string>& types = ev.entry->subject_types;
    for (const SubjectMention& m : s.subjects) {
      if (!types.empty() && m.type == types.front() && m.first >= trigger.token && m.last <= trigger.token_end &&
          !m.in_pair) {
        subject = m.name;
        break;
      }
    }
    if (subject.empty() && ev.subject_types.count("country") && !doc.countries.empty()) {
      subject = doc.countries.front();
    }
    return subject;
  }
  if (how != "pair") return how;
  // The two sides: countries (and leaders) named in the sentence, then the document's.
  std::vector<std::string> sides;
  for (const SubjectMention& m : s.subjects) {
    if ((m.type == "country" || m.type == "person") &&
        std::find(sides.begin(), sides.end(), m.name) == sides.end()) {
      sides.push_back(m.name);
    }
  }
  for (const SubjectPair& p : lex.lexicon.pairs) {
    bool both = std::all_of(p.members.begin(), p.members.end(), [&](const std::string& member) {
      return std::find(sides.begin(), sides.end(), member) != sides.end();
    });
    if (both) return p.name;
  }
  for (const std::string& c : doc.countries) {
    if (sides.size() >= 2) break;
    if (std::find(sides.begin(), sides.end(), c) == sides.end()) sides.push_back(c);
  }
  if (sides.size() < 2) return "";
  for (const SubjectPair& p : lex.lexicon.pairs) {
    bool both = std::all_of(p.members.begin(), p.members.end(), [&](const std::string& member) {
      return member == sides[0] || member == sides[1];
    });
    if (both) return p.name;
  }
  return sides[0] + "_" + sides[1];
}

}  // namespace

void FindEventClaims(const SentenceAnalysis& s, const CompiledLexicon& lex, const DocumentContext& doc,
                     std::vector<Claim>* out) {
  if (s.dates.empty()) return;
  std::vector<Trigger> triggers = FindTriggers(s, lex, doc);
  if (triggers.empty()) return;
  // Candidate (trigger, date) pairs with a score: token distance, doubled when the
  // date comes before the trigger (events are usually dated after their verb:
  // "ký ... vào ngày 19/6"). A date whose own clause is only a date ("Vào tháng 10
  // năm ngoái, ...") may date the next clause's trigger.
  struct Candidate {
    size_t score, trigger, date;
  };
  std::vector<Candidate> candidates;
  for (size_t di = 0; di < s.dates.size(); ++di) {
    const DateAt& d = s.dates[di];
    if (d.date.date.year == 0 || d.first >= s.clause_of.size()) continue;
    int clause = s.clause_of[d.first];
    int fronted_to = -1;  // the clause a fronted date may also serve
    if (IsDateOnlyClause(s, clause, d)) {
      for (const Trigger& t : triggers) {
        if (t.clause > clause && (fronted_to < 0 || t.clause < fronted_to)) fronted_to = t.clause;
      }
    }
    for (size_t ti = 0; ti < triggers.size(); ++ti) {
      const Trigger& t = triggers[ti];
      if (t.clause != clause && t.clause != fronted_to) continue;
      // A reporting verb between the date and the trigger makes it the report's date
      // ("Ngày 12/11, KCNA đưa tin, ... phê chuẩn").
      size_t lo = std::min(t.token, d.first), hi = std::max(t.token, d.last);
      bool reported = false;
      for (size_t k = lo; k < hi && !reported; ++k) {
        PhraseMatch m;
        reported = (k < d.first || k >= d.last) && lex.attribution_verbs.MatchAt(s.tokens, k, &m) &&
                   m.last <= hi;
      }
      if (reported) continue;
      size_t gap = t.token < d.first ? (d.first >= t.token_end ? d.first - t.token_end : 0)
                                     : (t.token >= d.last ? t.token - d.last : 0);
      if (t.clause == clause && gap > kMaxDateGap) continue;
      size_t score = t.token < d.first ? gap : 2 * gap + 1;
      candidates.push_back({score, ti, di});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score < b.score;
    return triggers[a.trigger].event < triggers[b.trigger].event;
  });
  std::vector<bool> trigger_used(triggers.size()), date_used(s.dates.size());
  const size_t first_new = out->size();
  std::set<std::pair<size_t, std::string>> seen;  // (event, date) already emitted in this sentence
  for (const Candidate& cand : candidates) {
    if (trigger_used[cand.trigger] || date_used[cand.date]) continue;
    const Trigger& t = triggers[cand.trigger];
    const DateAt& d = s.dates[cand.date];
    const CompiledEvent& ev = lex.events[t.event];
    Claim c;
    c.kind = ClaimKind::kDate;
    c.metric = ev.entry->metric;
    c.subject = EventSubject(s, lex, doc, ev, t);
    if (c.subject.empty()) continue;
    trigger_used[cand.trigger] = true;
    date_used[cand.date] = true;
    // Other matches of the same event at the same place are spent too ("ký kết" / "ký").
    for (size_t k = 0; k < triggers.size(); ++k) {
      if (triggers[k].event == t.event && triggers[k].token == t.token) trigger_used[k] = true;
    }
    c.date = d.date.date.ToString();
    if (!seen.insert({t.event, c.date}).second) continue;
    c.attributed_to = FindAttribution(s, t.token, lex);
    size_t first = std::min(t.token, d.first);
    size_t last = std::max(t.token + 1, d.last);
    size_t b = s.tokens[first].begin;
    size_t e = s.tokens[last - 1].end;
    c.quote = std::string(s.text.substr(b, e - b));
    c.sentence = std::string(s.text);
    c.span_begin = s.offset + b;
    c.span_end = s.offset + e;
    c.confidence = d.date.year_inferred ? 0.7 : 0.9;
    c.pattern_id = ev.entry->source.file + ":" + std::to_string(ev.entry->source.line);
    out->push_back(std::move(c));
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first_new), out->end(),
            [](const Claim& a, const Claim& b) { return a.span_begin < b.span_begin; });
}

}  // namespace claimcheck
