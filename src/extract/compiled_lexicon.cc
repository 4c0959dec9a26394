#include "extract/compiled_lexicon.h"

#include <re2/re2.h>

#include <optional>

#include "base/unicode.h"

namespace claimcheck {

CompiledLexicon::CompiledLexicon() = default;
CompiledLexicon::~CompiledLexicon() = default;

namespace {

PhraseSet PhrasesOf(const std::vector<std::string>& phrases, int payload = 0) {
  PhraseSet set;
  for (const std::string& p : phrases) set.Add(p, payload);
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
    for (const std::string& p : lex.qualifiers[i].phrases) c->qualifiers.Add(p, static_cast<int>(i));
  }
  for (const MetricEntry& m : lex.metrics) {
    CompiledMetric cm;
    cm.entry = &m;
    cm.nouns = PhrasesOf(m.nouns);
    cm.cues_before = PhrasesOf(m.cues_before);
    cm.cues_after = PhrasesOf(m.cues_after);
    cm.excludes = PhrasesOf(m.excludes);
    cm.required_context = PhrasesOf(m.required_context);
    cm.subject_after = PhrasesOf(m.subject_after);
    cm.subject_types.insert(m.subject_types.begin(), m.subject_types.end());
    for (const auto& r : m.refine) {
      RefineScope scope = r.scope == "sentence"      ? RefineScope::kSentence
                          : r.scope == "before"      ? RefineScope::kBefore
                          : r.scope == "same_figure" ? RefineScope::kSameFigure
                                                     : RefineScope::kWindow;
      cm.refinements.push_back({r.metric, scope, PhrasesOf(r.cues)});
    }
    c->metrics.push_back(std::move(cm));
  }
  for (size_t i = 0; i < lex.subjects.size(); ++i) {
    for (const std::string& a : lex.subjects[i].aliases) c->subjects.Add(a, static_cast<int>(i));
  }
  for (size_t i = 0; i < lex.place_words.size(); ++i) {
    c->place_words.Add(lex.place_words[i].word, static_cast<int>(i));
  }
  for (size_t i = 0; i < lex.sources.size(); ++i) {
    c->sources.Add(lex.sources[i].name, static_cast<int>(i));
    for (const std::string& a : lex.sources[i].aliases) c->sources.Add(a, static_cast<int>(i));
  }
  for (size_t i = 0; i < lex.relative_days.size(); ++i) {
    c->relative_days.Add(lex.relative_days[i].phrase, static_cast<int>(i));
  }
  c->attribution_verbs = PhrasesOf(lex.attribution_verbs);
  c->attribution_preps = PhrasesOf(lex.attribution_preps);
  c->as_of_markers = PhrasesOf(lex.as_of_markers);
  c->since_markers = PhrasesOf(lex.since_markers);
  c->possessive_markers = PhrasesOf(lex.possessive_markers);
  c->capitalised_stopwords = PhrasesOf(lex.capitalised_stopwords);
  c->name_prefixes = PhrasesOf(lex.name_prefixes);
  c->non_count_units = PhrasesOf(lex.non_count_units);
  c->abbreviations.insert(lex.abbreviations.begin(), lex.abbreviations.end());
  for (const EventEntry& e : lex.events) {
    CompiledEvent ce;
    ce.entry = &e;
    ok &= CompilePatterns(e.triggers, e.source, &ce.triggers, sink);
    ok &= CompilePatterns(e.context, e.source, &ce.context, sink);
    ok &= CompilePatterns(e.excludes, e.source, &ce.excludes, sink);
    ce.subject_types.insert(e.subject_types.begin(), e.subject_types.end());
    c->events.push_back(std::move(ce));
  }
  for (const TopicEntry& t : lex.topics) c->topic_keywords.push_back(PhrasesOf(t.keywords));
  if (!ok) return nullptr;
  return c;
}

}  // namespace claimcheck
