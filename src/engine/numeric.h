// Numeric kernels of the check stage. This is the only file pair in claimcheck
// that includes Eigen; its interface uses std types only, so its caller (the
// truth-discovery pass of the engine) never sees Eigen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimcheck {

// Truth discovery in the spirit of TruthFinder (Yin, Han and Yu 2008): sources that
// assert likely values are trustworthy, and values asserted by trustworthy sources are
// likely. A claim graph of sources and values (each value belongs to one question, e.g.
// one metric/subject, and competes with the other values of that question through
// `implications`) is iterated to a fixed point:
//   tau(s)    = -ln(1 - trust(s))
//   sigma(v)  = sum over sources s asserting v of weight * tau(s)
//   sigma*(v) = sigma(v) + rho * sum over u of implication(u -> v) * sigma(u)
//   conf(v)   = 1 / (1 + exp(-gamma * sigma*(v)))
//   trust(s)  = weighted mean of conf(v) over the values s asserts
// Copies are discounted by the caller: a set of copies is one source, so it asserts
// each value once.
struct TruthGraph {
  struct Assertion {
    size_t source = 0;
    size_t value = 0;
    double weight = 1;  // > 0
  };
  struct Implication {
    size_t from = 0;
    size_t to = 0;
    double weight = 0;  // -1 (incompatible) .. 1 (implies)
  };
  size_t sources = 0;
  size_t values = 0;
  std::vector<Assertion> assertions;      // REQUIRES: source < sources, value < values
  std::vector<Implication> implications;  // REQUIRES: from, to < values
};

struct TruthOptions {
  double initial_trust = 0.8;
  double rho = 0.5;    // weight of implications
  double gamma = 0.3;  // dampening of the logistic
  int max_iterations = 50;
  double tolerance = 1e-9;  // stop when no trust moves more than this
};

struct TruthScores {
  std::vector<double> trust;       // per source, 0..1; initial_trust for a source with no values
  std::vector<double> confidence;  // per value, 0..1
  int iterations = 0;
};

// Computed with Eigen sparse matrices: linear in assertions + implications per iteration.
TruthScores DiscoverTruth(const TruthGraph& graph, const TruthOptions& options);

}  // namespace claimcheck
