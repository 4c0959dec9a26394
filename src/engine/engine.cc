// CheckClaims and CheckClaimsInto: the check's order of work (copies, groups, the
// rules relating groups, each group on the threads, survivors, rows in order). Its
// pieces are internal headers: claim_sources.h, claim_groups.h, checker.h and
// support_context.h.
#include "engine/engine.h"

#include <algorithm>
#include <bit>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "base/strings.h"
#include "engine/check_key.h"
#include "engine/checker.h"
#include "engine/claim_groups.h"
#include "engine/claim_interval.h"
#include "engine/claim_sources.h"
#include "engine/copy_detector.h"
#include "engine/date_point.h"
#include "engine/explanation.h"
#include "engine/parallel_for.h"
#include "engine/source_support.h"
#include "engine/support_context.h"

namespace claimcheck {
namespace {

using namespace engine_internal;  // the check's pieces: claim_sources.h, claim_groups.h, checker.h, support_context.h

// Distinct strings numbered by rank in string order, looked up by value.
class Ranks {
 public:
  void Add(std::string_view s) { ranks_.emplace(s, 0); }
  void Finish() {
    std::vector<std::string_view> keys;
    keys.reserve(ranks_.size());
    for (const auto& [k, r] : ranks_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size(); ++i) ranks_[keys[i]] = static_cast<uint32_t>(i);
  }
  uint32_t Of(std::string_view s) const { return ranks_.at(s); }

 private:
  std::unordered_map<std::string_view, uint32_t> ranks_;
};

// Where a row goes in the final order (severity, metric, subject, id; then the place
// its verdict was found: group, position), and where its verdict is (thread, index).
// 32 bytes: one per row, millions of rows (5.5 million at 200k bench articles).
struct RowKey {
  uint64_t id;
  uint32_t metric, subject;
  uint32_t block, position;
  uint32_t index;    // in its thread's found rows
  uint8_t severity;  // Severity's value
  uint8_t thread;    // below kMaxCheckThreads
};
static_assert(sizeof(RowKey) == 32);
constexpr int kMaxCheckThreads = 255;

// A surviving verdict with what its row needs beyond it.
struct Found {
  Candidate verdict;
  uint64_t id = 0;
  SupportCounter::Counts counts;
};

// Mixes 64-bit words into a hash.
struct WordHash {
  uint64_t h;
  void Add(uint64_t w) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  uint64_t NonZero() const { return h == 0 ? 1 : h; }
};

// What the conflicts row of `f` (its verdict, both sides' snapshots, explanations)
// is built from, hashed (Conflict::core_hash), seeded with `salt` (the rules and
// the build: CheckKey): rule, severity, metric, subject, id, the claims it names by
// id and a rule's own explanation. A claim's id stands for its content and its
// document's facts: the store never changes a claim row, a changed document gets
// new claims. 0 when a named claim has no id, or without a salt (the build unknown:
// a row of another build's code must not pass for this one's).
uint64_t RowCoreHash(uint64_t salt, const Found& f, const Checker& checker, const std::vector<Claim>& claims) {
  if (salt == 0) return 0;
  const Candidate& c = f.verdict;
  WordHash h{salt};
  const bool stale = c.rule->kind == CheckKind::kStaleFigure;  // only it names an older report
  for (uint32_t i : {c.ia, c.ib, c.first, stale ? c.older : c.ia}) {
    if (claims[i].id <= 0) return 0;
    h.Add(static_cast<uint64_t>(claims[i].id));
  }
  h.Add(f.id);
  h.Add(Fnv1a64(c.rule->id));
  h.Add(Fnv1a64(checker.MetricOf(c)));
  h.Add(Fnv1a64(*c.subject));
  h.Add(static_cast<uint64_t>(c.severity));
  if (c.explanation) {
    h.Add(Fnv1a64(c.explanation->en));
    h.Add(Fnv1a64(c.explanation->vi));
  }
  return h.NonZero();
}

// Everything row `f` is built from (Conflict::inputs_hash): its core hash `core`
// and its context, what moves with the rest of the corpus: the support, the series,
// the side truth discovery finds likelier and each side's trust key (hashed once per
// outlet: `outlet_key_hash`, by ClaimInfo::outlet). 0 when core is.
uint64_t RowInputsHash(uint64_t core, const Found& f, const Sources& sources, const SupportContext& support,
                       const std::vector<uint64_t>& outlet_key_hash) {
  if (core == 0) return 0;
  const Candidate& c = f.verdict;
  WordHash h{core};
  h.Add(static_cast<uint64_t>(static_cast<uint32_t>(f.counts.support_a)));
  h.Add(static_cast<uint64_t>(static_cast<uint32_t>(f.counts.support_b)));
  h.Add(f.counts.series_hash);
  h.Add(static_cast<uint64_t>(support.LikelierSide(c) + 1));
  h.Add(outlet_key_hash[static_cast<size_t>(sources.Info(c.ia).outlet)]);
  h.Add(outlet_key_hash[static_cast<size_t>(sources.Info(c.ib).outlet)]);
  return h.NonZero();
}

}  // namespace

CopyOptions CopyOptionsFromRules(const std::vector<CheckRule>& rules) {
  CopyOptions options;
  for (const auto& r : rules) {
    if (r.kind != CheckKind::kCopies) continue;
    options.min_similarity = r.min_similarity;
    options.shingle_words = r.shingle_words;
    options.credit_prefixes = r.credit_prefixes;
  }
  return options;
}

CheckResult CheckClaims(const std::vector<CheckRule>& rules, const std::vector<Document>& documents,
                        const std::vector<Claim>& claims, const CheckOptions& options) {
  CheckResult result;
  ConflictSink sink;
  sink.begin = [](const std::vector<uint64_t>&) { return true; };
  sink.rows = [&](std::vector<Conflict>& batch) {
    result.conflicts.swap(batch);  // the one batch, built in place: no row is moved
    return true;
  };
  CheckOptions one_batch = options;
  one_batch.rows_per_batch = std::numeric_limits<size_t>::max();
  result.copy_groups = CheckClaimsInto(rules, documents, claims, one_batch, sink);
  return result;
}

std::vector<std::vector<std::string>> CheckClaimsInto(const std::vector<CheckRule>& rules,
                                                      const std::vector<Document>& documents,
                                                      const std::vector<Claim>& claims,
                                                      const CheckOptions& options, const ConflictSink& sink) {
  const int threads = std::clamp(options.threads, 1, kMaxCheckThreads);
  std::vector<std::vector<std::string>> copy_groups;
  // Copy detection needs only the documents: on its own thread while the claims are
  // keyed, unless the caller found the groups already.
  std::thread copies_thread;
  auto find_copies = [&] {
    CopyOptions copy_options = CopyOptionsFromRules(rules);
    copy_options.threads = threads;
    copy_groups = FindCopyGroups(documents, copy_options);
  };
  if (options.copy_groups) {
    copy_groups = *options.copy_groups;
  } else if (threads > 1) {
    copies_thread = std::thread(find_copies);
  } else {
    find_copies();
  }
  std::vector<std::string> value_keys(claims.size());
  ParallelFor((claims.size() + 1023) / 1024, threads, [&](int, size_t block) {
    for (size_t i = block * 1024; i < std::min(claims.size(), block * 1024 + 1024); ++i) {
      value_keys[i] = Value(claims[i]);
    }
  });
  // Only claims of one (kind, metric, subject) are compared, except by the rules that
  // relate groups (bound, sum_of_parts, part_within_whole).
  const Groups groups(claims);
  const std::vector<int> value_ids = ValueIds(value_keys);
  if (copies_thread.joinable()) copies_thread.join();
  const Sources sources(documents, copy_groups, claims);
  SupportContext support(rules, claims, sources, groups, std::move(value_keys), value_ids);
  // Truth discovery needs no verdict: on its own thread while the groups are checked.
  std::thread score_thread;
  if (threads > 1) {
    score_thread = std::thread([&] { support.Score(); });
  } else {
    support.Score();
  }
  Checker checker(rules, claims, sources, value_ids, groups.group_of());
  checker.set_judge_every_pair(options.judge_every_pair);

  // The rules relating groups, first, on this thread. A bound rule no other rule
  // can meet on a pair has its verdicts deduplicated as they are found (a subject's
  // counts compared with all its other counts are millions of verdicts for a few
  // rows); the others are offered, for the best per pair.
  std::vector<Candidate> streamed_survivors;
  Checker::Scratch cross_scratch;
  for (const auto& rule : rules) {
    if (rule.kind == CheckKind::kBound) {
      const bool alone = BoundRuleStandsAlone(rules, rule);
      for (const Group& lower : groups.all()) {
        if (lower.kind != ClaimKind::kCount || *lower.metric != rule.lower_metric ||
            !rule.AppliesToSubject(*lower.subject)) {
          continue;
        }
        const std::vector<size_t>* upper = groups.Find(ClaimKind::kCount, rule.upper_metric, *lower.subject);
        if (!upper) continue;
        if (alone) {
          Checker::SurvivorSet survivors(checker, &cross_scratch, &streamed_survivors);
          checker.CheckBound(rule, lower.members, *upper, [&](Candidate&& c) { survivors.Add(std::move(c)); });
        } else {
          checker.CheckBound(rule, lower.members, *upper, [&](Candidate&& c) { checker.Offer(std::move(c)); });
        }
      }
    } else if (rule.kind == CheckKind::kSumOfParts) {
      for (const Group& total : groups.all()) {
        if (total.kind == ClaimKind::kCount && *total.metric == rule.total_metric &&
            rule.AppliesToSubject(*total.subject)) {
          checker.CheckSum(rule, *total.subject, groups);
        }
      }
    } else if (rule.kind == CheckKind::kPartWithinWhole) {
      std::set<std::string> metrics;
      for (const Group& group : groups.all()) {
        bool whole = std::find(rule.whole_subjects.begin(), rule.whole_subjects.end(), *group.subject) !=
                     rule.whole_subjects.end();
        if (group.kind == ClaimKind::kCount && whole && rule.AppliesToMetric(*group.metric)) {
          metrics.insert(*group.metric);
        }
      }
      for (const auto& metric : metrics) checker.CheckPartWithinWhole(rule, metric, groups);
    }
  }

  // Metrics and subjects by rank in string order, so the final sort compares integers.
  Ranks metric_rank, subject_rank;
  for (const Group& group : groups.all()) {
    metric_rank.Add(*group.metric);
    subject_rank.Add(*group.subject);
  }
  for (const auto& rule : rules) {
    if (!rule.lower_metric.empty()) metric_rank.Add(rule.lower_metric);
    if (!rule.total_metric.empty()) metric_rank.Add(rule.total_metric);
  }
  metric_rank.Finish();
  subject_rank.Finish();

  // Each group on one of the threads: its verdicts, its survivors, their ids and support.
  // `found` and `keys` grow by chunks (deques): vectors doubling to hold 855k
  // verdicts kept room for a million, and held both copies while they moved.
  struct PerThread {
    Checker::Scratch scratch;
    std::vector<Candidate> survivors;
    std::deque<Found> found;
    std::deque<RowKey> keys;
    std::vector<std::pair<size_t, size_t>> withdrawn;  // cross-group verdicts beaten in a group
    std::optional<SupportCounter> counter;
  };
  std::vector<PerThread> per_thread(static_cast<size_t>(threads));
  for (auto& t : per_thread) t.counter.emplace(support);
  auto add_found = [&](PerThread& t, uint32_t block, uint32_t thread) {
    for (size_t p = 0; p < t.survivors.size(); ++p) {
      Found& f = t.found.emplace_back();
      f.verdict = std::move(t.survivors[p]);
      const Candidate& c = f.verdict;
      f.id = checker.IdHash(c, &t.scratch);
      f.counts = t.counter->Count(c);
      t.keys.push_back(RowKey{f.id, metric_rank.Of(checker.MetricOf(c)), subject_rank.Of(*c.subject), block,
                              static_cast<uint32_t>(p), static_cast<uint32_t>(t.found.size() - 1),
                              static_cast<uint8_t>(c.severity), static_cast<uint8_t>(thread)});
    }
  };
  const auto& all = groups.all();
  // The largest groups first, one at a time: a group's pairs grow with the square of
  // its claims, and a few groups of thousands are most of the work (handed out in
  // blocks in group order, they fell to one thread). The rows do not depend on it.
  std::vector<uint32_t> largest_first(all.size());
  for (size_t g = 0; g < all.size(); ++g) largest_first[g] = static_cast<uint32_t>(g);
  std::stable_sort(largest_first.begin(), largest_first.end(), [&](uint32_t x, uint32_t y) {
    return all[x].members.size() > all[y].members.size();
  });
  ParallelFor(all.size(), threads, [&](int thread, size_t k) {
    PerThread& t = per_thread[static_cast<size_t>(thread)];
    const size_t g = largest_first[k];
    const Group& group = all[g];
    // Each verdict as it is found: a cross-group verdict on the same pair (a bound rule
    // naming one metric twice) keeps it out unless it is better; then the survivors.
    t.survivors.clear();
    Checker::SurvivorSet survivors(checker, &t.scratch, &t.survivors);
    checker.CheckGroup(group.kind, *group.metric, *group.subject, group.members, &t.scratch,
                       [&](Candidate&& c) {
                         if (const Candidate* offered = checker.OfferedOn(c)) {
                           if (!Better(c, *offered)) return;
                           t.withdrawn.push_back(std::minmax(c.ia, c.ib));
                         }
                         survivors.Add(std::move(c));
                       });
    if (t.survivors.empty()) return;
    add_found(t, static_cast<uint32_t>(g), static_cast<uint32_t>(thread));
    t.counter->Clear();
  }, /*block=*/1);
  for (const auto& t : per_thread) {
    for (const auto& pair : t.withdrawn) checker.Withdraw(pair);
  }
  {
    PerThread& t = per_thread[0];
    std::vector<Candidate> offered = checker.TakeOffered();
    offered.insert(offered.end(), std::make_move_iterator(streamed_survivors.begin()),
                   std::make_move_iterator(streamed_survivors.end()));
    std::vector<Candidate>().swap(streamed_survivors);
    t.survivors.clear();
    checker.Survivors(&offered, &t.scratch, &t.survivors);
    add_found(t, static_cast<uint32_t>(all.size()), 0);
  }
  // The survivors were moved into `found`; their vectors kept the room of the largest
  // group's (85 MB at 100k articles), which the rows no longer need.
  for (PerThread& t : per_thread) std::vector<Candidate>().swap(t.survivors);

  // The rows in their final order, built where they stay.
  std::vector<RowKey> keys;
  size_t total = 0;
  for (const auto& t : per_thread) total += t.keys.size();
  keys.reserve(total);
  for (auto& t : per_thread) {
    keys.insert(keys.end(), t.keys.begin(), t.keys.end());
    std::deque<RowKey>().swap(t.keys);
  }
  std::sort(keys.begin(), keys.end(), [](const RowKey& x, const RowKey& y) {
    return std::tie(x.severity, x.metric, x.subject, x.id, x.block, x.position) <
           std::tie(y.severity, y.metric, y.subject, y.id, y.block, y.position);
  });
  if (score_thread.joinable()) score_thread.join();
  {
    std::vector<uint64_t> ids(keys.size());
    for (size_t r = 0; r < keys.size(); ++r) ids[r] = keys[r].id;
    if (!sink.begin(ids)) return copy_groups;
  }
  if (sink.trust && !sink.trust(support.SourceTrust())) return copy_groups;
  const std::string check_key = CheckKey(rules);  // "" when the build is unknown
  const uint64_t salt = check_key.empty() ? 0 : Fnv1a64(check_key) | 1;
  std::vector<uint64_t> outlet_key_hash(sources.outlets());
  for (size_t o = 0; o < outlet_key_hash.size(); ++o) outlet_key_hash[o] = Fnv1a64(sources.OutletKey(static_cast<int>(o)));
  // The rows a batch at a time, handed over whole: the first built on the threads,
  // then each next one built on a thread of its own while the sink takes the last
  // (the sink writes to the database: the two overlap instead of taking turns).
  constexpr size_t kRowsPerBlock = 256;
  const size_t per_batch = std::max<size_t>(1, options.rows_per_batch);
  auto build = [&](size_t from, size_t to, int on_threads, std::vector<Conflict>* batch) {
    batch->clear();
    batch->resize(to - from);
    ParallelFor((to - from + kRowsPerBlock - 1) / kRowsPerBlock, on_threads, [&](int, size_t block) {
      for (size_t r = from + block * kRowsPerBlock; r < std::min(to, from + (block + 1) * kRowsPerBlock); ++r) {
        const Found& f = per_thread[keys[r].thread].found[keys[r].index];
        Conflict& row = (*batch)[r - from];
        row.core_hash = RowCoreHash(salt, f, checker, claims);
        row.inputs_hash = RowInputsHash(row.core_hash, f, sources, support, outlet_key_hash);
        const StoredRowHashes::Entry* stored_row =
            options.stored && row.core_hash != 0 ? options.stored->Find(f.id) : nullptr;
        const bool stored_core = stored_row && stored_row->core == row.core_hash;
        if (stored_core && stored_row->inputs == row.inputs_hash) {
          row.id = Hex16(f.id);
          row.form = Conflict::Form::kStored;
          continue;
        }
        if (stored_core) {
          row.id = Hex16(f.id);
          row.form = Conflict::Form::kContext;
        } else {
          checker.Materialize(f.verdict, f.id, &row);
        }
        support.FillScores(f.verdict, &row);
        row.support_a = f.counts.support_a;
        row.support_b = f.counts.support_b;
        if (f.counts.series) row.series = *f.counts.series;
      }
    }, /*block=*/1);
  };
  std::vector<Conflict> ready, next;
  size_t from = 0, to = std::min(per_batch, keys.size());
  if (from < to) build(from, to, threads, &ready);
  while (from < to) {
    const size_t next_to = to + std::min(per_batch, keys.size() - to);
    std::thread builder;
    if (to < next_to) {
      if (threads > 1) {
        builder = std::thread(build, to, next_to, threads - 1, &next);
      } else {
        build(to, next_to, 1, &next);
      }
    }
    const bool more = sink.rows(ready);
    if (builder.joinable()) builder.join();
    if (!more) break;
    ready.swap(next);
    from = to;
    to = next_to;
  }
  return copy_groups;
}

}  // namespace claimcheck
