// The report templates (reports/templates/*), embedded into the binary at
// build time by embed_templates.cmake. Used by render.cc; nothing here reads
// the disk, so reports render the same from any working directory.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace claimcheck {

// The embedded contents of reports/templates/<name> (e.g. "report.html.mustache"),
// or nullopt when no such template was embedded. The view points at static
// storage and stays valid for the program's lifetime.
std::optional<std::string_view> FindTemplate(std::string_view name);

// Names of every embedded template, in the order CMake listed them.
std::vector<std::string_view> TemplateNames();

}  // namespace claimcheck
