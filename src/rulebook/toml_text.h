// The text of a rules file before toml11 reads it.
#ifndef CLAIMCHECK_RULEBOOK_TOML_TEXT_H_
#define CLAIMCHECK_RULEBOOK_TOML_TEXT_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace claimcheck {

// TOML files are UTF-8 (the TOML specification), and toml11 must never see other
// bytes: on an invalid sequence inside a literal string ('...') it reads past its
// buffer (found by the check_rules fuzz target: `x = '\xdf'`), and a rules file saved
// in a legacy Vietnamese code page (Windows-1258, VNI) is such a file. True when
// `text` is valid UTF-8; otherwise reports one error at the first invalid byte
// (file:line:column, the line shown with the byte as U+FFFD) and returns false.
bool CheckTomlIsUtf8(std::string_view text, const std::string& file_name, DiagnosticSink* sink);

// The bytes of the file at `path`, nullopt when it cannot be read. The loaders read a
// file whole, so that its text is checked before toml11 parses it.
std::optional<std::string> ReadRulesFile(const std::filesystem::path& path);

}  // namespace claimcheck

#endif  // CLAIMCHECK_RULEBOOK_TOML_TEXT_H_
