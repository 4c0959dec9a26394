// Loads rules/lexicon/*.toml and rules/topics/*.toml into a Lexicon. The only
// place (with check_rules.cc) that includes toml11.
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <toml.hpp>

#include "base/strings.h"
#include "base/unicode.h"
#include "rulebook/lexicon.h"
#include "rulebook/toml_text.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;
using TomlValue = toml::value;

const std::set<std::string> kQualifierKinds = {"approx", "more_than", "at_least", "nearly", "at_most"};
const std::set<std::string> kSubjectTypes = {"country", "province", "city", "district", "commune",
                                             "village", "structure", "region", "person", "organization"};

// Reports an error located at `v` (file:line and the offending line).
void ReportAt(DiagnosticSink* sink, const TomlValue& v, const std::string& message) {
  toml::source_location loc = v.location();
  Diagnostic d;
  d.file = loc.file_name();
  d.line = static_cast<int>(loc.line());
  d.column = static_cast<int>(loc.column());
  d.message = message;
  d.source_line = loc.line_str();
  sink->Report(std::move(d));
}

class FileReader {
 public:
  FileReader(const TomlValue& root, DiagnosticSink* sink) : root_(root), sink_(sink) {}

  // Reads `key` of `table` as a string list; a single string is accepted too.
  std::vector<std::string> Strings(const TomlValue& table, const std::string& key) {
    std::vector<std::string> out;
    if (!table.contains(key)) return out;
    const TomlValue& v = table.at(key);
    if (v.is_string()) {
      out.push_back(NormalizeNfc(v.as_string().str));
    } else if (v.is_array()) {
      for (const TomlValue& item : v.as_array()) {
        if (!item.is_string()) {
          ReportAt(sink_, item, "'" + key + "' must hold strings");
          continue;
        }
        out.push_back(NormalizeNfc(item.as_string().str));
      }
    } else {
      ReportAt(sink_, v, "'" + key + "' must be a string or a list of strings");
    }
    return out;
  }

  std::string String(const TomlValue& table, const std::string& key, bool required) {
    if (!table.contains(key)) {
      if (required) ReportAt(sink_, table, "missing required key '" + key + "'");
      return "";
    }
    const TomlValue& v = table.at(key);
    if (!v.is_string()) {
      ReportAt(sink_, v, "'" + key + "' must be a string");
      return "";
    }
    return NormalizeNfc(v.as_string().str);
  }

  bool Bool(const TomlValue& table, const std::string& key) {
    if (!table.contains(key)) return false;
    const TomlValue& v = table.at(key);
    if (!v.is_boolean()) {
      ReportAt(sink_, v, "'" + key + "' must be true or false");
      return false;
    }
    return v.as_boolean();
  }

  // Reports keys of `table` outside `allowed`.
  void CheckKeys(const TomlValue& table, const std::set<std::string>& allowed, const std::string& what) {
    for (const auto& [k, v] : table.as_table()) {
      if (!allowed.count(k)) ReportAt(sink_, v, "unknown key '" + k + "' in " + what);
    }
  }

  // Calls `fn` for each table of the array-of-tables `key`.
  template <typename Fn>
  void EachTable(const std::string& key, Fn fn) {
    if (!root_.contains(key)) return;
    const TomlValue& arr = root_.at(key);
    if (!arr.is_array()) {
      ReportAt(sink_, arr, "'" + key + "' must be written as [[" + key + "]] tables");
      return;
    }
    for (const TomlValue& t : arr.as_array()) {
      if (!t.is_table()) {
        ReportAt(sink_, t, "'" + key + "' entries must be tables");
        continue;
      }
      fn(t);
    }
  }

  DiagnosticSink* sink() { return sink_; }

 private:
  const TomlValue& root_;
  DiagnosticSink* sink_;
};

SourceRef RefOf(const TomlValue& v) {
  toml::source_location loc = v.location();
  return {loc.file_name(), static_cast<int>(loc.line())};
}

// "Quảng Ninh" -> "quang_ninh".
std::string SnakeName(const std::string& words) {
  std::string plain = StripDiacriticsLower(words);
  std::string out;
  for (char c : plain) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

void ReadFile(const TomlValue& root, Lexicon* lex, DiagnosticSink* sink) {
  FileReader r(root, sink);
  static const std::set<std::string> kTopKeys = {
      "qualifier", "metric", "subject", "place_list", "pair", "place_word", "source", "event", "topic",
      "attribution_verbs", "attribution_preps", "as_of_markers", "since_markers", "possessive_markers", "capitalised_stopwords", "relative_day", "name_prefixes", "not_subjects", "person_name_middles",
      "non_count_units", "abbreviations"};
  r.CheckKeys(root, kTopKeys, "a lexicon file");

  r.EachTable("qualifier", [&](const TomlValue& t) {
    r.CheckKeys(t, {"kind", "phrases"}, "[[qualifier]]");
    QualifierEntry q{r.String(t, "kind", true), r.Strings(t, "phrases"), RefOf(t)};
    if (!q.qualifier.empty() && !kQualifierKinds.count(q.qualifier)) {
      ReportAt(sink, t.at("kind"), "unknown qualifier kind '" + q.qualifier +
                                       "' (expected approx, more_than, at_least, nearly or at_most)");
    }
    lex->qualifiers.push_back(std::move(q));
  });
  r.EachTable("metric", [&](const TomlValue& t) {
    r.CheckKeys(t, {"name", "topic", "unit", "nouns", "cues_before", "cues_after", "excludes", "requires",
                    "subject_types", "subject_after", "percent", "refine"},
                "[[metric]]");
    MetricEntry m;
    m.name = r.String(t, "name", true);
    m.topic = r.String(t, "topic", false);
    m.unit = r.String(t, "unit", false);
    m.nouns = r.Strings(t, "nouns");
    m.cues_before = r.Strings(t, "cues_before");
    m.cues_after = r.Strings(t, "cues_after");
    m.excludes = r.Strings(t, "excludes");
    m.required_context = r.Strings(t, "requires");
    m.subject_types = r.Strings(t, "subject_types");
    m.subject_after = r.Strings(t, "subject_after");
    m.percent = r.Bool(t, "percent");
    if (t.contains("refine")) {
      const TomlValue& list = t.at("refine");
      if (!list.is_array()) {
        ReportAt(sink, list, "'refine' must be a list of { metric, scope, cues } tables");
      } else {
        for (const TomlValue& item : list.as_array()) {
          if (!item.is_table()) {
            ReportAt(sink, item, "'refine' entries must be { metric, scope, cues } tables");
            continue;
          }
          r.CheckKeys(item, {"metric", "scope", "cues"}, "a refine entry");
          MetricEntry::Refinement ref{r.String(item, "metric", true), r.String(item, "scope", false),
                                      r.Strings(item, "cues")};
          if (ref.scope.empty()) ref.scope = "window";
          if (ref.scope != "window" && ref.scope != "sentence" && ref.scope != "before" &&
              ref.scope != "same_figure") {
            ReportAt(sink, item, "refine scope must be \"before\", \"window\", \"sentence\" or \"same_figure\"");
          }
          m.refine.push_back(std::move(ref));
        }
      }
    }
    m.source = RefOf(t);
    for (const auto& st : m.subject_types) {
      if (!kSubjectTypes.count(st)) ReportAt(sink, t.at("subject_types"), "unknown subject type '" + st + "'");
    }
    if (m.subject_types.empty()) m.subject_types = {"country"};
    lex->metrics.push_back(std::move(m));
  });
  r.EachTable("subject", [&](const TomlValue& t) {
    r.CheckKeys(t, {"name", "type", "aliases"}, "[[subject]]");
    SubjectEntry s{r.String(t, "name", true), r.String(t, "type", true), r.Strings(t, "aliases"), RefOf(t)};
    if (!s.type.empty() && !kSubjectTypes.count(s.type)) {
      ReportAt(sink, t.at("type"), "unknown subject type '" + s.type + "'");
    }
    lex->subjects.push_back(std::move(s));
  });
  r.EachTable("place_list", [&](const TomlValue& t) {
    r.CheckKeys(t, {"type", "names"}, "[[place_list]]");
    std::string type = r.String(t, "type", true);
    if (!type.empty() && !kSubjectTypes.count(type)) {
      ReportAt(sink, t.at("type"), "unknown subject type '" + type + "'");
    }
    for (const std::string& name : r.Strings(t, "names")) {
      lex->subjects.push_back({SnakeName(name), type, {name}, RefOf(t)});
    }
  });
  r.EachTable("pair", [&](const TomlValue& t) {
    r.CheckKeys(t, {"name", "members"}, "[[pair]]");
    SubjectPair p{r.String(t, "name", true), r.Strings(t, "members")};
    if (p.members.size() != 2) ReportAt(sink, t, "a [[pair]] needs exactly two members");
    lex->pairs.push_back(std::move(p));
  });
  r.EachTable("place_word", [&](const TomlValue& t) {
    r.CheckKeys(t, {"word", "type", "mode", "suffix", "position"}, "[[place_word]]");
    PlaceWord w{r.String(t, "word", true), r.String(t, "type", true), r.String(t, "mode", true),
                r.String(t, "suffix", false), r.String(t, "position", false) == "after"};
    if (w.mode != "drop" && w.mode != "suffix" && w.mode != "keep") {
      ReportAt(sink, t, "place_word mode must be drop, suffix or keep");
    }
    lex->place_words.push_back(std::move(w));
  });
  r.EachTable("source", [&](const TomlValue& t) {
    r.CheckKeys(t, {"name", "aliases"}, "[[source]]");
    lex->sources.push_back({r.String(t, "name", true), r.Strings(t, "aliases")});
  });
  r.EachTable("event", [&](const TomlValue& t) {
    r.CheckKeys(t, {"metric", "topic", "triggers", "context", "excludes", "subject", "subject_types"},
                "[[event]]");
    EventEntry e;
    e.metric = r.String(t, "metric", true);
    e.topic = r.String(t, "topic", false);
    e.triggers = r.Strings(t, "triggers");
    e.context = r.Strings(t, "context");
    e.excludes = r.Strings(t, "excludes");
    e.subject = r.String(t, "subject", true);
    e.subject_types = r.Strings(t, "subject_types");
    if (e.subject_types.empty()) e.subject_types = {"country"};
    e.source = RefOf(t);
    if (e.triggers.empty()) ReportAt(sink, t, "an [[event]] needs at least one trigger");
    lex->events.push_back(std::move(e));
  });
  r.EachTable("relative_day", [&](const TomlValue& t) {
    r.CheckKeys(t, {"phrase", "days"}, "[[relative_day]]");
    RelativeDay rd{r.String(t, "phrase", true), 0};
    if (!t.contains("days") || !t.at("days").is_integer()) {
      ReportAt(sink, t, "a [[relative_day]] needs an integer 'days'");
    } else {
      rd.days = static_cast<int>(t.at("days").as_integer());
    }
    lex->relative_days.push_back(std::move(rd));
  });
  r.EachTable("topic", [&](const TomlValue& t) {
    r.CheckKeys(t, {"name", "keywords"}, "[[topic]]");
    lex->topics.push_back({r.String(t, "name", true), r.Strings(t, "keywords")});
  });
  auto append = [&](const char* key, std::vector<std::string>* dst) {
    for (auto& s : r.Strings(root, key)) dst->push_back(std::move(s));
  };
  append("attribution_verbs", &lex->attribution_verbs);
  append("attribution_preps", &lex->attribution_preps);
  append("as_of_markers", &lex->as_of_markers);
  append("since_markers", &lex->since_markers);
  append("possessive_markers", &lex->possessive_markers);
  append("capitalised_stopwords", &lex->capitalised_stopwords);
  append("not_subjects", &lex->not_subjects);
  append("person_name_middles", &lex->person_name_middles);
  append("name_prefixes", &lex->name_prefixes);
  append("non_count_units", &lex->non_count_units);
  append("abbreviations", &lex->abbreviations);
}

std::vector<fs::path> TomlFilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Parses one file with `parse` (from a path or a stream) and reads it into `lex`;
// syntax errors and exceptions become diagnostics for `file_name`.
template <typename Parse>
void ParseInto(Parse parse, const std::string& file_name, Lexicon* lex, DiagnosticSink* sink) {
  try {
    TomlValue root = parse();
    ReadFile(root, lex, sink);
  } catch (const toml::syntax_error& e) {
    Diagnostic d;
    d.file = file_name;
    d.message = e.what();
    d.line = static_cast<int>(e.location().line());
    sink->Report(std::move(d));
  } catch (const std::exception& e) {
    sink->Error(file_name, 0, e.what());
  }
}

}  // namespace

Status ParseLexiconFile(const std::string& text, const std::string& file_name, Lexicon* out,
                        DiagnosticSink* sink) {
  const int errors_before = sink->error_count();
  std::istringstream in(text);
  if (CheckTomlIsUtf8(text, file_name, sink)) {
    ParseInto([&] { return toml::parse(in, file_name); }, file_name, out, sink);
  }
  if (sink->error_count() > errors_before) {
    return Status::InvalidInput(file_name + ": " + std::to_string(sink->error_count() - errors_before) +
                                " error(s) in the lexicon");
  }
  return Status::Ok();
}

Status LoadLexicon(const std::string& rules_dir, Lexicon* out, DiagnosticSink* sink) {
  const int errors_before = sink->error_count();
  std::vector<fs::path> files = TomlFilesIn(fs::path(rules_dir) / "lexicon");
  if (files.empty()) {
    return Status::NotFound("no lexicon files in " + (fs::path(rules_dir) / "lexicon").string());
  }
  for (const fs::path& p : TomlFilesIn(fs::path(rules_dir) / "topics")) files.push_back(p);
  for (const fs::path& path : files) {
    const std::optional<std::string> text = ReadRulesFile(path);
    if (!text) {
      sink->Error(path.string(), 0, "cannot read lexicon file");
      continue;
    }
    (void)ParseLexiconFile(*text, path.string(), out, sink);  // its errors are in `sink`
  }
  if (sink->error_count() > errors_before) {
    return Status::InvalidInput(std::to_string(sink->error_count() - errors_before) +
                                " error(s) in the lexicon under " + rules_dir);
  }
  return Status::Ok();
}

}  // namespace claimcheck
