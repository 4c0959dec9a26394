// What the pipeline tests over a small feed share: WriteFeed (one article per
// figure, each from its own outlet and in its own words, so none is a copy of
// another), WriteArticles (the same over places of one's choice) and FeedStoreTest (a scratch folder with the feed's path and a
// database opened in it, removed afterwards).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

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

// Articles (place, dead) in their own words, each from its own outlet, dated a day
// apart in order.
inline void WriteArticles(const std::filesystem::path& path, const std::vector<std::pair<std::string, int>>& items) {
  static const char* kWordings[] = {
      "Officials said about %d people were killed in %s when the storm hit the coast.",
      "The storm left %d people dead in %s, the provincial committee reported on Monday.",
      "Rescue teams in %s said %d people were killed after floods swept through three districts.",
      "At least %d people died in %s as rivers burst their banks overnight, police said.",
      "Landslides buried a village road in %s and killed %d people, according to the army.",
      "Hospitals in %s confirmed %d people dead by the evening, while roads stayed cut off by water.",
  };
  std::ofstream out(path);
  for (size_t i = 0; i < items.size(); ++i) {
    char text[256];
    const char* w = kWordings[i % 6];
    if (i % 6 == 2 || i % 6 == 4 || i % 6 == 5) {
      std::snprintf(text, sizeof text, w, items[i].first.c_str(), items[i].second);
    } else {
      std::snprintf(text, sizeof text, w, items[i].second, items[i].first.c_str());
    }
    out << "{\"url\": \"https://example.test/p/" << i << "\", \"outlet\": \"outlet" << i
        << ".test\", \"published\": \"2025-03-0" << (1 + i) << "\", \"language\": \"en\", \"text\": \""
        << text << "\"}\n";
  }
}

class FeedStoreTest : public ::testing::Test {
 protected:
  // `name`: the scratch folder's prefix (one per test binary and suite).
  explicit FeedStoreTest(std::string name) : name_(std::move(name)) {}

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / (name_ + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    feed_ = dir_ / "feed.jsonl";
    db_ = (dir_ / "db.sqlite").string();
    auto opened = Store::Open(db_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened.value());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A side connection waits for locks as claimcheck's own do (a save leaves a
  // checkpoint running on a thread of its own for a moment).
  static constexpr int kSideBusyMs = 5000;

  // The rows of `sql` on a connection of its own: columns joined by '|', a line each.
  std::string Query(const std::string& sql) {
    SQLite::Database db(db_, SQLite::OPEN_READONLY, kSideBusyMs);
    SQLite::Statement st(db, sql);
    std::string out;
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) {
        if (i > 0) out += '|';
        out += st.getColumn(i).getString();
      }
      out += "\n";
    }
    return out;
  }
  void Exec(const std::string& sql) {
    SQLite::Database db(db_, SQLite::OPEN_READWRITE, kSideBusyMs);
    db.exec(sql);
  }

  std::string name_;
  std::filesystem::path dir_, feed_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

}  // namespace claimcheck
