// A small JSON Lines feed for the pipeline tests: one article per figure, each
// from its own outlet and in its own words (so none is a copy of another).
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace claimcheck {

inline void WriteFeed(const std::filesystem::path& path, const std::vector<int>& killed) {
  static const char* kWordings[] = {
      "Officials said about %d people were killed in Quang Ngai when the storm hit the coast.",
      "The storm left %d people dead in Quang Ngai, the provincial committee reported on Monday.",
      "Rescue teams in Quang Ngai counted %d deaths after floods swept through three districts.",
      "At least %d people died in Quang Ngai as rivers burst their banks overnight, police said.",
  };
  std::ofstream out(path);
  for (size_t i = 0; i < killed.size(); ++i) {
    char text[256];
    std::snprintf(text, sizeof text, kWordings[i % 4], killed[i]);
    out << "{\"url\": \"https://example.test/k/" << i << "\", \"outlet\": \"outlet" << i
        << ".test\", \"published\": \"2025-03-0" << (1 + i) << "\", \"language\": \"en\", \"text\": \""
        << text << "\"}\n";
  }
}

}  // namespace claimcheck
