#include "cli/flags.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>

namespace claimcheck {
namespace {

std::string UtcNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("CLAIMCHECK_RULES"); env && *env) return env;
#ifdef CLAIMCHECK_DEFAULT_RULES_DIR
  std::error_code ec;
  if (std::filesystem::is_directory(CLAIMCHECK_DEFAULT_RULES_DIR, ec)) return CLAIMCHECK_DEFAULT_RULES_DIR;
#endif
  return "rules";
}

Result<Config> ParseFlags(int argc, const char* const* argv) {
  Config config;
  // Flags that take a value, and where it goes.
  std::map<std::string, std::string Config::*> valued = {
      {"--db", &Config::db_path},       {"--out", &Config::out_dir},     {"--rules", &Config::rules_dir},
      {"-o", &Config::output_file},     {"--output", &Config::output_file}, {"--format", &Config::format},
      {"--status", &Config::status},    {"--note", &Config::note},       {"--by", &Config::reviewer},
      {"--severity", &Config::severity}, {"--metric", &Config::metric},  {"--subject", &Config::subject},
      {"--outlet", &Config::outlet},    {"--host", &Config::host},       {"--port", &Config::port},
  };
  std::map<std::string, bool Config::*> switches = {
      {"--excel", &Config::excel}, {"--quiet", &Config::quiet}, {"-q", &Config::quiet},
      {"--help", &Config::help},   {"-h", &Config::help},
      {"--list", &Config::list},   {"--new", &Config::only_new},
      {"--jsonl", &Config::jsonl},
  };
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_inline_value = false;
    if (arg.size() > 2 && arg.rfind("--", 0) == 0) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline_value = true;
      }
    }
    if (auto it = valued.find(arg); it != valued.end()) {
      if (!has_inline_value) {
        if (i + 1 >= argc) return Status::InvalidInput("flag " + arg + " needs a value");
        value = argv[++i];
      }
      config.*(it->second) = value;
    } else if (auto sw = switches.find(arg); sw != switches.end()) {
      config.*(sw->second) = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return Status::InvalidInput("unknown flag " + arg);
    } else if (config.command.empty()) {
      config.command = arg;
    } else {
      config.args.push_back(arg);
    }
  }
  if (config.rules_dir.empty()) config.rules_dir = DefaultRulesDir();
  if (const char* now = std::getenv("CLAIMCHECK_NOW"); now && *now) {
    config.now = now;
  } else {
    config.now = UtcNow();
  }
  if (config.reviewer.empty()) {
    const char* user = std::getenv("USER");
    config.reviewer = user && *user ? user : "editor";
  }
  return config;
}

}  // namespace claimcheck
