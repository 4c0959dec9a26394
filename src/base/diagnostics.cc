#include "base/diagnostics.h"

namespace claimcheck {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    out += ": ";
  }
  out += level == Level::kError ? "error: " : "warning: ";
  out += message;
  if (!source_line.empty()) {
    out += "\n  " + source_line;
    if (column > 0) out += "\n  " + std::string(column - 1, ' ') + "^";
  }
  return out;
}

void DiagnosticSink::Error(std::string file, int line, std::string message) {
  Report({Diagnostic::Level::kError, std::move(file), line, 0, std::move(message), ""});
}

void DiagnosticSink::Warning(std::string file, int line, std::string message) {
  Report({Diagnostic::Level::kWarning, std::move(file), line, 0, std::move(message), ""});
}

int DiagnosticSink::error_count() const {
  int n = 0;
  for (const auto& d : items_) n += d.level == Diagnostic::Level::kError;
  return n;
}

}  // namespace claimcheck
