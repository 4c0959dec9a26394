// What the pipeline tests over a small feed share: WriteFeed (one article per
// figure, each from its own outlet and in its own words, so none is a copy of
// another) and FeedStoreTest (a scratch folder with the feed's path and a
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

  // The rows of `sql` on a connection of its own: columns joined by '|', a line each.
  std::string Query(const std::string& sql) {
    SQLite::Database db(db_);
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
    SQLite::Database db(db_, SQLite::OPEN_READWRITE);
    db.exec(sql);
  }

  std::string name_;
  std::filesystem::path dir_, feed_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

}  // namespace claimcheck
