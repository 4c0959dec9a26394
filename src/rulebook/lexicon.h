// Lexicon: the language and topic knowledge the extractor uses, loaded from
// rules/lexicon/*.toml and rules/topics/*.toml. Plain data; nothing here knows
// about RE2 or the text being read. Phrases are matched case-insensitively on
// whole words ("thiệt mạng" never matches inside another word).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"

namespace claimcheck {

// Where an entry came from, for error messages ("rules/lexicon/metrics.toml:42").
struct SourceRef {
  std::string file;
  int line = 0;
};

// A word group in front of a number that bounds it: "khoảng" -> approx, "hơn" -> more_than.
struct QualifierEntry {
  std::string qualifier;             // a QualifierName(): approx | more_than | at_least | nearly | at_most
  std::vector<std::string> phrases;  // "khoảng", "chừng", "around", ...
  SourceRef source;
};

// How one count metric is recognised around a number. A number is a candidate
// for the metric when (1) one of `nouns` follows it (skipping at most a few
// subject words, e.g. "1,500 North Korean troops"), or `nouns` is empty; (2) one
// of `cues_before` occurs before it or one of `cues_after` after it, within the
// sentence and without another number in between, or both cue lists are empty;
// (3) none of `excludes` occurs in the sentence. Candidates are tried in file
// order, so more specific metrics come first.
struct MetricEntry {
  std::string name;                       // VOCABULARY.md name, e.g. "killed"
  std::string topic;                      // "" (any) or a topic name, e.g. "war", "disaster"
  std::string unit;                       // "people", "ha", "percent", "vnd", "level", ...
  std::vector<std::string> nouns;
  std::vector<std::string> cues_before;
  std::vector<std::string> cues_after;
  std::vector<std::string> excludes;
  std::vector<std::string> required_context;  // TOML "requires": when set, the sentence must contain one of these ("death toll")
  std::vector<std::string> subject_types; // which subjects may own it: country, province, place, ...
  std::vector<std::string> subject_after; // the subject is the one named after one of these ("nguồn gốc từ")
  bool percent = false;                   // the number must be a percentage or a fraction word
  // Narrower metrics this one turns into when their cues are present: a plan
  // ("sẽ cử") makes troops_deployed troops_planned. Tried in order.
  struct Refinement {
    std::string metric;
    std::string scope;                    // "before" (just before the number), "window" (around it), "sentence",
                                          // or "same_figure" (the article gives this value for `metric`)
    std::vector<std::string> cues;
  };
  std::vector<Refinement> refine;
  SourceRef source;
};

// A named thing a claim can be about: a country (with its nationality and
// capital), a province, a named structure.
struct SubjectEntry {
  std::string name;                  // snake_case, e.g. "north_korea", "quang_ninh"
  std::string type;                  // country | province | district | commune | village | structure | region | person
  std::vector<std::string> aliases;  // "Triều Tiên", "North Korea", "DPRK", ...
  SourceRef source;
};

// A pair of subjects acting together, named in the text's usual order.
struct SubjectPair {
  std::string name;                  // "russia_north_korea"
  std::vector<std::string> members;  // {"russia", "north_korea"}
};

// Words that introduce a place name: "tỉnh" (dropped: tỉnh Quảng Ninh -> quang_ninh),
// "cầu" (suffix: cầu Phong Châu -> phong_chau_bridge), "làng" (kept: Làng Nủ -> lang_nu).
struct PlaceWord {
  std::string word;
  std::string type;                  // province | district | commune | village | structure
  std::string mode;                  // drop | suffix | keep
  std::string suffix;                // for mode = suffix, e.g. "bridge"
  bool after = false;                // the word follows the name ("Quang Ninh province")
};

// A source a figure can be attributed to: "Cơ quan tình báo Hàn Quốc" -> NIS.
struct SourceEntry {
  std::string name;
  std::vector<std::string> aliases;
};

// A dated event: the sentence clause must contain one of `triggers`, and, when
// given, one of `context` anywhere in the sentence; none of `excludes`. The date
// is the date mention nearest to the trigger in the same clause (or a fronted
// date phrase). Entries are tried in order and the first match wins per clause.
struct EventEntry {
  std::string metric;                    // e.g. "treaty_signed"
  std::string topic;                     // "" or a topic name
  std::vector<std::string> triggers;     // RE2 patterns, matched on the lower-cased clause
  std::vector<std::string> context;      // RE2 patterns, matched on the lower-cased sentence
  std::vector<std::string> excludes;     // RE2 patterns, matched on the lower-cased clause
  std::string subject;                   // fixed subject, or "actor" (nearest subject) or "pair"
  std::vector<std::string> subject_types;
  SourceRef source;
};

// A date given relative to the date just mentioned: "trước đó một ngày" = -1 day.
struct RelativeDay {
  std::string phrase;
  int days = 0;
};

// A topic and the words that reveal it ("bão", "lũ" -> disaster).
struct TopicEntry {
  std::string name;
  std::vector<std::string> keywords;
};

struct Lexicon {
  std::vector<QualifierEntry> qualifiers;
  std::vector<MetricEntry> metrics;
  std::vector<SubjectEntry> subjects;
  std::vector<SubjectPair> pairs;
  std::vector<PlaceWord> place_words;
  std::vector<SourceEntry> sources;
  std::vector<std::string> attribution_verbs;    // "cho biết", "ước tính", "said", ...
  std::vector<std::string> attribution_preps;    // "theo", "according to"
  std::vector<std::string> as_of_markers;        // "tính đến", "as of", ...
  std::vector<std::string> since_markers;        // "kể từ", "since": a date that starts a period
  std::vector<std::string> possessive_markers;   // "của", "of": the subject after them owns the count
  std::vector<std::string> capitalised_stopwords; // "In", "Tại": capitalised but never part of a name
  std::vector<std::string> not_subjects;          // "Chủ nhật", "cập nhật": hold an alias, name no subject
  std::vector<std::string> person_name_middles;   // "Thị", "Văn": capitalised, the next word is a name
  std::vector<RelativeDay> relative_days;
  std::vector<std::string> name_prefixes;        // "trung đoàn", "sư đoàn": a number right after is a name
  std::vector<std::string> non_count_units;      // "mm", "tuổi", "năm", "km/h": the number is not a count
  std::vector<std::string> abbreviations;        // "TP", "Mr": a period after them ends no sentence
  std::vector<EventEntry> events;
  std::vector<TopicEntry> topics;
};

// Reads rules_dir/lexicon/*.toml and rules_dir/topics/*.toml (sorted by name) into
// `out`. Every problem (TOML syntax, unknown key, wrong type, unknown qualifier or
// subject type) is reported to `sink` as file:line with the offending line; the
// returned Status is not ok when any error was reported.
Status LoadLexicon(const std::string& rules_dir, Lexicon* out, DiagnosticSink* sink);

// Same for one file's TOML text (`file_name` labels diagnostics): appends what it
// declares to `out`. The fuzz target (tests/fuzz/lexicon_fuzz.cc) reads rules this way.
Status ParseLexiconFile(const std::string& text, const std::string& file_name, Lexicon* out,
                        DiagnosticSink* sink);

}  // namespace claimcheck
