// CompiledLexicon: the Lexicon (rulebook/lexicon.h) turned into matchers once,
// before any document is read: phrase sets over tokens and RE2 programs for
// event patterns. Immutable after Compile, so threads may share it.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/diagnostics.h"
#include "extract/phrase_set.h"
#include "rulebook/lexicon.h"

namespace re2 {
class RE2;
}

namespace claimcheck {

enum class RefineScope { kBefore, kWindow, kSentence, kSameFigure };

struct CompiledRefinement {
  std::string metric;
  RefineScope scope = RefineScope::kWindow;
  PhraseSet cues;
};

struct CompiledMetric {
  const MetricEntry* entry = nullptr;
  PhraseSet nouns, cues_before, cues_after, excludes, required_context, subject_after;
  std::vector<CompiledRefinement> refinements;
  std::unordered_set<std::string> subject_types;
};

struct CompiledEvent {
  const EventEntry* entry = nullptr;
  std::vector<std::unique_ptr<re2::RE2>> triggers, context, excludes;
  std::unordered_set<std::string> subject_types;
  size_t first_trigger = 0;  // TriggerFilter index of triggers[0]; the others follow
};

// Which trigger patterns of all events can match a text, in one pass over it
// (an RE2::Set of every trigger, numbered event after event), so that only
// those are run one by one to find where they match.
class TriggerFilter {
 public:
  TriggerFilter();
  ~TriggerFilter();
  // Adds the next pattern (lower-cased, already known to compile); false when
  // the set refuses it (the filter then lets every pattern through).
  bool Add(const std::string& pattern);
  void Compile();
  // Sets (*may_match)[k] for each pattern k that matches somewhere in `text`
  // (every k when the set could not tell). `may_match` is resized to size().
  void Match(const std::string& text, std::vector<bool>* may_match) const;
  size_t size() const { return size_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  size_t size_ = 0;
};

struct CompiledLexicon {
  CompiledLexicon();
  ~CompiledLexicon();
  CompiledLexicon(const CompiledLexicon&) = delete;
  CompiledLexicon& operator=(const CompiledLexicon&) = delete;

  Lexicon lexicon;
  WordVocabulary vocabulary;  // the words of every phrase set below
  PhraseSet qualifiers;      // payload: index into lexicon.qualifiers
  std::vector<CompiledMetric> metrics;
  PhraseSet subjects;        // payload: SubjectPayload (read it with FindSubjects)
  PhraseSet place_words;     // payload: index into lexicon.place_words
  PhraseSet sources;         // payload: index into lexicon.sources
  PhraseSet relative_days;   // payload: index into lexicon.relative_days
  PhraseSet attribution_verbs, attribution_preps, as_of_markers, since_markers, possessive_markers,
      capitalised_stopwords, name_prefixes, non_count_units, person_name_middles;
  std::unordered_set<std::string> abbreviations;
  std::vector<CompiledEvent> events;
  TriggerFilter trigger_filter;  // every event's triggers (CompiledEvent::first_trigger)
  std::vector<PhraseSet> topic_keywords;  // parallel to lexicon.topics
};

// Compiles `lexicon`. Invalid RE2 patterns are reported to `sink` with the
// entry's file:line; returns nullptr when any was.
std::unique_ptr<CompiledLexicon> CompileLexicon(Lexicon lexicon, DiagnosticSink* sink);

// The payload of CompiledLexicon::subjects: a subject's index (an acronym alias such
// as "US" marked apart), or kNotASubject for a not_subjects phrase.
inline constexpr int kNotASubject = -1;
inline int SubjectPayload(int subject, bool acronym) { return acronym ? -2 - subject : subject; }
// An alias of two or more letters, none of them lower case ("US", "DPRK", "U.S."):
// it names the subject only when written so ("told us" names no one).
bool IsAcronym(std::string_view alias);

// The subjects named in tokens [from, to): the longest alias matches, left to right,
// without the phrases that merely hold an alias (lexicon not_subjects: "Chủ nhật" is
// Sunday, not Japan), without acronyms written with a lower-case letter, and without
// an alias right after a capitalised person_name_middles word ("Nguyễn Thị Nga" is a
// person). Payload: the index into lexicon.subjects.
std::vector<PhraseMatch> FindSubjects(const CompiledLexicon& lex, const std::vector<TextToken>& tokens, size_t from,
                                      size_t to);

}  // namespace claimcheck
