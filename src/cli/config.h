// Config: everything a command needs to know, parsed from the command line
// (flags.h). Each field documents its default. No globals: commands take a Config.
#pragma once

#include <string>
#include <vector>

namespace claimcheck {

struct Config {
  std::string command;               // "run", "ingest", "check", "report", "export", "review", ...
  std::vector<std::string> args;     // positional arguments after the command
  std::string db_path = "claims.db"; // --db
  std::string out_dir;               // --out; "" = reports/YYYY-MM-DD beside the database's folder
  std::string rules_dir;             // --rules; "" = $CLAIMCHECK_RULES, else the repository's rules/
  std::string output_file;           // -o / --output; "" = standard output (export)
  std::string format = "csv";        // --format csv | json | jsonl (export)
  bool excel = false;                // --excel: a UTF-8 BOM for spreadsheets (export, report CSV)
  bool quiet = false;                // --quiet: only errors on stderr, nothing on stdout
  std::string status;                // --status (review)
  std::string note;                  // --note (review)
  std::string reviewer;              // --by (review); "" = $USER
  std::string now;                   // the clock: $CLAIMCHECK_NOW, else the system time (ISO 8601, UTC)
  bool help = false;                 // --help / -h
  bool jsonl = false;                // --jsonl (extract): JSON Lines on stdin and stdout
  // review --list filters ("" = any); --status doubles as the status filter.
  bool list = false;                 // --list (review): list conflicts instead of one
  std::string severity;              // --severity conflict | divergence | info
  std::string metric;                // --metric
  std::string subject;               // --subject
  std::string outlet;                // --outlet (case-insensitive, part of either side's outlet)
  bool only_new = false;             // --new: only conflicts new in the latest run
  // serve
  std::string host = "127.0.0.1";    // --host (serve); loopback unless asked otherwise
  std::string port = "8080";         // --port (serve); 0 = any free port
};

}  // namespace claimcheck
