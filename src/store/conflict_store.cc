// Store methods for conflicts and reviews: the active set per run, the
// snapshot of both sides, and the append-only review log.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/strings.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {
namespace {

// Snapshot columns kept per side, as a_<name> and b_<name>.
constexpr std::array<const char*, 15> kSideColumns = {
    "file",          "kind",      "value", "low",      "high",   "unit",      "date", "as_of",
    "attributed_to", "qualifier", "quote", "sentence", "outlet", "published", "url"};
constexpr size_t kMinPrefix = 6;
constexpr char kReviewer[] = "claimcheck";

bool IsReviewStatus(const std::string& s) {
  return s == "open" || s == "confirmed" || s == "dismissed" || s == "needs_info";
}

std::string SideList(const std::string& before) {
  std::string out;
  for (const char* side : {"a", "b"}) {
    for (const char* column : kSideColumns) out += ", " + before + side + "_" + column;
  }
  return out;
}

// Parameters per row of UpsertSql: id, rule_id, severity, metric, subject,
// claim_a_id, claim_b_id, the side columns of a and b, explanation,
// explanation_vi (the row's content: ForEachContentValue), first_run_id (in this
// order; active is the literal 1). What moves with the rest of the corpus (last
// run, trust, support, likely value, series) is in conflict_state (StateSql); the
// conflicts columns of the support, likely value and series keep their defaults.
constexpr int kUpsertParameters = 7 + 2 * static_cast<int>(kSideColumns.size()) + 2 + 1;
// Rows per multi-row upsert: one statement per batch instead of one per conflict
// (each execution of a statement also rebuilds the list of its CHECK (... IN ...)).
constexpr size_t kUpsertBatch = 32;
constexpr size_t kChangeBatch = 256;

// Inserts `rows` conflicts (kUpsertParameters positional parameters each), or
// updates the stored row of the same id: every column but first_run_id, and active = 1.
std::string UpsertSql(size_t rows) {
  std::string update;
  for (const char* side : {"a", "b"}) {
    for (const char* column : kSideColumns) {
      std::string name = std::string(side) + "_" + column;
      update += ", " + name + " = excluded." + name;
    }
  }
  std::string row = "(?";
  for (int k = 1; k < kUpsertParameters; ++k) row += ", ?";
  row += ", 1)";
  std::string values = row;
  for (size_t r = 1; r < rows; ++r) values += ", " + row;
  return "INSERT INTO conflicts(id, rule_id, severity, metric, subject, claim_a_id, claim_b_id" + SideList("") +
         ", explanation, explanation_vi, first_run_id, active) VALUES " +
         values +
         " ON CONFLICT(id) DO UPDATE SET "
         "rule_id = excluded.rule_id, severity = excluded.severity, metric = excluded.metric, "
         "subject = excluded.subject, claim_a_id = excluded.claim_a_id, "
         "claim_b_id = excluded.claim_b_id" +
         update +
         ", explanation = excluded.explanation, explanation_vi = excluded.explanation_vi, active = 1";
}

constexpr size_t kStateBatch = 64;

// Inserts or updates `rows` rows of conflict_state, kStateParameters each: conflict
// id, content hash, last_run_id, trust_a, trust_b, inputs_hash, trust_key_a,
// trust_key_b, core_hash, support_a, support_b, likely_value, series, core_run_id,
// series_id. A core_run_id of 0 keeps the stored one (the conflicts row was not
// written). A series is its text's id in series_texts, `series` then NULL; '' and
// a NULL id without one.
constexpr int kStateParameters = 15;
std::string StateSql(size_t rows) {
  std::string row = "(?";
  for (int k = 1; k < kStateParameters; ++k) row += ", ?";
  row += ")";
  std::string values = row;
  for (size_t r = 1; r < rows; ++r) values += ", " + row;
  std::string update;
  for (const char* column : {"content_hash", "last_run_id", "trust_a", "trust_b", "inputs_hash", "trust_key_a",
                             "trust_key_b", "core_hash", "support_a", "support_b", "likely_value", "series",
                             "series_id"}) {
    update += std::string(update.empty() ? "" : ", ") + column + " = excluded." + column;
  }
  update += ", core_run_id = CASE WHEN excluded.core_run_id = 0 THEN conflict_state.core_run_id "
            "ELSE excluded.core_run_id END";
  return "INSERT INTO conflict_state(conflict_id, content_hash, last_run_id, trust_a, trust_b, inputs_hash, "
         "trust_key_a, trust_key_b, core_hash, support_a, support_b, likely_value, series, core_run_id, "
         "series_id) VALUES " +
         values + " ON CONFLICT(conflict_id) DO UPDATE SET " + update;
}

}  // namespace

ConflictIdTable ActiveContentHashes(StoreConnection& impl) {
  ConflictIdTable out;
  ForEachActiveState(impl, "SELECT conflict_id, content_hash FROM conflict_state ORDER BY conflict_id",
                     [&](std::string_view id, const SQLite::Statement* state) {
                       out.Add(id, state ? TextAt(*state, 1) : std::string_view());
                     });
  out.Seal();
  return out;
}
namespace {

// Records `rows` (run_id, conflict_id, change) rows of run_conflicts, 3 positional parameters each.
std::string RecordChangesSql(size_t rows) {
  std::string values = "(?, ?, ?)";
  for (size_t r = 1; r < rows; ++r) values += ", (?, ?, ?)";
  return "INSERT OR REPLACE INTO run_conflicts(run_id, conflict_id, change) VALUES " + values;
}

// `ref` with outlet/published/url taken from the claim's document where empty.
ClaimRef WithDocumentFacts(StoreConnection& impl, const ClaimRef& ref) {
  ClaimRef out = ref;
  if (ref.claim.id <= 0) return out;
  if (!ref.outlet.empty() && !ref.published.empty() && !ref.url.empty()) return out;
  StatementLease st = impl.Prepare(
      "SELECT d.outlet, d.published, d.url FROM claims cl "
      "JOIN documents d ON d.id = cl.document_id WHERE cl.id = ?");
  st->bind(1, ref.claim.id);
  if (!st->executeStep()) return out;
  if (out.outlet.empty()) out.outlet = st->getColumn(0).getString();
  if (out.published.empty()) out.published = st->getColumn(1).getString();
  if (out.url.empty()) out.url = st->getColumn(2).getString();
  return out;
}

// Calls put(value) with each kSideColumns value of `r`, in order. Values are
// std::string (by reference: they outlive the call), std::string_view, double,
// std::optional<double>.
template <typename Put>
void ForEachSideValue(const ClaimRef& r, Put&& put) {
  const Claim& c = r.claim;
  put(c.file);
  put(ClaimKindName(c.kind));
  put(c.value);
  put(c.low);
  put(c.high);
  put(c.unit);
  put(c.date);
  put(c.as_of);
  put(c.attributed_to);
  put(QualifierName(c.qualifier));
  put(c.quote);
  put(c.sentence);
  put(r.outlet);
  put(r.published);
  put(r.url);
}

// One conflict to upsert: its sides with the document facts filled in.
struct UpsertRow {
  const Conflict* conflict;
  const ClaimRef* a;
  const ClaimRef* b;
};

// A claim id as the row stores it: NULL (nullopt) for 0.
struct ClaimIdValue {
  int64_t id;
};

// Calls put(value) with the row's content, in UpsertSql's order up to
// explanation_vi: everything but what conflict_state keeps (run ids, trust,
// support, likely value, series). Values are
// those of ForEachSideValue, int and ClaimIdValue.
template <typename Put>
void ForEachContentValue(const UpsertRow& row, Put&& put) {
  const Conflict& c = *row.conflict;
  put(c.id);
  put(c.rule_id);
  put(SeverityName(c.severity));
  put(c.metric);
  put(c.subject);
  put(ClaimIdValue{row.a->claim.id});
  put(ClaimIdValue{row.b->claim.id});
  ForEachSideValue(*row.a, put);
  ForEachSideValue(*row.b, put);
  put(c.explanation);
  put(c.explanation_vi);
}

// Binds each value it is given at the next position. Strings are bound without a
// copy: they must outlive the statement's execution.
struct Binder {
  SQLite::Statement& st;
  int& i;
  void operator()(const std::string& v) { st.bindNoCopy(i++, v); }
  void operator()(std::string_view v) { st.bind(i++, std::string(v)); }
  void operator()(double v) { st.bind(i++, v); }
  void operator()(int v) { st.bind(i++, v); }
  void operator()(const std::optional<double>& v) { BindOptionalAt(st, i++, v); }
  void operator()(ClaimIdValue v) { BindIdAt(st, i++, v.id); }
};

// A 64-bit hash of each value it is given, typed and delimited, so different
// contents hash apart (doubles by their bits: -0 and 0, or two NaNs, may differ;
// then the row is written again, which is harmless). Eight bytes a step (a row is
// kilobytes, and every row of a check is hashed): each word is multiplied in and
// folded, the tail padded with zeros after its length was mixed in by Tag.
struct Hasher {
  uint64_t h = 14695981039346656037ull;
  void Word(uint64_t w) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  void Bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (; n >= 8; b += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, b, 8);
      Word(w);
    }
    if (n > 0) {
      uint64_t w = 0;
      std::memcpy(&w, b, n);
      Word(w);
    }
  }
  void Tag(char t, size_t n) {
    Bytes(&t, 1);
    Bytes(&n, sizeof n);
  }
  void operator()(std::string_view v) {
    Tag('s', v.size());
    Bytes(v.data(), v.size());
  }
  void operator()(const std::string& v) { (*this)(std::string_view(v)); }
  void operator()(double v) {
    Tag('d', sizeof v);
    Bytes(&v, sizeof v);
  }
  void operator()(int v) {
    Tag('i', sizeof v);
    Bytes(&v, sizeof v);
  }
  void operator()(const std::optional<double>& v) {
    if (v) {
      (*this)(*v);
    } else {
      Tag('n', 0);
    }
  }
  void operator()(ClaimIdValue v) {
    const int64_t id = v.id > 0 ? v.id : 0;
    Tag('c', sizeof id);
    Bytes(&id, sizeof id);
  }
};

// The hash of what ForEachContentValue gives for `row`, as 16 hex digits: what
// conflict_state.content_hash holds for the stored row.
std::string ContentHash(const UpsertRow& row) {
  Hasher hasher;
  ForEachContentValue(row, hasher);
  return Hex64(hasher.h);
}

// Binds `row` (kUpsertParameters values) from position *index on, advancing it.
void BindUpsertRow(SQLite::Statement& st, int* index, int64_t run_id, const UpsertRow& row) {
  ForEachContentValue(row, Binder{st, *index});
  BindIdAt(st, (*index)++, run_id);  // first_run_id (kept by an update)
}

// The conflict's latest review status, "open" when never reviewed.
std::string CurrentStatus(StoreConnection& impl, const std::string& conflict_id) {
  StatementLease st = impl.Prepare("SELECT status FROM conflict_status WHERE conflict_id = ?");
  st->bind(1, conflict_id);
  return st->executeStep() ? st->getColumn(0).getString() : "open";
}

void InsertReview(StoreConnection& impl, const Store::ReviewRecord& r) {
  StatementLease st = impl.Prepare(
      "INSERT INTO reviews(conflict_id, status, previous_status, note, reviewer, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  st->bind(1, r.conflict_id);
  st->bind(2, r.status);
  st->bind(3, r.previous_status);
  st->bind(4, r.note);
  st->bind(5, r.reviewer);
  st->bind(6, r.created_at);
  st->exec();
}

std::string RunStartedAt(StoreConnection& impl, int64_t run_id) {
  StatementLease st = impl.Prepare("SELECT started_at FROM runs WHERE id = ?");
  st->bind(1, run_id);
  return st->executeStep() ? st->getColumn(0).getString() : "";
}

// True when the stored snapshot of `c` differs from c's quotes, values or
// dates; nullopt when `c` is not stored yet.
std::optional<bool> EvidenceChanged(StoreConnection& impl, const Conflict& c) {
  StatementLease st = impl.Prepare(
      "SELECT a_quote, a_value, a_date, b_quote, b_value, b_date FROM conflicts WHERE id = ?");
  st->bind(1, c.id);
  if (!st->executeStep()) return std::nullopt;
  auto same = [&](int first, const Claim& claim) {
    return st->getColumn(first).getString() == claim.quote &&
           st->getColumn(first + 1).getDouble() == claim.value &&
           st->getColumn(first + 2).getString() == claim.date;
  };
  return !(same(0, c.a.claim) && same(3, c.b.claim));
}

// Reopens a dismissed or confirmed conflict whose evidence changed: appends the
// review to *reviews.
void ReopenIfDecided(StoreConnection& impl, const std::string& id, const std::string& at,
                     std::vector<Store::ReviewRecord>* reviews) {
  std::string status = CurrentStatus(impl, id);
  if (status != "dismissed" && status != "confirmed") return;
  reviews->push_back({id, "open", status, "evidence changed since it was " + status, kReviewer, at});
}

// SQL for the run that last found conflict `c` (a row of conflicts): for an
// active one the latest check's (check_state.run_id: a kept check does not write
// every active conflict's state again), else its conflict_state.last_run_id.
constexpr char kLastRunOf[] =
    "CASE WHEN c.active = 1 AND EXISTS (SELECT 1 FROM check_state WHERE id = 1) "
    "THEN (SELECT run_id FROM check_state WHERE id = 1) "
    "ELSE (SELECT last_run_id FROM conflict_state WHERE conflict_id = c.id) END";

// SQL for the run whose changes LoadRunChanges(0) gives: the latest check's, kept
// or in full (check_state.run_id; a run that changed nothing recorded nothing),
// else, after a standalone check (run 0) or none, the latest run that recorded.
constexpr char kLatestCheckRun[] =
    "COALESCE((SELECT run_id FROM check_state WHERE id = 1 AND run_id > 0), "
    "(SELECT MAX(run_id) FROM run_conflicts))";

// A confirmed or dismissed conflict (by its latest review), a candidate whose
// decision a new conflict on the same pair may inherit.
struct Decided {
  std::string id, status, note, reviewer;
  int64_t last_run_id = 0;
};

// Rule, metric, subject and the two files (in byte order): what stays the
// same when an article is edited and the conflict's id changes.
std::string PairKey(const std::string& rule_id, const std::string& metric, const std::string& subject,
                    const std::string& file_a, const std::string& file_b) {
  const bool swap = file_b < file_a;
  return rule_id + "\x1f" + metric + "\x1f" + subject + "\x1f" + (swap ? file_b : file_a) + "\x1f" +
         (swap ? file_a : file_b);
}

// Every decided conflict by PairKey, best candidate first (most recently
// seen, then id). One query over the reviews (few) per SaveConflicts, so the
// per-conflict lookup is a map find instead of a scan of the conflicts table.
std::map<std::string, std::vector<Decided>> DecidedConflicts(StoreConnection& impl) {
  static const std::string kSql =
      std::string("SELECT c.id, c.rule_id, c.metric, c.subject, c.a_file, c.b_file, COALESCE(") + kLastRunOf +
      ", 0), r.status, r.note, r.reviewer FROM reviews r JOIN conflicts c ON c.id = r.conflict_id "
      "WHERE r.id = (SELECT MAX(id) FROM reviews WHERE conflict_id = r.conflict_id) "
      "AND r.status IN ('confirmed', 'dismissed')";
  StatementLease st = impl.Prepare(kSql.c_str());
  std::map<std::string, std::vector<Decided>> out;
  while (st->executeStep()) {
    Decided d{st->getColumn(0).getString(), st->getColumn(7).getString(), st->getColumn(8).getString(),
              st->getColumn(9).getString(), st->getColumn(6).getInt64()};
    out[PairKey(st->getColumn(1).getString(), st->getColumn(2).getString(), st->getColumn(3).getString(),
                st->getColumn(4).getString(), st->getColumn(5).getString())]
        .push_back(std::move(d));
  }
  for (auto& entry : out) {
    std::sort(entry.second.begin(), entry.second.end(), [](const Decided& x, const Decided& y) {
      return x.last_run_id != y.last_run_id ? x.last_run_id > y.last_run_id : x.id < y.id;
    });
  }
  return out;
}

// A new conflict `c` inherits the decision of a stored conflict on the same
// rule, metric, subject and pair of files that is confirmed or dismissed and
// not among `incoming` (its evidence changed, so its id did too): a review
// sets `c` open with the old decision as previous_status (appended to *reviews).
// True when one did.
bool InheritDecision(const Conflict& c, const ConflictIdTable& incoming,
                     const std::map<std::string, std::vector<Decided>>& decided, const std::string& at,
                     std::vector<Store::ReviewRecord>* reviews) {
  auto it = decided.find(PairKey(c.rule_id, c.metric, c.subject, c.a.claim.file, c.b.claim.file));
  if (it == decided.end()) return false;
  for (const Decided& d : it->second) {
    if (d.id == c.id || incoming.Contains(d.id)) continue;
    std::string text = "evidence changed since it was " + d.status + " as " + d.id;
    if (!d.reviewer.empty()) text += " by " + d.reviewer;
    if (!d.note.empty()) text += ": " + d.note;
    reviews->push_back({c.id, "open", d.status, text, kReviewer, at});
    return true;
  }
  return false;
}

// Executes `batch_sql` (a statement of `batch` rows) for each whole batch of the `n`
// rows and `one_sql` (one row) for each row left, in order; bind(statement, from,
// to) binds rows [from, to) from parameter 1 on. The statement strings key the
// connection's statement cache, so they must live as long as it.
template <typename Bind>
void ExecInBatches(StoreConnection& impl, size_t n, size_t batch, const std::string& batch_sql,
                   const std::string& one_sql, Bind&& bind) {
  size_t next = 0;
  for (; next + batch <= n; next += batch) {
    StatementLease st = impl.Prepare(batch_sql.c_str());
    bind(*st, next, next + batch);
    st->exec();
  }
  for (; next < n; ++next) {
    StatementLease st = impl.Prepare(one_sql.c_str());
    bind(*st, next, next + 1);
    st->exec();
  }
}

// Upserts `rows` in order: kUpsertBatch rows per statement, the rest one at a time.
void UpsertConflicts(StoreConnection& impl, int64_t run_id, const std::vector<UpsertRow>& rows) {
  static const std::string kBatchSql = UpsertSql(kUpsertBatch);
  static const std::string kOneSql = UpsertSql(1);
  ExecInBatches(impl, rows.size(), kUpsertBatch, kBatchSql, kOneSql,
                [&](SQLite::Statement& st, size_t from, size_t to) {
                  int index = 1;
                  for (size_t r = from; r < to; ++r) BindUpsertRow(st, &index, run_id, rows[r]);
                });
}

// The ids of series texts in series_texts (migration 0022), each added when first
// seen: a text is looked up once per save however many rows show it.
class SeriesIds {
 public:
  // Throws SQLite::Exception on failure.
  int64_t IdOf(StoreConnection& impl, const std::string& text) {
    auto it = ids_.find(text);
    if (it != ids_.end()) return it->second;
    {
      StatementLease add = impl.Prepare("INSERT INTO series_texts(text) VALUES (?) ON CONFLICT(text) DO NOTHING");
      add->bindNoCopy(1, text);
      add->exec();
    }
    StatementLease find = impl.Prepare("SELECT id FROM series_texts WHERE text = ?");
    find->bindNoCopy(1, text);
    find->executeStep();  // the row is there: added above, or before
    const int64_t id = find->getColumn(0).getInt64();
    ids_.emplace(text, id);
    return id;
  }

 private:
  std::unordered_map<std::string, int64_t> ids_;
};

// SQLite's automatic checkpoint off for the life of this object (at its default of
// 1000 pages again after). Throws SQLite::Exception.
class AutocheckpointOff {
 public:
  explicit AutocheckpointOff(SQLite::Database& db) : db_(db) { db_.exec("PRAGMA wal_autocheckpoint = 0"); }
  ~AutocheckpointOff() {
    try {
      db_.exec("PRAGMA wal_autocheckpoint = 1000");
    } catch (const SQLite::Exception&) {
      // The connection is failing; nothing to restore it with.
    }
  }
  AutocheckpointOff(const AutocheckpointOff&) = delete;
  AutocheckpointOff& operator=(const AutocheckpointOff&) = delete;

 private:
  SQLite::Database& db_;
};

// A conflict_state row to write (a copy: the writer keeps it past the batch that
// brought it), with whether its conflicts row is written by the same save (then
// the run becomes its core_run_id).
struct StateRow {
  std::string id, content_hash;
  double trust_a = 0, trust_b = 0;
  uint64_t inputs_hash = 0, core_hash = 0;
  std::string trust_key_a, trust_key_b, likely_value;
  int support_a = 0, support_b = 0;
  int64_t series_id = 0;  // its text in series_texts; 0: no series
  bool core_written = false;

  // Throws SQLite::Exception when the series text cannot be stored.
  StateRow(StoreConnection& impl, const Conflict& c, std::string hash, bool written, SeriesIds* series)
      : id(c.id), content_hash(std::move(hash)), trust_a(c.trust_a), trust_b(c.trust_b),
        inputs_hash(c.inputs_hash), core_hash(c.core_hash), trust_key_a(c.trust_key_a),
        trust_key_b(c.trust_key_b), likely_value(c.likely_value), support_a(c.support_a),
        support_b(c.support_b), series_id(c.series.empty() ? 0 : series->IdOf(impl, c.series)),
        core_written(written) {}
};

// Writes each conflict_state row: its content hash, `run_id` as the run that last
// found it (NULL for 0) and, when its conflicts row was written, as the run that
// wrote it (NULL for 0: unknown); its trust, context and series; kStateBatch rows
// per statement, in the order given. The conflicts rows must exist.
void UpsertStates(StoreConnection& impl, int64_t run_id, const std::vector<StateRow>& states) {
  static const std::string kBatchSql = StateSql(kStateBatch);
  static const std::string kOneSql = StateSql(1);
  ExecInBatches(impl, states.size(), kStateBatch, kBatchSql, kOneSql,
                [&](SQLite::Statement& st, size_t from, size_t to) {
                  int index = 1;
                  for (size_t r = from; r < to; ++r) {
                    const StateRow& row = states[r];
                    st.bindNoCopy(index++, row.id);
                    st.bindNoCopy(index++, row.content_hash);
                    BindIdAt(st, index++, run_id);
                    st.bind(index++, row.trust_a);
                    st.bind(index++, row.trust_b);
                    st.bind(index++, row.inputs_hash != 0 ? Hex64(row.inputs_hash) : std::string());
                    st.bindNoCopy(index++, row.trust_key_a);
                    st.bindNoCopy(index++, row.trust_key_b);
                    st.bind(index++, row.core_hash != 0 ? Hex64(row.core_hash) : std::string());
                    st.bind(index++, row.support_a);
                    st.bind(index++, row.support_b);
                    st.bindNoCopy(index++, row.likely_value);
                    if (row.series_id == 0) {
                      st.bind(index++, "");  // no series
                    } else {
                      st.bind(index++);  // NULL: its text is series_texts'
                    }
                    if (!row.core_written) {
                      st.bind(index++, 0);  // kept as stored
                    } else {
                      BindIdAt(st, index++, run_id);
                    }
                    BindIdAt(st, index++, row.series_id);
                  }
                });
}

// State rows kept by the writer before they are written: sorted by id, a write
// sweeps conflict_state (and its run index) in key order instead of seeking a page
// per row (a night's 244k rows at 100k articles land on every page of the table).
constexpr size_t kPendingStates = 65536;

// Makes source_trust hold exactly `trust` (key, trust): rows whose trust moved are
// written, rows of sources gone deleted (a full check's trust, once per source).
void WriteSourceTrust(StoreConnection& impl, const std::vector<std::pair<std::string, double>>& trust) {
  std::unordered_map<std::string, double> stored;
  {
    StatementLease st = impl.Prepare("SELECT key, trust FROM source_trust");
    while (st->executeStep()) stored.emplace(st->getColumn(0).getString(), st->getColumn(1).getDouble());
  }
  for (const auto& [key, value] : trust) {
    auto it = stored.find(key);
    if (it != stored.end()) {
      const bool same = it->second == value;
      stored.erase(it);
      if (same) continue;
    }
    StatementLease st = impl.Prepare(
        "INSERT INTO source_trust(key, trust) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET trust = excluded.trust");
    st->bindNoCopy(1, key);
    st->bind(2, value);
    st->exec();
  }
  for (const auto& entry : stored) {
    StatementLease st = impl.Prepare("DELETE FROM source_trust WHERE key = ?");
    st->bindNoCopy(1, entry.first);
    st->exec();
  }
}

// Records each (conflict id, change) of `changes` for `run_id` in order (none when
// run_id <= 0), kChangeBatch rows per statement.
void RecordChanges(StoreConnection& impl, int64_t run_id,
                   const std::vector<std::pair<const std::string*, const char*>>& changes) {
  if (run_id <= 0) return;
  static const std::string kBatchSql = RecordChangesSql(kChangeBatch);
  static const std::string kOneSql = RecordChangesSql(1);
  ExecInBatches(impl, changes.size(), kChangeBatch, kBatchSql, kOneSql,
                [&](SQLite::Statement& st, size_t from, size_t to) {
                  int index = 1;
                  for (size_t r = from; r < to; ++r) {
                    st.bind(index++, run_id);
                    st.bindNoCopy(index++, *changes[r].first);
                    st.bindNoCopy(index++, changes[r].second);
                  }
                });
}

// The full id for `id_or_prefix`: an exact id, or a unique prefix of at
// least kMinPrefix characters.
Result<std::string> ResolveConflictId(StoreConnection& impl, const std::string& id_or_prefix) {
  {
    StatementLease exact = impl.Prepare("SELECT id FROM conflicts WHERE id = ?");
    exact->bind(1, id_or_prefix);
    if (exact->executeStep()) return exact->getColumn(0).getString();
  }
  if (id_or_prefix.size() < kMinPrefix) {
    return Status::NotFound("no conflict with id '" + id_or_prefix + "' (a prefix needs at least " +
                            std::to_string(kMinPrefix) + " characters)");
  }
  StatementLease st = impl.Prepare("SELECT id FROM conflicts WHERE substr(id, 1, ?) = ? LIMIT 2");
  st->bind(1, static_cast<int64_t>(id_or_prefix.size()));
  st->bind(2, id_or_prefix);
  if (!st->executeStep()) return Status::NotFound("no conflict with id '" + id_or_prefix + "'");
  std::string id = st->getColumn(0).getString();
  if (st->executeStep()) {
    return Status::InvalidInput("conflict id prefix '" + id_or_prefix + "' is ambiguous");
  }
  return id;
}

}  // namespace

// What a ConflictWriter keeps from Begin to Finish: the transaction, what was read
// before the first row, and what the rows decided that is written at the end.
struct Store::ConflictWriter::State {
  State(StoreConnection& connection, int64_t run, std::string key)
      : impl(connection), run_id(run), inputs_key(std::move(key)), transaction(connection.db, kWriteTransaction) {}

  StoreConnection& impl;
  const int64_t run_id;
  const std::string inputs_key;
  SQLite::Transaction transaction;  // rolled back when destroyed uncommitted
  std::string at;                   // the run's started_at: the time of reviews
  ConflictIdTable incoming;         // every id the writer was begun with
  std::vector<bool> seen;           // by position in `incoming`: added so far
  std::set<std::string> seen_other; // added so far and not in `incoming`
  std::map<std::string, std::vector<Decided>> decided;  // see InheritDecision
  std::unordered_set<std::string> decided_ids;          // the ids in `decided`: confirmed or dismissed
  // Every conflict active before, with its stored content hash: only a conflict
  // found again while active can keep its row as it is.
  ConflictIdTable active_before;
  ConflictDelta delta;
  std::vector<ReviewRecord> reviews;    // written after every row (they reference rows)
  std::vector<std::string> back_open;   // inactive before, back and dismissed: recorded as "open"
  ActiveSetDigest active_digest;        // of every id added, with its content hash
  // Every source's trust by key (SetSourceTrust): source_trust's rows at Finish.
  std::optional<std::vector<std::pair<std::string, double>>> source_trust;
  SeriesIds series_ids;                 // the series texts written so far
  std::vector<StateRow> pending_states; // written by WritePendingStates
  Status failure = Status::Ok();

  // Writes the state rows kept so far, in id order. Throws SQLite::Exception.
  void WritePendingStates() {
    std::sort(pending_states.begin(), pending_states.end(),
              [](const StateRow& x, const StateRow& y) { return x.id < y.id; });
    UpsertStates(impl, run_id, pending_states);
    pending_states.clear();
  }

  // Records `id` as added; false when it was already.
  bool MarkSeen(const std::string& id) {
    if (std::optional<size_t> p = incoming.Find(id)) {
      if (seen[*p]) return false;
      seen[*p] = true;
      return true;
    }
    return seen_other.insert(id).second;
  }
  bool WasSeen(const std::string& id) const {
    if (std::optional<size_t> p = incoming.Find(id)) return seen[*p];
    return seen_other.count(id) > 0;
  }
};

Store::ConflictWriter::ConflictWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
Store::ConflictWriter::~ConflictWriter() = default;

Result<StoredRowHashes> Store::LoadActiveRowHashes() {
  return Guarded("LoadActiveRowHashes", [&]() -> Result<StoredRowHashes> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);  // one snapshot for both scans
    StoredRowHashes out;
    ForEachActiveState(*impl_,
                       "SELECT conflict_id, core_hash, inputs_hash FROM conflict_state ORDER BY conflict_id",
                       [&](std::string_view id, const SQLite::Statement* state) {
                         out.Add(id, state ? TextAt(*state, 1) : std::string_view(),
                                 state ? TextAt(*state, 2) : std::string_view());
                       });
    out.Seal();
    read.commit();
    return out;
  });
}

Result<std::unique_ptr<Store::ConflictWriter>> Store::BeginConflicts(int64_t run_id,
                                                                    const std::vector<std::string>& ids,
                                                                    const std::string& inputs_key) {
  for (const std::string& id : ids) {
    if (id.empty()) return Status::InvalidInput("conflict without id");
  }
  return BeginConflicts(run_id, inputs_key, [&](ConflictIdTable& incoming) {
    for (const std::string& id : ids) incoming.Add(id);
  });
}

Result<std::unique_ptr<Store::ConflictWriter>> Store::BeginConflicts(int64_t run_id, const std::vector<uint64_t>& ids,
                                                                    const std::string& inputs_key) {
  return BeginConflicts(run_id, inputs_key, [&](ConflictIdTable& incoming) {
    for (uint64_t id : ids) incoming.Add(id);
  });
}

Result<std::unique_ptr<Store::ConflictWriter>> Store::BeginConflicts(
    int64_t run_id, const std::string& inputs_key, const std::function<void(ConflictIdTable&)>& add_ids) {
  return Guarded("SaveConflicts", [&]() -> Result<std::unique_ptr<ConflictWriter>> {
    auto state = std::make_unique<ConflictWriter::State>(*impl_, run_id, inputs_key);
    state->at = RunStartedAt(*impl_, run_id);
    state->active_before = ActiveContentHashes(*impl_);
    add_ids(state->incoming);
    state->incoming.Seal();
    state->seen.assign(state->incoming.size(), false);
    state->decided = DecidedConflicts(*impl_);
    for (const auto& entry : state->decided) {
      for (const Decided& d : entry.second) state->decided_ids.insert(d.id);
    }
    return std::unique_ptr<ConflictWriter>(new ConflictWriter(std::move(state)));
  });
}

Status Store::ConflictWriter::Add(const std::vector<Conflict>& batch) {
  State& s = *state_;
  if (!s.failure.ok()) return s.failure;
  for (const Conflict& c : batch) {
    if (c.id.empty()) return s.failure = Status::InvalidInput("conflict without id (rule " + c.rule_id + ")");
  }
  s.failure = Guarded("SaveConflicts", [&]() -> Status {
    // Reads first, then the batch's rows in the order the reads decided them (each
    // conflict once). No read looks at a row, review or change of another conflict,
    // so deferring writes (the reviews and changes until Finish) changes none.
    // A row whose stored content is the same (its hash) is not written again: only
    // its conflict_state row (the run, the trust), as for every row.
    std::vector<UpsertRow> rows;
    std::deque<ClaimRef> filled;  // sides completed with their document's facts
    auto side = [&](const ClaimRef& ref) -> const ClaimRef* {
      if (ref.claim.id <= 0 || (!ref.outlet.empty() && !ref.published.empty() && !ref.url.empty())) return &ref;
      filled.push_back(WithDocumentFacts(s.impl, ref));
      return &filled.back();
    };
    for (const Conflict& c : batch) {
      if (!s.MarkSeen(c.id)) continue;
      if (c.form != Conflict::Form::kBuilt) {
        // Built from the same core as the stored row (the engine compared its hashes
        // with conflict_state's): the conflicts row stands. Its context is written
        // to its state row, unless it came from the same inputs too (kStored):
        // then nothing is written.
        const std::optional<size_t> stored = s.active_before.Find(c.id);
        if (!stored) return Status::Internal("conflict " + c.id + " was handed over as stored but is not active");
        std::string hash = s.active_before.ValueAt(*stored);
        s.active_digest.Add(c.id, hash);
        ++s.delta.still_open;
        if (c.form == Conflict::Form::kStored) {
          ++s.delta.as_stored;
        } else {
          ++s.delta.context_only;
          s.pending_states.emplace_back(s.impl, c, std::move(hash), false, &s.series_ids);
        }
        continue;
      }
      const UpsertRow row{&c, side(c.a), side(c.b)};
      std::string hash = ContentHash(row);
      s.active_digest.Add(c.id, hash);
      const std::optional<size_t> stored = s.active_before.Find(c.id);
      const bool was_active = stored.has_value();
      if (was_active && s.active_before.ValueEquals(*stored, hash)) {
        // Found again as stored: still open, its evidence unchanged.
        ++s.delta.still_open;
        s.pending_states.emplace_back(s.impl, c, std::move(hash), false, &s.series_ids);
        continue;
      }
      // Whether its evidence changed matters only to a decided conflict (it reopens);
      // an active one that is not decided is stored: no need to read its row.
      std::optional<bool> changed =
          was_active && !s.decided_ids.count(c.id) ? std::optional<bool>(false) : EvidenceChanged(s.impl, c);
      const bool is_stored = changed.has_value();
      // A dismissal sticks: a dismissed conflict that comes back is not new.
      if (was_active || (is_stored && CurrentStatus(s.impl, c.id) == "dismissed")) {
        ++s.delta.still_open;
        if (!was_active) s.back_open.push_back(c.id);
      } else {
        ++s.delta.new_count;
        s.delta.new_ids.push_back(c.id);
      }
      if (changed.value_or(false)) ReopenIfDecided(s.impl, c.id, s.at, &s.reviews);
      rows.push_back(row);
      s.pending_states.emplace_back(s.impl, c, std::move(hash), true, &s.series_ids);
      if (!is_stored && InheritDecision(c, s.incoming, s.decided, s.at, &s.reviews)) {
        s.delta.reopened_ids.push_back(c.id);
      }
    }
    UpsertConflicts(s.impl, s.run_id, rows);
    if (s.pending_states.size() >= kPendingStates) s.WritePendingStates();
    return Status::Ok();
  });
  return s.failure;
}

void Store::ConflictWriter::SetSourceTrust(std::vector<std::pair<std::string, double>> trust) {
  state_->source_trust = std::move(trust);
}

Result<Store::ConflictDelta> Store::ConflictWriter::Finish() {
  State& s = *state_;
  if (!s.failure.ok()) return s.failure;
  Result<ConflictDelta> result = Guarded("SaveConflicts", [&]() -> Result<ConflictDelta> {
    s.WritePendingStates();
    for (const ReviewRecord& r : s.reviews) InsertReview(s.impl, r);
    ConflictDelta& delta = s.delta;
    for (size_t p = 0; p < s.active_before.size(); ++p) {
      std::string id = s.active_before.IdAt(p);
      if (!s.WasSeen(id)) delta.resolved_ids.push_back(std::move(id));
    }
    std::sort(delta.resolved_ids.begin(), delta.resolved_ids.end());
    for (const std::string& id : delta.resolved_ids) {
      StatementLease st = s.impl.Prepare("UPDATE conflicts SET active = 0 WHERE id = ?");
      st->bind(1, id);
      st->exec();
      // Frozen as it was last found: its sides' trust (read by key while it was
      // active) and the run that found it, the last check's (check_state, not
      // written yet): a row handed over as stored has its state of an older run.
      StatementLease freeze = s.impl.Prepare(
          "UPDATE conflict_state SET "
          "trust_a = COALESCE((SELECT trust FROM source_trust WHERE key = trust_key_a), trust_a), "
          "trust_b = COALESCE((SELECT trust FROM source_trust WHERE key = trust_key_b), trust_b), "
          "last_run_id = COALESCE((SELECT run_id FROM check_state WHERE id = 1), last_run_id) "
          "WHERE conflict_id = ?");
      freeze->bind(1, id);
      freeze->exec();
      ++delta.resolved;
    }
    if (s.source_trust) WriteSourceTrust(s.impl, *s.source_trust);
    // The run's changes to the active set: dismissed ones back, new ones,
    // resolved ones (one still found is not recorded: it is active, not new).
    std::vector<std::pair<const std::string*, const char*>> changes;
    changes.reserve(s.back_open.size() + delta.new_ids.size() + delta.resolved_ids.size());
    for (const std::string& id : s.back_open) changes.emplace_back(&id, "open");
    for (const std::string& id : delta.new_ids) changes.emplace_back(&id, "new");
    for (const std::string& id : delta.resolved_ids) changes.emplace_back(&id, "resolved");
    RecordChanges(s.impl, s.run_id, changes);
    WriteCheckKey(s.impl, s.run_id, s.inputs_key);
    WriteConflictsDigest(s.impl, s.active_digest.ToString());
    // The commit without SQLite's checkpoint (it would copy the whole save into
    // the database file and fsync, in this thread): a background one does it while
    // the caller goes on (the report reads meanwhile).
    {
      AutocheckpointOff off(s.impl.db);
      s.transaction.commit();
    }
    s.impl.StartBackgroundCheckpoint();
    std::sort(delta.new_ids.begin(), delta.new_ids.end());
    std::sort(delta.reopened_ids.begin(), delta.reopened_ids.end());
    return std::move(delta);
  });
  if (!result.ok()) s.failure = result.status();
  return result;
}

Result<Store::ConflictDelta> Store::SaveConflicts(int64_t run_id, const std::vector<Conflict>& conflicts,
                                                  const std::string& inputs_key) {
  std::vector<std::string> ids;
  ids.reserve(conflicts.size());
  for (const Conflict& c : conflicts) {
    if (c.id.empty()) return Status::InvalidInput("conflict without id (rule " + c.rule_id + ")");
    ids.push_back(c.id);
  }
  Result<std::unique_ptr<ConflictWriter>> writer = BeginConflicts(run_id, ids, inputs_key);
  if (!writer.ok()) return writer.status();
  if (Status added = (*writer)->Add(conflicts); !added.ok()) return added;
  return (*writer)->Finish();
}

namespace {

// ConflictQuery's columns, by position: the conflict's own, then side a and
// side b (kSideQueryColumns each, see SideQueryList).
enum ConflictColumn : int {
  kIdColumn,
  kRuleIdColumn,
  kSeverityColumn,
  kMetricColumn,
  kSubjectColumn,
  kExplanationColumn,
  kExplanationViColumn,
  kLikelyValueColumn,
  kSupportAColumn,
  kSupportBColumn,
  kTrustAColumn,
  kTrustBColumn,
  kSeriesColumn,
  kStatusColumn,
  kNoteColumn,
  kSideAColumn,
};
// A side: kSideColumns, then 1 when it is live (0 when read from the snapshot),
// then the live claim's kLiveOnlyColumns (NULL when not live).
constexpr std::array<const char*, 9> kLiveOnlyColumns = {
    "id", "document_id", "metric", "subject", "as_of_inferred", "span_begin", "span_end", "confidence", "pattern_id"};
constexpr int kSideQueryColumns = static_cast<int>(kSideColumns.size() + 1 + kLiveOnlyColumns.size());
constexpr int kSideBColumn = kSideAColumn + kSideQueryColumns;

// The columns of `side` ("a" or "b"), whose live claim and document are the
// LEFT JOINs `claim` and `doc` of ConflictQuery: each kSideColumns value from the
// live claim (outlet, published and url from its document) when the document
// row exists, else from the snapshot. Chosen in SQL, so the sort carries one
// value per column rather than the snapshot and the live claim both.
std::string SideQueryList(const std::string& side, const std::string& claim, const std::string& doc) {
  std::string out;
  for (const std::string column : kSideColumns) {
    const bool of_document = column == "outlet" || column == "published" || column == "url";
    out += ", CASE WHEN " + doc + ".id IS NULL THEN c." + side + "_" + column + " ELSE " +
           (of_document ? doc : claim) + "." + column + " END";
  }
  out += ", " + doc + ".id IS NOT NULL";
  for (const char* column : kLiveOnlyColumns) out += ", " + claim + "." + column;
  return out;
}

// A side as stored with its row (its kSideColumns snapshot), in SideQueryList's
// layout: never live, the live-only columns NULL.
std::string SnapshotSideList(const std::string& side) {
  std::string out;
  for (const char* column : kSideColumns) out += std::string(", c.") + side + "_" + column;
  out += ", 0";
  for (size_t i = 0; i < kLiveOnlyColumns.size(); ++i) out += ", NULL";
  return out;
}

// SQL for the likely value and both sides' support (three columns) of conflict `c`
// with conflict_state `st`: the state's, or, for a row stored before migration
// 0018 and not written since, the conflicts row's. (The series likewise.)
constexpr char kContextOf[] =
    "COALESCE(st.likely_value, c.likely_value), COALESCE(st.support_a, c.support_a), "
    "COALESCE(st.support_b, c.support_b)";

// SQL for the series of conflict `c` with conflict_state `st`: the text its state
// names (series_texts, migration 0022), else the state's own (''), else, stored
// before 0018, the conflicts row's.
constexpr char kSeriesOf[] =
    "COALESCE((SELECT text FROM series_texts WHERE id = st.series_id), st.series, c.series)";

// ConflictQuery's columns with both sides as stored (SnapshotSideList) and no trust
// (0): no claim or document read per conflict, only its status and state row.
std::string SnapshotConflictQuery() {
  return "SELECT c.id, c.rule_id, c.severity, c.metric, c.subject, c.explanation, c.explanation_vi, "
         + std::string(kContextOf) + ", 0, 0, " + kSeriesOf + ", s.status, s.note" +
         SnapshotSideList("a") + SnapshotSideList("b") +
         " FROM conflicts c JOIN conflict_status s ON s.conflict_id = c.id "
         "LEFT JOIN conflict_state st ON st.conflict_id = c.id "
         "WHERE (c.active = 1 OR ? = 0) ";
}

// SQL for both sides' trust (two columns) of conflict `c` with conflict_state `st`:
// an active one's by its sides' keys from source_trust (the last full check's),
// a resolved one's (or one stored before its keys were) as stored with its state.
constexpr char kTrustOf[] =
    "COALESCE(CASE WHEN c.active = 1 THEN (SELECT trust FROM source_trust WHERE key = st.trust_key_a) END, "
    "st.trust_a, 0), "
    "COALESCE(CASE WHEN c.active = 1 THEN (SELECT trust FROM source_trust WHERE key = st.trust_key_b) END, "
    "st.trust_b, 0)";

// The query of LoadConflicts and ForEachConflict (all but the ORDER BY): every
// conflict with its status and both sides (see ConflictColumn). A side is live
// when its claim id is > 0 and both the claim and its document still exist:
// one query instead of a lookup per side.
std::string ConflictQuery() {
  return "SELECT c.id, c.rule_id, c.severity, c.metric, c.subject, c.explanation, c.explanation_vi, "
         + std::string(kContextOf) + ", " + kTrustOf + ", " + kSeriesOf + ", "
         "s.status, s.note" +
         SideQueryList("a", "ca", "da") + SideQueryList("b", "cb", "db") +
         " FROM conflicts c JOIN conflict_status s ON s.conflict_id = c.id "
         "LEFT JOIN conflict_state st ON st.conflict_id = c.id "
         "LEFT JOIN claims ca ON ca.id = c.claim_a_id AND c.claim_a_id > 0 "
         "LEFT JOIN documents da ON da.id = ca.document_id "
         "LEFT JOIN claims cb ON cb.id = c.claim_b_id AND c.claim_b_id > 0 "
         "LEFT JOIN documents db ON db.id = cb.document_id "
         "WHERE (c.active = 1 OR ? = 0) ";
}

// The side whose columns start at `first` (SideQueryList): the live claim with
// its document's facts, or the snapshot, whose metric and subject are the
// conflict's and whose other claim fields keep their defaults.
ClaimRef ReadSide(SQLite::Statement& st, int first, const Conflict& c) {
  int i = first;
  ClaimRef r;
  r.claim.file = st.getColumn(i++).getString();
  r.claim.kind = ParseClaimKind(st.getColumn(i++).getString()).value_or(ClaimKind::kCount);
  r.claim.value = st.getColumn(i++).getDouble();
  r.claim.low = OptionalDouble(st.getColumn(i++));
  r.claim.high = OptionalDouble(st.getColumn(i++));
  r.claim.unit = st.getColumn(i++).getString();
  r.claim.date = st.getColumn(i++).getString();
  r.claim.as_of = st.getColumn(i++).getString();
  r.claim.attributed_to = st.getColumn(i++).getString();
  r.claim.qualifier = ParseQualifier(st.getColumn(i++).getString()).value_or(Qualifier::kExact);
  r.claim.quote = st.getColumn(i++).getString();
  r.claim.sentence = st.getColumn(i++).getString();
  r.outlet = st.getColumn(i++).getString();
  r.published = st.getColumn(i++).getString();
  r.url = st.getColumn(i++).getString();
  if (st.getColumn(i++).getInt() == 0) {
    r.claim.metric = c.metric;
    r.claim.subject = c.subject;
    return r;
  }
  r.claim.id = st.getColumn(i++).getInt64();
  r.claim.document_id = st.getColumn(i++).getInt64();
  r.claim.metric = st.getColumn(i++).getString();
  r.claim.subject = st.getColumn(i++).getString();
  r.claim.as_of_inferred = st.getColumn(i++).getInt() != 0;
  r.claim.span_begin = static_cast<size_t>(st.getColumn(i++).getInt64());
  r.claim.span_end = static_cast<size_t>(st.getColumn(i++).getInt64());
  r.claim.confidence = st.getColumn(i++).getDouble();
  r.claim.pattern_id = st.getColumn(i++).getString();
  return r;
}

// The conflict at `st`'s current row (ConflictQuery's columns), each side from
// its live claim when that still exists, else from the snapshot.
Conflict ReadConflict(SQLite::Statement& st) {
  Conflict c;
  c.id = st.getColumn(kIdColumn).getString();
  c.rule_id = st.getColumn(kRuleIdColumn).getString();
  c.severity = ParseSeverity(st.getColumn(kSeverityColumn).getString()).value_or(Severity::kInfo);
  c.metric = st.getColumn(kMetricColumn).getString();
  c.subject = st.getColumn(kSubjectColumn).getString();
  c.explanation = st.getColumn(kExplanationColumn).getString();
  c.explanation_vi = st.getColumn(kExplanationViColumn).getString();
  c.likely_value = st.getColumn(kLikelyValueColumn).getString();
  c.support_a = st.getColumn(kSupportAColumn).getInt();
  c.support_b = st.getColumn(kSupportBColumn).getInt();
  c.trust_a = st.getColumn(kTrustAColumn).getDouble();
  c.trust_b = st.getColumn(kTrustBColumn).getDouble();
  c.series = st.getColumn(kSeriesColumn).getString();
  c.status = st.getColumn(kStatusColumn).getString();
  c.note = st.getColumn(kNoteColumn).getString();
  c.a = ReadSide(st, kSideAColumn, c);
  c.b = ReadSide(st, kSideBColumn, c);
  return c;
}

// Steps `sql` (ConflictQuery plus an ORDER BY) and hands each conflict to `fn`
// (ReadConflict's). One read transaction: one snapshot, and one file lock for
// the whole walk. Throws SQLite::Exception on failure.
void WalkConflicts(StoreConnection& impl, const char* sql, bool active_only,
                   const std::function<void(Conflict&)>& fn) {
  SQLite::Transaction read(impl.db, SQLite::TransactionBehavior::DEFERRED);
  StatementLease st = impl.Prepare(sql);
  st->bind(1, active_only ? 1 : 0);
  while (st->executeStep()) {
    Conflict c = ReadConflict(*st);
    fn(c);
  }
  read.commit();
}

// A severity's rank in report order, as SQL over the conflicts row `c`: the ORDER BY
// of ForEachConflict is the expression of index conflicts_report_order (migration
// 0014), so it must stay written this way.
constexpr char kSeverityRank[] = "CASE c.severity WHEN 'conflict' THEN 0 WHEN 'divergence' THEN 1 ELSE 2 END";

// The conflict with this id, active or not, as ForEachConflict gives it; nullopt
// when it is not stored. Throws SQLite::Exception on failure.
std::optional<Conflict> ReadConflictById(StoreConnection& impl, const std::string& id) {
  static const std::string kSql = ConflictQuery() + "AND c.id = ?2";
  StatementLease st = impl.Prepare(kSql.c_str());
  st->bind(1, 0);  // active or not
  st->bindNoCopy(2, id);
  if (!st->executeStep()) return std::nullopt;
  return ReadConflict(*st);
}

}  // namespace

Result<std::vector<Conflict>> Store::LoadConflicts(bool active_only) {
  return Guarded("LoadConflicts", [&]() -> Result<std::vector<Conflict>> {
    static const std::string kSql = ConflictQuery() + "ORDER BY c.metric, c.subject, c.id";
    std::vector<Conflict> out;
    WalkConflicts(*impl_, kSql.c_str(), active_only, [&](Conflict& c) { out.push_back(std::move(c)); });
    return out;
  });
}

Result<std::vector<Conflict>> Store::LoadConflictsById(const std::vector<std::string>& ids) {
  return Guarded("LoadConflictsById", [&]() -> Result<std::vector<Conflict>> {
    std::vector<Conflict> out;
    out.reserve(ids.size());
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    for (const std::string& id : ids) {
      if (std::optional<Conflict> c = ReadConflictById(*impl_, id)) out.push_back(std::move(*c));
    }
    read.commit();
    return out;
  });
}

Result<std::vector<Conflict>> Store::LoadFirstConflictsById(const std::vector<std::string>& ids, size_t max,
                                                            size_t* found) {
  return Guarded("LoadFirstConflictsById", [&]() -> Result<std::vector<Conflict>> {
    struct OrderKey {
      int severity;
      std::string metric, subject;
      const std::string* id;
    };
    std::vector<OrderKey> keys;
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    for (const std::string& id : ids) {
      static const std::string kSql =
          std::string("SELECT ") + kSeverityRank + ", c.metric, c.subject FROM conflicts c WHERE c.id = ?";
      StatementLease st = impl_->Prepare(kSql.c_str());
      st->bindNoCopy(1, id);
      if (st->executeStep()) {
        keys.push_back(OrderKey{st->getColumn(0).getInt(), st->getColumn(1).getString(), st->getColumn(2).getString(), &id});
      }
    }
    auto before = [](const OrderKey& x, const OrderKey& y) {
      return std::tie(x.severity, x.metric, x.subject, *x.id) < std::tie(y.severity, y.metric, y.subject, *y.id);
    };
    // An id asked twice is one conflict.
    std::sort(keys.begin(), keys.end(), [](const OrderKey& x, const OrderKey& y) { return *x.id < *y.id; });
    keys.erase(std::unique(keys.begin(), keys.end(), [](const OrderKey& x, const OrderKey& y) { return *x.id == *y.id; }),
               keys.end());
    if (found) *found = keys.size();
    const size_t first = std::min(max, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(first), keys.end(), before);
    std::vector<Conflict> out;
    out.reserve(first);
    for (size_t k = 0; k < first; ++k) {
      if (std::optional<Conflict> c = ReadConflictById(*impl_, *keys[k].id)) out.push_back(std::move(*c));
    }
    read.commit();
    return out;
  });
}

Status Store::ForEachConflict(bool active_only, const std::function<void(Conflict&)>& fn) {
  return Guarded("ForEachConflict", [&]() -> Status {
    // Severity names sort by their rank; text sorts as std::string does (BINARY).
    // The ORDER BY is the expression of index conflicts_report_order (migration
    // 0014), written the same way, so SQLite reads in order instead of sorting.
    static const std::string kSql = ConflictQuery() + "ORDER BY " + kSeverityRank + ", c.metric, c.subject, c.id";
    WalkConflicts(*impl_, kSql.c_str(), active_only, fn);
    return Status::Ok();
  });
}

Status Store::ForEachConflictAsStored(bool active_only, const std::function<void(Conflict&)>& fn) {
  return Guarded("ForEachConflictAsStored", [&]() -> Status {
    static const std::string kSql =
        SnapshotConflictQuery() + "ORDER BY " + kSeverityRank + ", c.metric, c.subject, c.id";
    WalkConflicts(*impl_, kSql.c_str(), active_only, fn);
    return Status::Ok();
  });
}

Result<std::optional<Store::ChangedSince>> Store::LoadChangedSince(const ReportMarks& marks) {
  return Guarded("LoadChangedSince", [&]() -> Result<std::optional<ChangedSince>> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    {
      StatementLease st = impl_->Prepare(
          "SELECT (SELECT count(*) FROM conflicts) = (SELECT count(*) FROM conflict_state)");
      st->executeStep();
      if (st->getColumn(0).getInt() == 0) return std::optional<ChangedSince>();
    }
    ChangedSince out;
    {
      // Resolved by a check after the marks': Finish froze its last run to the check
      // before that one, the marks' or later.
      StatementLease st = impl_->Prepare(
          "SELECT c.id FROM conflict_state st JOIN conflicts c ON c.id = st.conflict_id "
          "WHERE st.last_run_id >= ?1 AND c.active = 0");
      st->bind(1, marks.check_run_id);
      while (st->executeStep()) out.dropped_ids.Add(TextAt(*st, 0));
    }
    // The state rows a later check wrote (or one without a run), with their
    // context, by id. One pass over the table: a night changes a seventh of the
    // rows at 100k articles, and a lookup per row would read most of its pages
    // many times over.
    std::vector<ChangedRow> by_id;
    {
      StatementLease st = impl_->Prepare(
          "SELECT conflict_id, core_run_id > 0 AND core_run_id <= ?1 AND likely_value IS NOT NULL "
          "AND support_a IS NOT NULL AND support_b IS NOT NULL, likely_value, support_a, support_b "
          "FROM conflict_state NOT INDEXED WHERE last_run_id IS NULL OR last_run_id > ?1");
      st->bind(1, marks.check_run_id);
      while (st->executeStep()) {
        ChangedRow row;
        row.id = st->getColumn(0).getString();
        row.context_only = st->getColumn(1).getInt() != 0;
        if (row.context_only) {
          row.likely_value = st->getColumn(2).getString();
          row.support_a = st->getColumn(3).getInt();
          row.support_b = st->getColumn(4).getInt();
        }
        by_id.push_back(std::move(row));
      }
    }
    {
      // Reviewed since: its status and note are read again.
      StatementLease st = impl_->Prepare("SELECT DISTINCT conflict_id FROM reviews WHERE id > ?1");
      st->bind(1, marks.review_upto);
      while (st->executeStep()) {
        ChangedRow row;
        row.id = st->getColumn(0).getString();
        by_id.push_back(std::move(row));
      }
    }
    // One entry per id; a review wins over a context (it is read in full).
    std::sort(by_id.begin(), by_id.end(), [](const ChangedRow& x, const ChangedRow& y) {
      return x.id != y.id ? x.id < y.id : x.context_only < y.context_only;
    });
    by_id.erase(std::unique(by_id.begin(), by_id.end(),
                            [](const ChangedRow& x, const ChangedRow& y) { return x.id == y.id; }),
                by_id.end());
    for (const ChangedRow& row : by_id) out.dropped_ids.Add(row.id);
    out.dropped_ids.Seal();
    // The active conflicts in report order, from the index on that order alone
    // (conflicts_report_order: `+` keeps SQLite from taking conflicts_active_id and
    // reading every row to sort it): the changed ones' places, and the count.
    static const std::string kSql = std::string("SELECT c.id, ") + kSeverityRank +
                                    ", c.metric, c.subject FROM conflicts c WHERE +c.active = 1 ORDER BY " +
                                    kSeverityRank + ", c.metric, c.subject, c.id";
    StatementLease st = impl_->Prepare(kSql.c_str());
    while (st->executeStep()) {
      ++out.active;
      const std::string_view id = TextAt(*st, 0);
      if (!out.dropped_ids.Contains(id)) continue;  // not changed (a resolved id is not active)
      auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                                 [](const ChangedRow& row, std::string_view key) { return row.id < key; });
      if (it == by_id.end() || it->id != id) continue;
      ChangedRow row = *it;  // copied: by_id stays sorted for the next lookups
      row.severity = static_cast<Severity>(std::clamp(st->getColumn(1).getInt(), 0, 2));
      row.metric = st->getColumn(2).getString();
      row.subject = st->getColumn(3).getString();
      out.changed.push_back(std::move(row));
    }
    read.commit();
    return std::optional<ChangedSince>(std::move(out));
  });
}

Status Store::ForEachConflictAsStoredById(const std::vector<std::string>& ids,
                                          const std::function<void(Conflict&)>& fn) {
  return Guarded("ForEachConflictAsStoredById", [&]() -> Status {
    static const std::string kSql = SnapshotConflictQuery() + "AND c.id = ?2";
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    StatementLease st = impl_->Prepare(kSql.c_str());
    for (const std::string& id : ids) {
      st->reset();
      st->bind(1, 0);  // active or not
      st->bindNoCopy(2, id);
      if (!st->executeStep()) continue;
      Conflict c = ReadConflict(*st);
      fn(c);
    }
    read.commit();
    return Status::Ok();
  });
}

Result<std::vector<std::pair<std::string, std::string>>> Store::LoadRunChanges(int64_t run_id) {
  return Guarded("LoadRunChanges", [&]() -> Result<std::vector<std::pair<std::string, std::string>>> {
    static const std::string kSql = std::string(
                                        "SELECT conflict_id, change FROM run_conflicts "
                                        "WHERE run_id = CASE WHEN ? > 0 THEN ? ELSE ") +
                                    kLatestCheckRun + " END ORDER BY conflict_id";
    StatementLease st = impl_->Prepare(kSql.c_str());
    st->bind(1, run_id);
    st->bind(2, run_id);
    std::vector<std::pair<std::string, std::string>> out;
    while (st->executeStep()) out.emplace_back(st->getColumn(0).getString(), st->getColumn(1).getString());
    return out;
  });
}

Status Store::AddReview(const std::string& conflict_id, const std::string& status,
                        const std::string& note, const std::string& reviewer,
                        const std::string& at) {
  if (!IsReviewStatus(status)) {
    return Status::InvalidInput("unknown review status '" + status +
                                "' (expected open, confirmed, dismissed or needs_info)");
  }
  return Guarded("AddReview", [&]() -> Status {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    Result<std::string> id = ResolveConflictId(*impl_, conflict_id);
    if (!id.ok()) return id.status();
    InsertReview(*impl_, {*id, status, CurrentStatus(*impl_, *id), note, reviewer, at});
    transaction.commit();
    return Status::Ok();
  });
}

Result<std::vector<Store::ReviewRecord>> Store::LoadReviews(const std::string& conflict_id) {
  return Guarded("LoadReviews", [&]() -> Result<std::vector<ReviewRecord>> {
    std::string id;
    if (!conflict_id.empty()) {
      Result<std::string> resolved = ResolveConflictId(*impl_, conflict_id);
      if (!resolved.ok()) return resolved.status();
      id = *resolved;
    }
    StatementLease st = impl_->Prepare(
        "SELECT conflict_id, status, previous_status, note, reviewer, created_at FROM reviews "
        "WHERE ? = '' OR conflict_id = ? ORDER BY id");
    st->bind(1, id);
    st->bind(2, id);
    std::vector<ReviewRecord> reviews;
    while (st->executeStep()) {
      reviews.push_back({st->getColumn(0).getString(), st->getColumn(1).getString(),
                         st->getColumn(2).getString(), st->getColumn(3).getString(),
                         st->getColumn(4).getString(), st->getColumn(5).getString()});
    }
    return reviews;
  });
}

}  // namespace claimcheck
