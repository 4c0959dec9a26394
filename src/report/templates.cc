#include "report/templates.h"

#include "report/embedded_templates.h"

namespace claimcheck {

std::optional<std::string_view> FindTemplate(std::string_view name) {
  for (const auto& file : embedded::kTemplates) {
    if (name == file.name) {
      return std::string_view(reinterpret_cast<const char*>(file.bytes), file.size);
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> TemplateNames() {
  std::vector<std::string_view> names;
  for (const auto& file : embedded::kTemplates) names.emplace_back(file.name);
  return names;
}

}  // namespace claimcheck
