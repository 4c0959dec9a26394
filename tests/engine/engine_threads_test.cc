// CheckClaims on several threads gives the rows of one thread (CheckOptions::threads):
// a generated set (fixed seed) with copies, cumulative series, bounds, sums, parts of a
// whole and date metrics, compared field by field under the shipped rules.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/strings.h"
#include "engine/engine.h"
#include "model/conflict_ids.h"
#include "rulebook/check_rules.h"

namespace claimcheck {
namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
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

// 70 documents (10 of them copies of others, word for word), 1,500 claims of 8 count
// and 2 date metrics about 5 subjects, one of them the whole ("vietnam") of the
// others; counts rise over time with some falls, some disagree, some are dated in the
// text, some are below the rules' minimum confidence.
Corpus Generate(uint64_t seed) {
  static const char* kCounts[] = {"killed", "wounded", "casualties", "troops_deployed",
                                  "dead",   "missing", "dead_missing", "houses_damaged"};
  static const char* kDates[] = {"treaty_signed", "deployment_start"};
  static const char* kSubjects[] = {"vietnam", "quang_ninh", "hai_phong", "north_korea", "yen_bai"};
  Rng rng(seed);
  Corpus c;
  for (int d = 0; d < 70; ++d) {
    Document doc;
    doc.id = d + 1;
    doc.file = "d" + Two(d) + ".txt";
    doc.outlet = "outlet" + std::to_string(rng.Below(8)) + ".vn";
    doc.language = rng.Below(5) == 0 ? "en" : "vi";
    doc.published = "2025-" + Two(1 + rng.Below(12)) + "-" + Two(1 + rng.Below(28));
    if (d >= 60) {
      doc.text = c.documents[static_cast<size_t>(d - 60)].text;  // a copy of an earlier one
    } else {
      for (int w = 0; w < 120; ++w) doc.text.append("w").append(std::to_string(rng.Below(5000))).append(" ");
    }
    c.documents.push_back(std::move(doc));
  }
  for (int i = 0; i < 1500; ++i) {
    Claim cl;
    const Document& doc = c.documents[static_cast<size_t>(rng.Below(70))];
    cl.document_id = rng.Below(4) == 0 ? 0 : doc.id;  // some matched by file only
    cl.file = doc.file;
    const int subject = rng.Below(5);
    cl.subject = kSubjects[subject];
    cl.quote = "q" + std::to_string(i % 1300);  // some quotes repeat
    cl.span_begin = static_cast<size_t>(rng.Below(2000));
    cl.confidence = rng.Below(12) == 0 ? 0.2 : 0.9;
    const int m = rng.Below(10);
    if (m >= 8) {
      cl.kind = ClaimKind::kDate;
      cl.metric = kDates[m - 8];
      int month = 1 + (subject * 5 + m) % 12;
      if (rng.Below(6) == 0) month = 1 + rng.Below(12);
      const int form = rng.Below(4);
      cl.date = "2024";
      if (form >= 1) cl.date.append("-").append(Two(month));
      if (form >= 2) cl.date.append("-").append(Two(1 + rng.Below(28)));
    } else {
      cl.kind = ClaimKind::kCount;
      cl.metric = kCounts[m];
      const int month = 1 + rng.Below(12);
      // Cumulative: grows with the month; the whole is about five parts.
      double value = 100.0 * (1 + m) * month * (subject == 0 ? 5 : 1);
      const int roll = rng.Below(20);
      if (roll < 2) value *= 0.4;                 // a fall
      else if (roll < 5) value *= 1.05;           // within tolerance
      else if (roll < 7) value *= 3;              // far off
      else value = std::round(value / 100) * 100;
      cl.value = value;
      const int q = rng.Below(10);
      if (q < 5) {
        cl.qualifier = Qualifier::kExact;
        cl.low = cl.high = value;
      } else if (q < 8) {
        cl.qualifier = Qualifier::kApprox;
        cl.low = cl.high = value;
      } else if (q == 8) {
        cl.qualifier = Qualifier::kMoreThan;
        cl.low = value;
      } else {
        cl.qualifier = Qualifier::kRange;
        cl.low = value;
        cl.high = value * 1.2;
      }
      cl.unit = rng.Below(40) == 0 ? "ha" : "people";
      const int dated = rng.Below(3);
      if (dated == 0) {
        cl.as_of = "2025-" + Two(month);
      } else if (dated == 1) {
        cl.as_of = doc.published.substr(0, 7);
        cl.as_of_inferred = true;
      }
    }
    c.claims.push_back(std::move(cl));
  }
  // Articles stating a total with its parts at one time; every third adds up wrong.
  for (int a = 0; a < 24; ++a) {
    const Document& doc = c.documents[static_cast<size_t>(rng.Below(70))];
    const bool casualties = a % 2 == 0;
    const char* parts[] = {casualties ? "killed" : "dead", casualties ? "wounded" : "missing"};
    const std::string subject = kSubjects[1 + rng.Below(4)];
    const std::string as_of = "2025-" + Two(1 + rng.Below(12));
    double sum = 0;
    for (int p = 0; p < 3; ++p) {
      Claim cl;
      cl.document_id = doc.id;
      cl.file = doc.file;
      cl.subject = subject;
      cl.metric = p < 2 ? parts[p] : casualties ? "casualties" : "dead_missing";
      cl.value = p < 2 ? 100.0 * (1 + rng.Below(20)) : a % 3 == 0 ? sum * 2 : sum;
      sum += cl.value;
      cl.low = cl.high = cl.value;
      cl.unit = "people";
      cl.as_of = as_of;
      cl.quote = "sum" + std::to_string(a * 3 + p);
      cl.span_begin = static_cast<size_t>(3000 + a * 3 + p);
      cl.confidence = 0.9;
      c.claims.push_back(std::move(cl));
    }
  }
  return c;
}

// Every field a reader sees, one row per line.
std::string Rows(const CheckResult& r) {
  std::string out;
  for (const auto& k : r.conflicts) {
    out += k.ToString() + " | " + k.id + " | " + k.a.claim.ToString() + " " + k.a.claim.file + " " + k.a.outlet +
           " " + k.a.published + " | " + k.b.claim.ToString() + " " + k.b.claim.file + " " + k.b.outlet + " " +
           k.b.published + " | " + k.explanation + " | " + k.explanation_vi + " | " + k.likely_value + " | " +
           std::to_string(k.support_a) + " " + std::to_string(k.support_b) + " " + FormatNumber(k.trust_a) + " " +
           FormatNumber(k.trust_b) + " | " + k.series + "\n";
  }
  for (const auto& g : r.copy_groups) out += "copies " + Join(g, " ") + "\n";
  return out;
}

TEST(EngineThreadsTest, RowsDoNotDependOnTheThreadCount) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  for (uint64_t seed : {1u, 2u}) {
    const Corpus corpus = Generate(seed);
    CheckOptions one;
    one.threads = 1;
    const CheckResult expected = CheckClaims(rules, corpus.documents, corpus.claims, one);
    // The set exercises every kind of rule, and copies.
    std::map<std::string, int> by_rule;
    for (const auto& k : expected.conflicts) ++by_rule[k.rule_id];
    for (const char* rule : {"count_agreement", "cumulative_decrease", "stale_figure", "date_agreement",
                             "killed_within_deployed", "casualties_sum", "dead_missing_sum",
                             "province_within_national"}) {
      EXPECT_GT(by_rule[rule], 0) << "seed " << seed << ": no " << rule << " row";
    }
    EXPECT_EQ(expected.copy_groups.size(), 10u) << "seed " << seed;
    const std::string rows = Rows(expected);
    for (int threads : {2, 3, 8}) {
      CheckOptions options;
      options.threads = threads;
      EXPECT_EQ(Rows(CheckClaims(rules, corpus.documents, corpus.claims, options)), rows)
          << "seed " << seed << ", " << threads << " threads";
    }
  }
}

// CheckClaimsInto hands over the rows CheckClaims returns, in order, in batches of
// the size asked for, after every id; a sink that says stop gets no further batch.
TEST(EngineThreadsTest, StreamedRowsAreTheHeldRows) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  const Corpus corpus = Generate(1);
  CheckOptions options;
  options.threads = 2;
  const CheckResult held = CheckClaims(rules, corpus.documents, corpus.claims, options);
  ASSERT_GT(held.conflicts.size(), 100u);
  for (size_t per_batch : {size_t{1}, size_t{7}, size_t{100}, held.conflicts.size() + 1}) {
    options.rows_per_batch = per_batch;
    CheckResult streamed;
    std::vector<uint64_t> ids;
    std::vector<size_t> batch_sizes;
    ConflictSink into;
    into.begin = [&](const std::vector<uint64_t>& all) {
      EXPECT_TRUE(streamed.conflicts.empty());
      ids = all;
      return true;
    };
    into.rows = [&](std::vector<Conflict>& batch) {
      batch_sizes.push_back(batch.size());
      for (Conflict& k : batch) streamed.conflicts.push_back(std::move(k));
      return true;
    };
    streamed.copy_groups = CheckClaimsInto(rules, corpus.documents, corpus.claims, options, into);
    EXPECT_EQ(Rows(streamed), Rows(held)) << per_batch << " rows per batch";
    ASSERT_EQ(ids.size(), held.conflicts.size());
    for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(Hex64(ids[i]), held.conflicts[i].id) << i;
    for (size_t b = 0; b + 1 < batch_sizes.size(); ++b) EXPECT_EQ(batch_sizes[b], per_batch);
    EXPECT_EQ(batch_sizes.size(), (held.conflicts.size() + per_batch - 1) / per_batch);
  }
  // Stopping after the second batch of 10: 20 rows built, no more.
  options.rows_per_batch = 10;
  size_t got = 0;
  ConflictSink stop;
  stop.begin = [](const std::vector<uint64_t>&) { return true; };
  stop.rows = [&](std::vector<Conflict>& batch) {
    got += batch.size();
    return got < 20;
  };
  CheckClaimsInto(rules, corpus.documents, corpus.claims, options, stop);
  EXPECT_EQ(got, 20u);
}

// A bound rule no other rule meets on a pair has its verdicts deduplicated as they
// are found; with a rule that could meet it (a sum_of_parts over the same two
// metrics, which never fires here: one of its parts is never stated) they are
// offered and chosen per pair first. The rows are the same either way.
TEST(EngineThreadsTest, BoundVerdictsDeduplicatedAsFoundGiveTheOfferedRows) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  std::vector<CheckRule> offered = rules;
  CheckRule meeting;
  meeting.id = "killed_and_deployed_never";
  meeting.kind = CheckKind::kSumOfParts;
  meeting.total_metric = "killed";
  meeting.part_metrics = {"troops_deployed", "no_such_metric"};
  offered.push_back(meeting);
  for (uint64_t seed : {1u, 2u, 3u}) {
    const Corpus corpus = Generate(seed);
    const CheckResult streamed = CheckClaims(rules, corpus.documents, corpus.claims);
    int bound_rows = 0;
    for (const auto& k : streamed.conflicts) bound_rows += k.rule_id == "killed_within_deployed";
    EXPECT_GT(bound_rows, 0) << "seed " << seed;
    EXPECT_EQ(Rows(CheckClaims(offered, corpus.documents, corpus.claims)), Rows(streamed)) << "seed " << seed;
  }
}

// 40 documents (8 of them copies) of one story: 900 claims of `killed` and
// `troops_deployed` about one subject, and treaty dates, drawn from few figures, few
// qualifiers and six months, so a group holds hundreds of claims in few classes of
// equal ones; some documents also restate an older figure with its date, so a later
// report's older match is at times in its own document (stale_figure).
Corpus GenerateDense(uint64_t seed) {
  Rng rng(seed);
  Corpus c;
  for (int d = 0; d < 40; ++d) {
    Document doc;
    doc.id = d + 1;
    doc.file = "n" + Two(d) + ".txt";
    doc.outlet = "outlet" + std::to_string(rng.Below(6)) + ".vn";
    doc.language = "vi";
    doc.published = "2025-" + Two(1 + rng.Below(6)) + "-" + Two(1 + rng.Below(28));
    if (d >= 32) {
      doc.text = c.documents[static_cast<size_t>(d - 32)].text;
    } else {
      for (int w = 0; w < 120; ++w) doc.text.append("w").append(std::to_string(rng.Below(5000))).append(" ");
    }
    c.documents.push_back(std::move(doc));
  }
  for (int i = 0; i < 900; ++i) {
    Claim cl;
    const Document& doc = c.documents[static_cast<size_t>(rng.Below(40))];
    cl.document_id = doc.id;
    cl.file = doc.file;
    cl.subject = "north_korea";
    cl.quote = "q" + std::to_string(i % 700);
    cl.span_begin = static_cast<size_t>(rng.Below(400));
    cl.confidence = rng.Below(15) == 0 ? 0.2 : 0.9;
    if (rng.Below(8) == 0) {
      cl.kind = ClaimKind::kDate;
      cl.metric = "treaty_signed";
      cl.subject = "russia_north_korea";
      cl.date = rng.Below(6) == 0 ? "2024-10" : rng.Below(2) == 0 ? "2024-06" : "2024-06-19";
      c.claims.push_back(std::move(cl));
      continue;
    }
    cl.kind = ClaimKind::kCount;
    cl.metric = rng.Below(4) == 0 ? "troops_deployed" : "killed";
    static const double kFigures[] = {600, 620, 1000, 2000, 2100, 11000, 12000};
    cl.value = kFigures[rng.Below(7)];
    const int q = rng.Below(6);
    cl.qualifier = q < 3 ? Qualifier::kExact : q < 5 ? Qualifier::kApprox : Qualifier::kMoreThan;
    cl.low = cl.value;
    if (cl.qualifier != Qualifier::kMoreThan) cl.high = cl.value;
    cl.unit = "people";
    const int dated = rng.Below(4);
    if (dated == 0) {
      cl.as_of = "2024-" + Two(7 + rng.Below(6));  // an older figure, its date stated
    } else if (dated == 1) {
      cl.as_of = doc.published.substr(0, 7);
      cl.as_of_inferred = true;
    }
    c.claims.push_back(std::move(cl));
  }
  return c;
}

// Judging a group once per pair of classes of equal claims (the default) gives the
// rows of judging every pair on its own (CheckOptions::judge_every_pair).
TEST(EngineThreadsTest, RowsDoNotDependOnJudgingByClass) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  for (uint64_t seed : {1u, 2u, 3u, 4u}) {
    for (bool dense : {false, true}) {
      const Corpus corpus = dense ? GenerateDense(seed) : Generate(seed);
      CheckOptions every_pair;
      every_pair.judge_every_pair = true;
      const CheckResult expected = CheckClaims(rules, corpus.documents, corpus.claims, every_pair);
      std::map<std::string, int> by_rule_and_severity;
      for (const auto& k : expected.conflicts) ++by_rule_and_severity[k.rule_id + "/" + std::string(SeverityName(k.severity))];
      if (dense) {
        for (const char* kind : {"count_agreement/conflict", "count_agreement/divergence", "cumulative_decrease/conflict",
                                 "cumulative_decrease/info", "stale_figure/divergence", "date_agreement/conflict"}) {
          EXPECT_GT(by_rule_and_severity[kind], 0) << "seed " << seed << ": no " << kind << " row";
        }
      }
      EXPECT_EQ(Rows(CheckClaims(rules, corpus.documents, corpus.claims)), Rows(expected))
          << "seed " << seed << (dense ? ", dense" : "");
    }
  }
}

// Every field of a row but its trust values (which the store keeps per source), with
// the keys of its sides' sources.
std::string RowWithoutTrust(const Conflict& k) {
  return k.ToString() + " | " + k.a.claim.ToString() + " " + k.a.claim.file + " " + k.a.outlet + " " +
         k.a.published + " | " + k.b.claim.ToString() + " " + k.b.claim.file + " " + k.b.outlet + " " +
         k.b.published + " | " + k.explanation + " | " + k.explanation_vi + " | " + k.likely_value + " | " +
         std::to_string(k.support_a) + " " + std::to_string(k.support_b) + " " + k.trust_key_a + " " +
         k.trust_key_b + " | " + k.series;
}

// What the conflicts row holds (not the context: support, likely value, series, trust).
std::string RowCore(const Conflict& k) {
  return k.ToString() + " | " + k.a.claim.ToString() + " " + k.a.claim.file + " " + k.a.outlet + " " +
         k.a.published + " | " + k.b.claim.ToString() + " " + k.b.claim.file + " " + k.b.outlet + " " +
         k.b.published + " | " + k.explanation + " | " + k.explanation_vi;
}

// The context: what a row handed over without its core carries.
std::string RowContext(const Conflict& k) {
  return k.likely_value + " | " + std::to_string(k.support_a) + " " + std::to_string(k.support_b) + " " +
         k.trust_key_a + " " + k.trust_key_b + " | " + k.series;
}

// A row's hashes pin the row: checked before and after four documents are
// added (claims keep their ids, as stored claims do), a row found both times with
// the same id and core hash has the same core (sides, explanations), and with the
// same inputs hash it is the same row but for its trust. Adding documents moves
// support, series and likelier sides, so some rows of unchanged pairs change their
// context: their inputs hashes must differ. With the first check's hashes as
// CheckOptions::stored, the rows of a stored core come without it (their context
// as built), those of stored inputs as stored, the others as built without them.
TEST(EngineThreadsTest, EqualInputsHashesGiveEqualRows) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  for (uint64_t seed : {1u, 2u, 3u}) {
    for (bool dense : {false, true}) {
      Corpus after = dense ? GenerateDense(seed) : Generate(seed);
      for (size_t i = 0; i < after.claims.size(); ++i) after.claims[i].id = static_cast<int64_t>(i + 1);
      Corpus before;
      auto added = [](const std::string& file) { return file.size() > 2 && file[1] == '2' && file[2] <= '3'; };
      for (const Document& d : after.documents) {
        if (!added(d.file)) before.documents.push_back(d);
      }
      for (const Claim& c : after.claims) {
        if (!added(c.file)) before.claims.push_back(c);
      }
      ASSERT_EQ(before.documents.size() + 4, after.documents.size());
      const CheckResult first = CheckClaims(rules, before.documents, before.claims);
      const CheckResult second = CheckClaims(rules, after.documents, after.claims);
      std::map<std::string, const Conflict*> earlier;
      StoredRowHashes stored;
      for (const Conflict& k : first.conflicts) {
        ASSERT_NE(k.inputs_hash, 0u) << k.ToString();
        ASSERT_NE(k.core_hash, 0u) << k.ToString();
        earlier.emplace(k.id, &k);
        stored.Add(k.id, Hex64(k.core_hash), Hex64(k.inputs_hash));
      }
      stored.Seal();
      int same = 0, same_core = 0, changed_rows = 0, changed_context = 0;
      std::map<std::string, const Conflict*> later;
      for (const Conflict& k : second.conflicts) {
        later.emplace(k.id, &k);
        auto it = earlier.find(k.id);
        if (it == earlier.end()) continue;
        if (it->second->core_hash == k.core_hash) {
          ++same_core;
          EXPECT_EQ(RowCore(*it->second), RowCore(k)) << "seed " << seed;
        } else if (RowCore(*it->second) != RowCore(k)) {
          ++changed_rows;
        }
        if (it->second->inputs_hash == k.inputs_hash) {
          ++same;
          EXPECT_EQ(RowWithoutTrust(*it->second), RowWithoutTrust(k)) << "seed " << seed;
        } else if (RowWithoutTrust(*it->second) != RowWithoutTrust(k)) {
          ++changed_context;
        }
      }
      EXPECT_GT(same, 0) << "seed " << seed << (dense ? ", dense" : "");
      EXPECT_GT(same_core, same) << "seed " << seed << (dense ? ", dense" : "");
      EXPECT_GT(changed_context, 0) << "seed " << seed << (dense ? ", dense" : "");
      (void)changed_rows;

      CheckOptions options;
      options.stored = &stored;
      options.threads = 2;
      const CheckResult hollow = CheckClaims(rules, after.documents, after.claims, options);
      ASSERT_EQ(hollow.conflicts.size(), second.conflicts.size());
      int as_stored = 0, context_only = 0;
      for (size_t r = 0; r < hollow.conflicts.size(); ++r) {
        const Conflict& h = hollow.conflicts[r];
        const Conflict& k = second.conflicts[r];
        EXPECT_EQ(h.id, k.id);
        EXPECT_EQ(h.core_hash, k.core_hash);
        EXPECT_EQ(h.inputs_hash, k.inputs_hash);
        if (h.form == Conflict::Form::kBuilt) {
          EXPECT_EQ(RowWithoutTrust(h), RowWithoutTrust(k));
        } else {
          EXPECT_TRUE(h.rule_id.empty() && h.explanation.empty() && h.a.claim.quote.empty()) << h.ToString();
          ASSERT_TRUE(earlier.count(k.id));
          EXPECT_EQ(earlier[k.id]->core_hash, k.core_hash);
        }
        if (h.form == Conflict::Form::kStored) {
          ++as_stored;
          EXPECT_EQ(earlier[k.id]->inputs_hash, k.inputs_hash);
        } else {
          EXPECT_EQ(RowContext(h), RowContext(k));
          EXPECT_EQ(h.trust_a, k.trust_a);
          EXPECT_EQ(h.trust_b, k.trust_b);
        }
        if (h.form == Conflict::Form::kContext) ++context_only;
      }
      EXPECT_EQ(as_stored, same) << "seed " << seed << (dense ? ", dense" : "");
      EXPECT_EQ(as_stored + context_only, same_core) << "seed " << seed << (dense ? ", dense" : "");
    }
  }
}

// Claims without ids (not stored) pin nothing: their rows' inputs hash is 0, and
// they are always built.
TEST(EngineThreadsTest, RowsOfClaimsWithoutIdsHaveNoInputsHash) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  ASSERT_TRUE(LoadCheckRules(std::string(CLAIMCHECK_SOURCE_DIR) + "/rules", &rules, &sink).ok());
  const Corpus corpus = GenerateDense(1);
  const CheckResult result = CheckClaims(rules, corpus.documents, corpus.claims);
  ASSERT_FALSE(result.conflicts.empty());
  for (const Conflict& k : result.conflicts) {
    EXPECT_EQ(k.inputs_hash, 0u);
    EXPECT_EQ(k.core_hash, 0u);
    EXPECT_EQ(k.form, Conflict::Form::kBuilt);
  }
}

}  // namespace
}  // namespace claimcheck
