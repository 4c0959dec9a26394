// Diagnostic: a problem with one input item (a file, a line of a feed, a rule
// file line), reported with its location so that a user can find it. A run
// collects them in a DiagnosticSink and keeps going where it can.
#pragma once

#include <string>
#include <vector>

namespace claimcheck {

struct Diagnostic {
  enum class Level { kWarning, kError };
  Level level = Level::kError;
  std::string file;      // path as the user gave it; may be empty
  int line = 0;          // 1-based; 0 when not known
  int column = 0;        // 1-based; 0 when not known
  std::string message;
  std::string source_line;  // the offending line, shown with a caret when column > 0

  // "file:line:col: error: message" followed, when source_line is set, by the
  // line and a caret under the column.
  std::string ToString() const;
};

class DiagnosticSink {
 public:
  void Report(Diagnostic d) { items_.push_back(std::move(d)); }
  void Error(std::string file, int line, std::string message);
  void Warning(std::string file, int line, std::string message);
  const std::vector<Diagnostic>& items() const { return items_; }
  int error_count() const;
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace claimcheck
