// engine_bench: times CheckClaims (src/engine/engine.h) on synthetic claims with the
// shipped rules, to show that grouping by metric and subject keeps checking close to
// linear in the number of claims rather than quadratic.
//
// usage: engine_bench [--rules DIR] [--digest] [--disagree PERMILLE] [--threads T] [--every-pair] N...
//        (default sizes: 10000 100000 1000000)
//
// The claims are deterministic (own PRNG): documents of 20 outlets, each claim one
// of 8 count metrics and 2 date metrics about one of N/8 subjects, so a group holds
// about 8 claims whatever N is; figures mostly agree (equal or within tolerance),
// some disagree, cumulative counts rise over time, a few fall. Prints one line per N:
// claims, groups, rows by severity, wall and CPU seconds of CheckClaims, and CPU
// microseconds per claim (CPU time is the fairer figure on a shared machine), and the
// thread count CheckClaims ran with (--threads, default 1: CheckOptions::threads).
// With --digest, also a 64-bit digest of every row in order (every field a reader
// sees: id, rule, severity, metric, subject, both sides, both explanations, support,
// trust, likely value, series), so two builds can be shown to give identical rows.
// With --disagree P, P per mille of the claims disagree with their group (a third of
// them far off, two thirds near, within tolerance) instead of the default noisy mix
// (30% of counts and 10% of dates): a newsroom's archive, where most reports agree,
// is closer to P = 10-30, and shows the cost of checking rather than of writing rows.
// With --every-pair, groups are judged pair by pair (CheckOptions::judge_every_pair),
// not by classes of equal claims: the digests must match.
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <algorithm>
#include <vector>

#include "base/diagnostics.h"
#include "base/strings.h"
#include "engine/engine.h"
#include "rulebook/check_rules.h"

namespace claimcheck {
namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }

 private:
  uint64_t state_;
};

// 7 -> "07" (snprintf: g++ 12 warns a false -Wrestrict on the string concatenation).
std::string Two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

struct Corpus {
  std::vector<Document> documents;
  std::vector<Claim> claims;
};

// How a generated figure relates to its group's: the default noisy mix, or `disagree`
// per mille of the claims off (one third far, two thirds near).
struct FigureMix {
  int disagree = -1;  // -1: the default mix (its own random draws, kept for comparable digests)
};

// About 8 claims per document and per (metric, subject) group.
Corpus Generate(size_t n, uint64_t seed, const FigureMix& mix) {
  static const char* kCounts[] = {"killed", "wounded", "troops_deployed", "workers_sent",
                                  "dead", "missing", "houses_damaged", "engineers_deployed"};
  static const char* kDates[] = {"treaty_signed", "deployment_start"};
  Rng rng(seed);
  Corpus c;
  const size_t docs = std::max<size_t>(2, n / 8);
  const size_t subjects = std::max<size_t>(1, n / 80);  // 10 metrics x subjects groups of ~8
  for (size_t d = 0; d < docs; ++d) {
    Document doc;
    doc.id = static_cast<int64_t>(d + 1);
    doc.file = "doc" + std::to_string(d) + ".txt";
    doc.outlet = "outlet" + std::to_string(rng.Below(20)) + ".vn";
    doc.language = rng.Below(4) == 0 ? "en" : "vi";
    doc.published = "2025-" + Two(1 + rng.Below(12)) + "-" + Two(1 + rng.Below(28));
    doc.text = "synthetic article " + std::to_string(d);  // too short to be judged a copy
    c.documents.push_back(std::move(doc));
  }
  for (size_t i = 0; i < n; ++i) {
    Claim cl;
    const Document& doc = c.documents[static_cast<size_t>(rng.Below(static_cast<int>(docs)))];
    cl.document_id = doc.id;
    cl.file = doc.file;
    size_t subject = static_cast<size_t>(rng.Below(static_cast<int>(subjects)));
    cl.subject = "place_" + std::to_string(subject);
    cl.quote = "q" + std::to_string(i);
    cl.span_begin = i;
    cl.confidence = 0.9;
    int m = rng.Below(10);
    if (m >= 8) {
      cl.kind = ClaimKind::kDate;
      cl.metric = kDates[m - 8];
      int month = 1 + static_cast<int>(subject % 12);
      bool other = mix.disagree < 0 ? rng.Below(10) == 0 : rng.Below(1000) < mix.disagree;
      if (other) month = 1 + rng.Below(12);  // occasionally another month
      cl.date = "2024-" + Two(month) + (rng.Below(2) ? "-" + Two(1 + rng.Below(28)) : "");
    } else {
      cl.kind = ClaimKind::kCount;
      cl.metric = kCounts[m];
      double base = 100.0 * static_cast<double>(1 + subject % 50);
      double value = base;
      if (mix.disagree < 0) {
        int roll = rng.Below(20);
        value = roll < 14 ? base : roll < 18 ? base * 1.05 : base * (2 + rng.Below(3));
      } else if (int roll = rng.Below(3000); roll < mix.disagree * 3) {
        value = roll < mix.disagree * 2 ? base * 1.05 : base * (2 + rng.Below(3));
      }
      cl.value = value;
      cl.qualifier = rng.Below(3) == 0 ? Qualifier::kApprox : Qualifier::kExact;
      cl.low = cl.high = value;
      cl.unit = "people";
      if (rng.Below(3) == 0) cl.as_of = "2025-" + Two(1 + rng.Below(12));
    }
    c.claims.push_back(std::move(cl));
  }
  return c;
}

// Appends `s` and a separator to the running digest `h`.
void Mix(uint64_t* h, std::string_view s) { *h = Fnv1a64("\x1f", Fnv1a64(s, *h)); }

void MixRef(uint64_t* h, const ClaimRef& r) {
  Mix(h, r.claim.ToString());
  Mix(h, r.claim.file);
  Mix(h, r.outlet);
  Mix(h, r.published);
  Mix(h, r.url);
}

// The digest of every row in order: equal digests mean the same rows (a changed field,
// a changed order, a missing or extra row all change it).
uint64_t Digest(const std::vector<Conflict>& conflicts) {
  uint64_t h = Fnv1a64("");
  char buf[64];
  for (const auto& k : conflicts) {
    Mix(&h, k.ToString());
    Mix(&h, k.id);
    MixRef(&h, k.a);
    MixRef(&h, k.b);
    Mix(&h, k.explanation);
    Mix(&h, k.explanation_vi);
    Mix(&h, k.status);
    Mix(&h, k.note);
    Mix(&h, k.likely_value);
    std::snprintf(buf, sizeof buf, "%d %d %.17g %.17g", k.support_a, k.support_b, k.trust_a, k.trust_b);
    Mix(&h, buf);
    Mix(&h, k.series);
  }
  return h;
}

int Run(const std::string& rules_dir, const std::vector<size_t>& sizes, bool digest, const FigureMix& mix,
        int threads, bool every_pair) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  Status s = LoadCheckRules(rules_dir, &rules, &sink);
  if (!s.ok()) {
    std::fprintf(stderr, "engine_bench: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("%10s %9s %9s %9s %9s %9s %10s %10s %12s %8s", "claims", "groups", "conflict", "diverg",
              "info", "copies", "wall_s", "cpu_s", "cpu_us/claim", "threads");
  if (digest) std::printf("%18s", "digest");
  std::printf("\n");
  for (size_t n : sizes) {
    Corpus corpus = Generate(n, 42, mix);
    std::set<std::tuple<int, std::string, std::string>> groups;
    for (const auto& c : corpus.claims) groups.insert({static_cast<int>(c.kind), c.metric, c.subject});
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    CheckOptions options;
    options.threads = threads;
    options.judge_every_pair = every_pair;
    CheckResult r = CheckClaims(rules, corpus.documents, corpus.claims, options);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    size_t by[3] = {0, 0, 0};
    for (const auto& k : r.conflicts) ++by[static_cast<int>(k.severity)];
    std::printf("%10zu %9zu %9zu %9zu %9zu %9zu %10.3f %10.3f %12.2f %8d", n, groups.size(), by[0],
                by[1], by[2], r.copy_groups.size(), seconds, cpu, cpu * 1e6 / static_cast<double>(n), threads);
    if (digest) std::printf("  %016llx", static_cast<unsigned long long>(Digest(r.conflicts)));
    std::printf("\n");
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace claimcheck

int main(int argc, char** argv) {
  std::string rules_dir = CLAIMCHECK_RULES_DIR;
  std::vector<size_t> sizes;
  bool digest = false;
  claimcheck::FigureMix mix;
  int threads = 1;
  bool every_pair = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else if (arg == "--disagree" && i + 1 < argc) {
      mix.disagree = std::atoi(argv[++i]);
      if (mix.disagree < 0 || mix.disagree > 1000) {
        std::fprintf(stderr, "engine_bench: --disagree takes a per mille figure (0-1000)\n");
        return 2;
      }
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
      if (threads < 1 || threads > 256) {
        std::fprintf(stderr, "engine_bench: --threads takes a count (1-256)\n");
        return 2;
      }
    } else if (arg == "--digest") {
      digest = true;
    } else if (arg == "--every-pair") {
      every_pair = true;
    } else if (!arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos) {
      sizes.push_back(std::strtoull(arg.c_str(), nullptr, 10));
    } else {
      std::fprintf(stderr,
                   "usage: engine_bench [--rules DIR] [--digest] [--disagree PERMILLE] [--threads T] [--every-pair] "
                   "N...\n");
      return 2;
    }
  }
  if (sizes.empty()) sizes = {10000, 100000, 1000000};
  return claimcheck::Run(rules_dir, sizes, digest, mix, threads, every_pair);
}
