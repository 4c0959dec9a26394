// The shipped rules/ loaded once per test binary, for the pipeline tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "pipeline/pipeline.h"

namespace claimcheck {

inline const Knowledge& ShippedRules() {
  static Knowledge* k = [] {
    DiagnosticSink sink;
    Result<Knowledge> loaded = LoadKnowledge(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &sink);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new Knowledge(std::move(loaded.value()));
  }();
  return *k;
}

}  // namespace claimcheck
