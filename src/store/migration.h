// Migration: one numbered db/migrations/NNNN_<what>.sql file, embedded into
// the binary at build time (see embed_migrations.cmake). Internal to the store.
#pragma once

#include <string_view>
#include <vector>

namespace claimcheck {

struct Migration {
  int version;            // NNNN of the file name; versions run 1, 2, 3, ... without gaps
  std::string_view name;  // the file name, e.g. "0001_initial.sql"
  std::string_view sql;   // the whole file; may hold several statements
};

// The migrations compiled into this binary, in version order. Defined in the
// generated embedded_migrations.cc.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace claimcheck
