#include "cli/command_util.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"

namespace claimcheck {

namespace fs = std::filesystem;

void PrintDiagnostics(const DiagnosticSink& sink) {
  for (const Diagnostic& d : sink.items()) std::cerr << d.ToString() << "\n";
}

int Fail(const Status& status) {
  std::cerr << "claimcheck: " << status.ToString() << "\n";
  return kExitError;
}

Result<std::unique_ptr<Store>> OpenStore(const Config& c) { return Store::Open(c.db_path); }

Result<std::unique_ptr<Store>> OpenStoreForRun(const Config& c) {
  return Store::Open(c.db_path, Store::Access::kExclusive);
}

std::string OutputDir(const Config& c) {
  if (!c.out_dir.empty()) return c.out_dir;
  // Beside the database (README.md, config.h), so a cron job's reports land
  // next to its data whatever the working directory.
  return (fs::path(c.db_path).parent_path() / "reports" / c.now.substr(0, 10)).string();
}

void UpdateLatestLink(const Config& c, const std::string& out_dir) {
  if (!c.out_dir.empty()) return;
  std::error_code ec;
  fs::path link = fs::path(out_dir).parent_path() / "latest";
  fs::remove(link, ec);
  fs::create_directory_symlink(fs::path(out_dir).filename(), link, ec);
}

Status WriteOutput(const Config& c, const std::string& text) {
  if (c.output_file.empty() || c.output_file == "-") {
    std::cout << text;
    return Status::Ok();
  }
  std::ofstream out(c.output_file, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::IoError("cannot write " + c.output_file);
  return Status::Ok();
}

Result<Knowledge> LoadRules(const Config& c) {
  DiagnosticSink sink;
  Result<Knowledge> k = LoadKnowledge(c.rules_dir, &sink);
  PrintDiagnostics(sink);
  return k;
}

}  // namespace claimcheck
