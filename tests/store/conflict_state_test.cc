// conflict_state (db/migrations/0012): a conflict's run and trust live in a narrow
// row of their own with a hash of the wide row's content, so a save rewrites a
// conflicts row only when its content changed; and a database from before 0012
// keeps every conflict's trust and last run.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cstdio>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "store/migration.h"
#include "store/migrator.h"
#include "store/store.h"
#include "store_test_util.h"

namespace claimcheck {
namespace {

std::string Query(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY, /*busy_timeout_ms=*/5000);
  SQLite::Statement st(db, sql);
  std::string out;
  while (st.executeStep()) {
    for (int i = 0; i < st.getColumnCount(); ++i) {
      if (i > 0) out += '|';
      out += st.getColumn(i).getString();
    }
    out += '\n';
  }
  return out;
}

void Exec(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE, /*busy_timeout_ms=*/5000);
  db.exec(sql);
}

class ConflictStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(tmp_.path());
    ASSERT_NE(store_, nullptr);
    a_ = MakeDocument("a.txt", "A");
    b_ = MakeDocument("b.txt", "B");
    a_claims_ = {MakeClaim(600, "khoảng 600"), MakeClaim(100, "100 người", 50)};
    b_claims_ = {MakeClaim(2000, "2.000 lính")};
    ASSERT_TRUE(store_->PutDocument(0, a_, a_claims_).ok());
    ASSERT_TRUE(store_->PutDocument(0, b_, b_claims_).ok());
  }
  int64_t NextRun() {
    Result<int64_t> run = store_->BeginRun("2024-07-01T08:00:00Z", "in/");
    EXPECT_TRUE(run.ok());
    return *run;
  }

  TempDbPath tmp_;
  std::unique_ptr<Store> store_;
  Document a_, b_;
  std::vector<Claim> a_claims_, b_claims_;
};

// A conflict found again with the same content keeps its conflicts row as it was
// (an edit behind claimcheck's back survives); its run and trust are written each
// time; a conflict whose content changed is written again.
TEST_F(ConflictStateTest, OnlyChangedRowsAreWrittenAgain) {
  Conflict same = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict edited = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  same.trust_a = 0.5;
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {same, edited}).ok());
  const std::string path = tmp_.path();
  EXPECT_EQ(Query(path, "SELECT count(*) FROM conflict_state WHERE length(content_hash) = 16"), "2\n");
  Exec(path, "UPDATE conflicts SET explanation = 'behind its back'");

  const int64_t second = NextRun();
  same.trust_a = 0.75;
  edited.explanation = "a new explanation";
  Result<Store::ConflictDelta> delta = store_->SaveConflicts(second, {same, edited});
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_EQ(delta->still_open, 2);
  EXPECT_EQ(Query(path, "SELECT id, explanation FROM conflicts ORDER BY id"),
            "c1c1c1c1c1c1c1c1|behind its back\nc2c2c2c2c2c2c2c2|a new explanation\n");
  EXPECT_EQ(Query(path, "SELECT conflict_id, last_run_id, trust_a FROM conflict_state ORDER BY conflict_id"),
            "c1c1c1c1c1c1c1c1|" + std::to_string(second) + "|0.75\nc2c2c2c2c2c2c2c2|" + std::to_string(second) +
                "|0.0\n");
  Result<std::vector<Conflict>> loaded = store_->LoadConflicts(true);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0].trust_a, 0.75);
  EXPECT_EQ(Query(path, "SELECT id, last_run_id FROM open_conflicts ORDER BY id"),
            "c1c1c1c1c1c1c1c1|" + std::to_string(second) + "\nc2c2c2c2c2c2c2c2|" + std::to_string(second) + "\n");
  // Resolved, then back with the same content: written again (active once more).
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {edited}).ok());
  EXPECT_EQ(Query(path, "SELECT active FROM conflicts WHERE id = 'c1c1c1c1c1c1c1c1'"), "0\n");
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {same, edited}).ok());
  EXPECT_EQ(Query(path, "SELECT active, explanation FROM conflicts WHERE id = 'c1c1c1c1c1c1c1c1'"),
            "1|The counts cannot both be right.\n");
}

// Ids that are not 16 lower-case hex digits (a caller's own) and a stored row
// without its state (as saved before migration 0012: no hash) take the text side
// of the writer's id tables: the same delta as any, the row without a hash written
// again, an unchanged one kept as it is.
TEST_F(ConflictStateTest, IdsNotInHexFormAndRowsWithoutStateAreSavedAsAny) {
  Conflict mine = MakeConflict("c1", a_claims_[0], b_claims_[0]);
  Conflict upper = MakeConflict("C2C2C2C2C2C2C2C2", a_claims_[1], b_claims_[0]);
  Conflict hex = MakeConflict("c3c3c3c3c3c3c3c3", a_claims_[0], b_claims_[0]);
  Result<Store::ConflictDelta> first = store_->SaveConflicts(NextRun(), {mine, upper, hex});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->new_count, 3);
  const std::string path = tmp_.path();
  Exec(path, "DELETE FROM conflict_state WHERE conflict_id = 'c3c3c3c3c3c3c3c3'");
  Exec(path, "UPDATE conflicts SET explanation = 'behind its back'");

  Result<Store::ConflictDelta> second = store_->SaveConflicts(NextRun(), {mine, hex, mine});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->new_count, 0);
  EXPECT_EQ(second->still_open, 2);
  EXPECT_EQ(second->resolved_ids, (std::vector<std::string>{"C2C2C2C2C2C2C2C2"}));
  EXPECT_EQ(Query(path, "SELECT id, explanation, active FROM conflicts ORDER BY id"),
            "C2C2C2C2C2C2C2C2|behind its back|0\n"
            "c1|behind its back|1\n"
            "c3c3c3c3c3c3c3c3|The counts cannot both be right.|1\n");
  EXPECT_EQ(Query(path, "SELECT count(*) FROM conflict_state WHERE length(content_hash) = 16"), "3\n");
}

// Every field of the content is in the hash: changing any one rewrites the row.
TEST_F(ConflictStateTest, EveryContentFieldIsHashed) {
  const Conflict base = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {base}).ok());
  const std::string path = tmp_.path();
  std::vector<std::function<void(Conflict&)>> edits = {
      [](Conflict& c) { c.rule_id = "other"; },
      [](Conflict& c) { c.severity = Severity::kDivergence; },
      [](Conflict& c) { c.explanation_vi = "khác"; },
      [](Conflict& c) { c.a.claim.sentence = "Một câu khác."; },
      [](Conflict& c) { c.b.claim.unit = "người"; },
      [](Conflict& c) { c.b.claim.low = 1900; },
      [](Conflict& c) { c.a.claim.attributed_to = "KCNA"; },
      [](Conflict& c) { c.a.url = "https://example.test/a"; },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    Conflict changed = base;
    edits[i](changed);
    Exec(path, "UPDATE conflicts SET explanation = 'marker'");
    ASSERT_TRUE(store_->SaveConflicts(NextRun(), {changed}).ok());
    EXPECT_EQ(Query(path, "SELECT explanation FROM conflicts"), "The counts cannot both be right.\n")
        << "edit " << i << " did not rewrite the row";
    ASSERT_TRUE(store_->SaveConflicts(NextRun(), {base}).ok());
  }
}

// The context (support, likely value, series) lives in conflict_state: a change of
// it alone leaves the wide conflicts row as it is, and the row reads the new value.
TEST_F(ConflictStateTest, ContextChangesWriteOnlyTheStateRow) {
  const Conflict base = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {base}).ok());
  const std::string path = tmp_.path();
  std::vector<std::function<void(Conflict&)>> edits = {
      [](Conflict& c) { c.likely_value = "600"; },
      [](Conflict& c) { c.support_a = 3; },
      [](Conflict& c) { c.support_b = 2; },
      [](Conflict& c) { c.series = "600 -> 2000"; },
  };
  auto shown = [](const Conflict& c) {
    return c.likely_value + "|" + std::to_string(c.support_a) + "|" + std::to_string(c.support_b) + "|" + c.series;
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    Conflict changed = base;
    edits[i](changed);
    Exec(path, "UPDATE conflicts SET explanation = 'marker'");
    ASSERT_TRUE(store_->SaveConflicts(NextRun(), {changed}).ok());
    EXPECT_EQ(Query(path, "SELECT explanation FROM conflicts"), "marker\n") << "edit " << i << " rewrote the row";
    Result<std::vector<Conflict>> loaded = store_->LoadConflicts(true);
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->size(), 1u);
    EXPECT_EQ(shown((*loaded)[0]), shown(changed)) << "edit " << i;
    Exec(path, "UPDATE conflicts SET explanation = 'The counts cannot both be right.'");
    ASSERT_TRUE(store_->SaveConflicts(NextRun(), {base}).ok());
  }
}

// core_run_id is the run that last wrote the conflicts row: a save that writes
// the state row alone (the context moved, or the same content found again) keeps
// it; one that writes the row makes it its run. LoadChangedSince reads a row
// changed since a run at or after it as its context alone.
TEST_F(ConflictStateTest, CoreRunIsTheRunThatWroteTheRow) {
  const std::string path = tmp_.path();
  const Conflict base = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  const int64_t first = NextRun();
  ASSERT_TRUE(store_->SaveConflicts(first, {base}).ok());
  auto runs = [&] { return Query(path, "SELECT last_run_id, core_run_id FROM conflict_state"); };
  EXPECT_EQ(runs(), std::to_string(first) + "|" + std::to_string(first) + "\n");

  Conflict more_support = base;
  more_support.support_a = 5;
  more_support.likely_value = "600";
  const int64_t second = NextRun();
  ASSERT_TRUE(store_->SaveConflicts(second, {more_support}).ok());
  EXPECT_EQ(runs(), std::to_string(second) + "|" + std::to_string(first) + "\n");
  Result<std::optional<Store::ChangedSince>> changes = store_->LoadChangedSince({first, 0});
  ASSERT_TRUE(changes.ok() && changes->has_value());
  ASSERT_EQ((*changes)->changed.size(), 1u);
  const Store::ChangedRow& row = (*changes)->changed[0];
  EXPECT_TRUE(row.context_only);
  EXPECT_EQ(row.likely_value + "|" + std::to_string(row.support_a) + "|" + std::to_string(row.support_b),
            "600|5|" + std::to_string(base.support_b));
  EXPECT_EQ(row.metric + "|" + row.subject, base.metric + "|" + base.subject);

  // A review since: read in full.
  ASSERT_TRUE(store_->AddReview(base.id, "confirmed", "", "lan", "t").ok());
  changes = store_->LoadChangedSince({first, 0});
  ASSERT_TRUE(changes.ok() && changes->has_value());
  ASSERT_EQ((*changes)->changed.size(), 1u);
  EXPECT_FALSE((*changes)->changed[0].context_only);

  Conflict explained = more_support;
  explained.explanation = "Another explanation.";
  const int64_t third = NextRun();
  ASSERT_TRUE(store_->SaveConflicts(third, {explained}).ok());
  EXPECT_EQ(runs(), std::to_string(third) + "|" + std::to_string(third) + "\n");
  const int64_t fourth = NextRun();
  ASSERT_TRUE(store_->SaveConflicts(fourth, {explained}).ok());  // the same content again
  EXPECT_EQ(runs(), std::to_string(fourth) + "|" + std::to_string(third) + "\n");
  changes = store_->LoadChangedSince({second, 1 << 30});
  ASSERT_TRUE(changes.ok() && changes->has_value());
  ASSERT_EQ((*changes)->changed.size(), 1u);
  EXPECT_FALSE((*changes)->changed[0].context_only);  // rewritten after the marks
  changes = store_->LoadChangedSince({third, 1 << 30});
  ASSERT_TRUE(changes.ok() && changes->has_value());
  ASSERT_EQ((*changes)->changed.size(), 1u);
  EXPECT_TRUE((*changes)->changed[0].context_only);
}

// A series is stored once however many rows show it (series_texts, migration
// 0022): the state rows name it, and every row reads its own series back.
TEST_F(ConflictStateTest, ASeriesIsStoredOnceForAllItsRows) {
  const std::string path = tmp_.path();
  Conflict x = MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0]);
  Conflict y = MakeConflict("c2c2c2c2c2c2c2c2", a_claims_[1], b_claims_[0]);
  Conflict none = MakeConflict("c3c3c3c3c3c3c3c3", a_claims_[0], a_claims_[1]);
  x.series = y.series = "120 (2025-03-01) -> 80 (2025-03-02)";
  none.series = "";
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {x, y, none}).ok());
  EXPECT_EQ(Query(path, "SELECT text FROM series_texts"), x.series + "\n");
  EXPECT_EQ(Query(path, "SELECT conflict_id, series IS NULL, series_id IS NULL FROM conflict_state ORDER BY 1"),
            "c1c1c1c1c1c1c1c1|1|0\nc2c2c2c2c2c2c2c2|1|0\nc3c3c3c3c3c3c3c3|0|1\n");
  auto series_of = [&]() {
    Result<std::vector<Conflict>> loaded = store_->LoadConflicts(true);
    EXPECT_TRUE(loaded.ok());
    std::string out;
    for (const Conflict& k : loaded.ok() ? *loaded : std::vector<Conflict>()) out += k.id + "=" + k.series + ";";
    return out;
  };
  EXPECT_EQ(series_of(), "c1c1c1c1c1c1c1c1=" + x.series + ";c2c2c2c2c2c2c2c2=" + x.series + ";c3c3c3c3c3c3c3c3=;");
  y.series += " -> 45 (2025-03-03)";
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {x, y, none}).ok());
  EXPECT_EQ(Query(path, "SELECT count(*) FROM series_texts"), "2\n");
  EXPECT_EQ(series_of(), "c1c1c1c1c1c1c1c1=" + x.series + ";c2c2c2c2c2c2c2c2=" + y.series + ";c3c3c3c3c3c3c3c3=;");
}

// State rows stored before migration 0022 with a series hand their texts over to
// series_texts, one per distinct text, and read them back.
TEST(ConflictStateUpgradeTest, SeriesStoredBefore0022MoveToTheirTable) {
  TempDbPath tmp;
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> up_to(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 21);
    ASSERT_TRUE(Migrate(db, up_to).ok());
    db.exec("INSERT INTO runs(id, started_at) VALUES (1, '2024-07-01T08:00:00Z')");
    const std::pair<const char*, const char*> rows[] = {
        {"c1c1c1c1c1c1c1c1", "'600 -> 2000'"}, {"c2c2c2c2c2c2c2c2", "'600 -> 2000'"},
        {"c3c3c3c3c3c3c3c3", "''"}, {"c4c4c4c4c4c4c4c4", "NULL"}};
    for (const auto& [id, series] : rows) {
      db.exec(std::string("INSERT INTO conflicts(id, rule_id, severity, metric, subject, a_file, a_kind, a_value, "
                          "a_qualifier, a_quote, b_file, b_kind, b_value, b_qualifier, b_quote, first_run_id, "
                          "series) VALUES ('") + id + "', 'count_agreement', 'conflict', 'killed', 'x', 'a.txt', "
              "'count', 600, 'approx', 'khoảng 600', 'b.txt', 'count', 2000, 'exact', '2.000', 1, 'old')");
      db.exec(std::string("INSERT INTO conflict_state(conflict_id, content_hash, last_run_id, series) VALUES ('") +
              id + "', 'x', 1, " + series + ")");
    }
  }
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Query(tmp.path(), "SELECT text FROM series_texts"), "600 -> 2000\n");
  Result<std::vector<Conflict>> loaded = store->LoadConflicts(true);
  ASSERT_TRUE(loaded.ok());
  std::string out;
  for (const Conflict& k : *loaded) out += k.id.substr(0, 2) + "=" + k.series + ";";
  EXPECT_EQ(out, "c1=600 -> 2000;c2=600 -> 2000;c3=;c4=old;");  // c4: stored before 0018
}

// A save of more conflicts than the writer keeps back (65,536 state rows) writes
// them in several sweeps: every state row is written once, with its own values,
// in the first save and in one that moves the support of some.
TEST_F(ConflictStateTest, ManyStateRowsAreWrittenInSweeps) {
  const std::string path = tmp_.path();
  constexpr int kRows = 70000;
  std::vector<Conflict> conflicts;
  conflicts.reserve(kRows);
  for (int i = 0; i < kRows; ++i) {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", (i * 2654435761u) ^ 0x5bd1e995u);  // not in id order
    Conflict c = MakeConflict(id, a_claims_[0], b_claims_[0]);
    c.support_a = i % 7;
    c.support_b = i;
    c.series = i % 2 ? "600 -> 2000" : "";
    conflicts.push_back(std::move(c));
  }
  auto check = [&](const std::string& what) {
    EXPECT_EQ(Query(path, "SELECT count(*), count(DISTINCT support_b), sum(support_a), count(series_id) "
                          "FROM conflict_state"),
              std::to_string(kRows) + "|" + std::to_string(kRows) + "|" +
                  std::to_string([&] {
                    int64_t sum = 0;
                    for (const Conflict& c : conflicts) sum += c.support_a;
                    return sum;
                  }()) +
                  "|" + std::to_string(kRows / 2) + "\n")
        << what;
    Result<std::vector<Conflict>> loaded = store_->LoadConflictsById({conflicts[7].id, conflicts[kRows - 1].id});
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->size(), 2u);
    for (const Conflict& k : *loaded) {
      const Conflict& want = k.id == conflicts[7].id ? conflicts[7] : conflicts[kRows - 1];
      EXPECT_EQ(std::to_string(k.support_a) + "|" + std::to_string(k.support_b) + "|" + k.series,
                std::to_string(want.support_a) + "|" + std::to_string(want.support_b) + "|" + want.series)
          << what;
    }
  };
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), conflicts).ok());
  check("first save");
  for (int i = 0; i < kRows; i += 3) conflicts[static_cast<size_t>(i)].support_a += 10;
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), conflicts).ok());
  check("support moved");
}

// A save commits without SQLite's own checkpoint (a background one copies the log
// meanwhile), and the writes after it are checkpointed as before: the log does not
// grow with everything written after a save.
TEST_F(ConflictStateTest, WritesAfterASaveAreCheckpointedAgain) {
  const std::string path = tmp_.path();
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {MakeConflict("c1c1c1c1c1c1c1c1", a_claims_[0], b_claims_[0])}).ok());
  EXPECT_EQ(Query(path, "SELECT count(*) FROM conflict_state"), "1\n");  // seen from another connection
  const std::string text(512 * 1024, 'x');
  for (int i = 0; i < 64; ++i) {  // 32 MB, a transaction each; SQLite checkpoints past 1000 pages (16 MB)
    Document doc = MakeDocument("big" + std::to_string(i) + ".txt", text);
    std::vector<Claim> none;
    ASSERT_TRUE(store_->PutDocument(0, doc, none).ok());
  }
  EXPECT_LT(std::filesystem::file_size(path + "-wal"), 24u << 20);
}

// The stored row hashes are read by walking the active ids and the state rows side
// by side: each active conflict gets its own state row's hashes, whatever inactive
// conflicts' rows lie between, and one without a state row none.
TEST_F(ConflictStateTest, ActiveRowHashesPairEachIdWithItsOwnState) {
  const std::string path = tmp_.path();
  std::vector<Conflict> all;
  for (int i = 1; i <= 6; ++i) {
    Conflict c = MakeConflict(std::string(16, static_cast<char>('0' + i)), a_claims_[0], b_claims_[0]);
    c.core_hash = static_cast<uint64_t>(i);
    c.inputs_hash = static_cast<uint64_t>(10 + i);
    all.push_back(c);
  }
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), all).ok());
  ASSERT_TRUE(store_->SaveConflicts(NextRun(), {all[0], all[2], all[3], all[5]}).ok());  // 2 and 5 resolved
  Exec(path, "DELETE FROM conflict_state WHERE conflict_id = '" + all[3].id + "'");     // 4: as before 0012
  Result<StoredRowHashes> hashes = store_->LoadActiveRowHashes();
  ASSERT_TRUE(hashes.ok());
  std::string held;
  for (const Conflict& c : all) {
    const StoredRowHashes::Entry* e = hashes->Find(ParseHex64(c.id).value());
    held += c.id.substr(0, 1) + "=" + (e ? std::to_string(e->core) + "/" + std::to_string(e->inputs) : "-") + " ";
  }
  EXPECT_EQ(held, "1=1/11 2=- 3=3/13 4=- 5=- 6=6/16 ");
  EXPECT_EQ(hashes->size(), 3u);
}

// A state row stored before migration 0021 takes the run that last wrote it as the
// run of its conflicts row (the row is never written without its state row).
TEST(ConflictStateUpgradeTest, CoreRunStoredBefore0021IsTheLastRun) {
  TempDbPath tmp;
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> up_to(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 20);
    ASSERT_TRUE(Migrate(db, up_to).ok());
    db.exec("INSERT INTO runs(id, started_at) VALUES (1, '2024-07-01T08:00:00Z'), (2, '2024-07-02T08:00:00Z')");
    for (const char* id : {"c1c1c1c1c1c1c1c1", "c2c2c2c2c2c2c2c2"}) {
      db.exec(std::string("INSERT INTO conflicts(id, rule_id, severity, metric, subject, a_file, a_kind, a_value, "
                          "a_qualifier, a_quote, b_file, b_kind, b_value, b_qualifier, b_quote, first_run_id) "
                          "VALUES ('") + id + "', 'count_agreement', 'conflict', 'killed', 'x', 'a.txt', 'count', "
              "600, 'approx', 'khoảng 600', 'b.txt', 'count', 2000, 'exact', '2.000', 1)");
    }
    db.exec("INSERT INTO conflict_state(conflict_id, content_hash, last_run_id) "
            "VALUES ('c1c1c1c1c1c1c1c1', 'x', 2), ('c2c2c2c2c2c2c2c2', 'x', NULL)");
  }
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Query(tmp.path(), "SELECT conflict_id, core_run_id FROM conflict_state ORDER BY 1"),
            "c1c1c1c1c1c1c1c1|2\nc2c2c2c2c2c2c2c2|\n");
}

// A row stored before migration 0018 keeps its support, likely value and series in
// the conflicts row: read from there until a check writes its state again.
TEST(ConflictStateUpgradeTest, ContextStoredBefore0018IsRead) {
  TempDbPath tmp;
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> up_to(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 17);
    ASSERT_TRUE(Migrate(db, up_to).ok());
    db.exec("INSERT INTO runs(id, started_at) VALUES (1, '2024-07-01T08:00:00Z')");
    db.exec("INSERT INTO conflicts(id, rule_id, severity, metric, subject, a_file, a_kind, a_value, a_qualifier, "
            "a_quote, b_file, b_kind, b_value, b_qualifier, b_quote, first_run_id, likely_value, support_a, "
            "support_b, series) VALUES ('c1c1c1c1c1c1c1c1', 'count_agreement', 'conflict', 'killed', 'x', 'a.txt', "
            "'count', 600, 'approx', 'khoảng 600', 'b.txt', 'count', 2000, 'exact', '2.000', 1, 'about 600', 4, 1, "
            "'600 -> 2000')");
    db.exec("INSERT INTO conflict_state(conflict_id, content_hash, last_run_id, trust_a, trust_b) "
            "VALUES ('c1c1c1c1c1c1c1c1', 'x', 1, 0.5, 0.5)");
  }
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  Result<std::vector<Conflict>> loaded = store->LoadConflicts(true);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].likely_value, "about 600");
  EXPECT_EQ((*loaded)[0].support_a, 4);
  EXPECT_EQ((*loaded)[0].support_b, 1);
  EXPECT_EQ((*loaded)[0].series, "600 -> 2000");
  EXPECT_EQ((*loaded)[0].trust_a, 0.5);
}

// A database at schema 11 (trust and last run in the conflicts row) upgrades with
// both moved to conflict_state, the old columns emptied, the view unchanged in
// what it shows; the first save writes every row once (no hash yet).
TEST(ConflictStateUpgradeTest, TrustAndLastRunMoveOver) {
  TempDbPath tmp;
  {
    SQLite::Database db(tmp.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> up_to(EmbeddedMigrations().begin(), EmbeddedMigrations().begin() + 11);
    ASSERT_TRUE(Migrate(db, up_to).ok());
    db.exec("INSERT INTO runs(id, started_at) VALUES (1, '2024-07-01T08:00:00Z'), (2, '2024-07-02T08:00:00Z')");
    db.exec("INSERT INTO conflicts(id, rule_id, severity, metric, subject, a_file, a_kind, a_value, a_qualifier, "
            "a_quote, b_file, b_kind, b_value, b_qualifier, b_quote, first_run_id, last_run_id, trust_a, trust_b) "
            "VALUES ('c1c1c1c1c1c1c1c1', 'count_agreement', 'conflict', 'killed', 'x', 'a.txt', 'count', 600, "
            "'approx', 'khoảng 600', 'b.txt', 'count', 2000, 'exact', '2.000', 1, 2, 0.625, 0.25)");
  }
  std::unique_ptr<Store> store = OpenOrDie(tmp.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Query(tmp.path(), "SELECT conflict_id, content_hash, last_run_id, trust_a, trust_b FROM conflict_state"),
            "c1c1c1c1c1c1c1c1||2|0.625|0.25\n");
  EXPECT_EQ(Query(tmp.path(), "SELECT last_run_id IS NULL, trust_a, trust_b FROM conflicts"), "1|0.0|0.0\n");
  EXPECT_EQ(Query(tmp.path(), "SELECT id, first_run_id, last_run_id FROM open_conflicts"), "c1c1c1c1c1c1c1c1|1|2\n");
  Result<std::vector<Conflict>> loaded = store->LoadConflicts(true);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].trust_a, 0.625);
  EXPECT_EQ((*loaded)[0].trust_b, 0.25);
}

}  // namespace
}  // namespace claimcheck
