#include "extract/compiled_lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <optional>

#include "base/unicode.h"

namespace claimcheck {

CompiledLexicon::CompiledLexicon() = default;
CompiledLexicon::~CompiledLexicon() = default;

struct TriggerFilter::Impl {
  Impl() : set(Options(), re2::RE2::UNANCHORED) {}
  static re2::RE2::Options Options() {
    re2::RE2::Options options;  // as CompilePatterns below
    options.set_log_errors(false);
    return options;
  }
  re2::RE2::Set set;
  bool usable = true;
};

TriggerFilter::TriggerFilter() : impl_(std::make_unique<Impl>()) {}
TriggerFilter::~TriggerFilter() = default;

bool TriggerFilter::Add(const std::string& pattern) {
  ++size_;
  if (impl_->set.Add(pattern, nullptr) < 0) impl_->usable = false;
  return impl_->usable;
}

void TriggerFilter::Compile() {
  if (impl_->usable && size_ > 0) impl_->usable = impl_->set.Compile();
}

void TriggerFilter::Match(const std::string& text, std::vector<bool>* may_match) const {
  may_match->assign(size_, !impl_->usable);
  if (!impl_->usable || size_ == 0) return;
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo error{re2::RE2::Set::kNoError};
  if (!impl_->set.Match(text, &hits, &error) && error.kind != re2::RE2::Set::kNoError) {
    may_match->assign(size_, true);  // the DFA gave up: let every pattern through
    return;
  }
  for (int k : hits) (*may_match)[static_cast<size_t>(k)] = true;
}

namespace {

PhraseSet PhrasesOf(const std::vector<std::string>& phrases, WordVocabulary* vocabulary) {
  PhraseSet set;
  for (const std::string& p : phrases) set.Add(p, 0, vocabulary);
  return set;
}

// Compiles patterns (matched on lower-cased text); reports bad ones at `where`.
bool CompilePatterns(const std::vector<std::string>& patterns, const SourceRef& where,
                     std::vector<std::unique_ptr<re2::RE2>>* out, DiagnosticSink* sink) {
  bool ok = true;
  re2::RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& p : patterns) {
    auto re = std::make_unique<re2::RE2>(ToLowerUtf8(p), options);
    if (!re->ok()) {
      sink->Error(where.file, where.line, "bad pattern '" + p + "': " + re->error());
      ok = false;
      continue;
    }
    out->push_back(std::move(re));
  }
  return ok;
}

}  // namespace

std::unique_ptr<CompiledLexicon> CompileLexicon(Lexicon lexicon, DiagnosticSink* sink) {
  auto c = std::make_unique<CompiledLexicon>();
  c->lexicon = std::move(lexicon);
  const Lexicon& lex = c->lexicon;
  bool ok = true;
  for (size_t i = 0; i < lex.qualifiers.size(); ++i) {
    for (const std::string& p : lex.qualifiers[i].phrases) c->qualifiers.Add(p, static_cast<int>(i), &c->vocabulary);
  }
  for (const MetricEntry& m : lex.metrics) {
    CompiledMetric cm;
    cm.entry = &m;
    cm.nouns = PhrasesOf(m.nouns, &c->vocabulary);
    cm.cues_before = PhrasesOf(m.cues_before, &c->vocabulary);
    cm.cues_after = PhrasesOf(m.cues_after, &c->vocabulary);
    cm.excludes = PhrasesOf(m.excludes, &c->vocabulary);
    cm.required_context = PhrasesOf(m.required_context, &c->vocabulary);
    cm.subject_after = PhrasesOf(m.subject_after, &c->vocabulary);
    cm.subject_types.insert(m.subject_types.begin(), m.subject_types.end());
    for (const auto& r : m.refine) {
      RefineScope scope = r.scope == "sentence"      ? RefineScope::kSentence
                          : r.scope == "before"      ? RefineScope::kBefore
                          : r.scope == "same_figure" ? RefineScope::kSameFigure
                                                     : RefineScope::kWindow;
      cm.refinements.push_back({r.metric, scope, PhrasesOf(r.cues, &c->vocabulary)});
    }
    c->metrics.push_back(std::move(cm));
  }
  for (size_t i = 0; i < lex.subjects.size(); ++i) {
    for (const std::string& a : lex.subjects[i].aliases) {
      c->subjects.Add(a, SubjectPayload(static_cast<int>(i), IsAcronym(a)), &c->vocabulary);
    }
  }
  // Longer than the alias they hold, they win the longest match and hide it.
  for (const std::string& p : lex.not_subjects) c->subjects.Add(p, kNotASubject, &c->vocabulary);
  for (size_t i = 0; i < lex.place_words.size(); ++i) {
    c->place_words.Add(lex.place_words[i].word, static_cast<int>(i), &c->vocabulary);
  }
  for (size_t i = 0; i < lex.sources.size(); ++i) {
    c->sources.Add(lex.sources[i].name, static_cast<int>(i), &c->vocabulary);
    for (const std::string& a : lex.sources[i].aliases) c->sources.Add(a, static_cast<int>(i), &c->vocabulary);
  }
  for (size_t i = 0; i < lex.relative_days.size(); ++i) {
    c->relative_days.Add(lex.relative_days[i].phrase, static_cast<int>(i), &c->vocabulary);
  }
  c->attribution_verbs = PhrasesOf(lex.attribution_verbs, &c->vocabulary);
  c->attribution_preps = PhrasesOf(lex.attribution_preps, &c->vocabulary);
  c->as_of_markers = PhrasesOf(lex.as_of_markers, &c->vocabulary);
  c->since_markers = PhrasesOf(lex.since_markers, &c->vocabulary);
  c->possessive_markers = PhrasesOf(lex.possessive_markers, &c->vocabulary);
  c->capitalised_stopwords = PhrasesOf(lex.capitalised_stopwords, &c->vocabulary);
  c->name_prefixes = PhrasesOf(lex.name_prefixes, &c->vocabulary);
  c->person_name_middles = PhrasesOf(lex.person_name_middles, &c->vocabulary);
  c->non_count_units = PhrasesOf(lex.non_count_units, &c->vocabulary);
  c->abbreviations.insert(lex.abbreviations.begin(), lex.abbreviations.end());
  for (const EventEntry& e : lex.events) {
    CompiledEvent ce;
    ce.entry = &e;
    ok &= CompilePatterns(e.triggers, e.source, &ce.triggers, sink);
    ce.first_trigger = c->trigger_filter.size();
    for (const auto& re : ce.triggers) c->trigger_filter.Add(re->pattern());
    ok &= CompilePatterns(e.context, e.source, &ce.context, sink);
    ok &= CompilePatterns(e.excludes, e.source, &ce.excludes, sink);
    ce.subject_types.insert(e.subject_types.begin(), e.subject_types.end());
    c->events.push_back(std::move(ce));
  }
  c->trigger_filter.Compile();
  for (const TopicEntry& t : lex.topics) c->topic_keywords.push_back(PhrasesOf(t.keywords, &c->vocabulary));
  if (!ok) return nullptr;
  return c;
}

bool IsAcronym(std::string_view alias) {
  int letters = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (static_cast<unsigned char>(c) >= 0x80) return false;  // letters beyond ASCII: a name, not an acronym
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::vector<PhraseMatch> FindSubjects(const CompiledLexicon& lex, const std::vector<TextToken>& tokens, size_t from,
                                      size_t to) {
  std::vector<PhraseMatch> out;
  for (PhraseMatch m : lex.subjects.FindAll(tokens, from, to)) {
    if (m.payload == kNotASubject) continue;
    PhraseMatch middle;
    if (m.first > 0 && tokens[m.first - 1].upper_initial &&
        lex.person_name_middles.MatchEndingAt(tokens, m.first, &middle)) {
      continue;  // "Nguyễn Thị Nga": a person's name
    }
    if (m.payload < 0) {
      bool capitals = true;
      for (size_t t = m.first; t < m.last; ++t) {
        if (tokens[t].kind == TokenKind::kWord && !tokens[t].no_lower_ascii) capitals = false;
      }
      if (!capitals) continue;
      m.payload = -2 - m.payload;
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace claimcheck
