#include "cli/commands.h"

namespace claimcheck {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"run", "claimcheck run INPUT... [--db DB] [--out DIR] [--rules DIR] [--excel] [--quiet]",
       "ingest, extract, check and report in one go (the nightly job)", RunCommand},
      {"ingest", "claimcheck ingest INPUT... [--db DB] [--rules DIR]",
       "read inputs, extract their claims and store them (no check, no report)", IngestCommand},
      {"check", "claimcheck check [--db DB] [--rules DIR]", "re-check every stored claim with the rules",
       CheckCommand},
      {"report", "claimcheck report [--db DB] [--out DIR] [--excel]", "write report.html, report.md and "
       "discrepancies.csv from the database", ReportCommand},
      {"export", "claimcheck export claims|conflicts [--db DB] [--format csv|json|jsonl] [-o FILE] [--excel]",
       "export stored claims or active conflicts", ExportCommand},
      {"review", "claimcheck review CONFLICT_ID --status open|confirmed|dismissed|needs_info [--note TEXT] [--by NAME] [--db DB]\n"
                 "       claimcheck review CONFLICT_ID [--db DB]   (the conflict and its review log)\n"
                 "       claimcheck review --list [--status S] [--severity S] [--metric M] [--subject S] [--outlet O] [--new] [--db DB]",
       "list conflicts, show one with its review log, or record an editor's decision", ReviewCommand},
      {"rules", "claimcheck rules lint [--rules DIR]", "validate the rule files and report file:line errors",
       RulesCommand},
      {"history", "claimcheck history [--db DB]", "list past runs", HistoryCommand},
      {"serve", "claimcheck serve [--db DB] [--port 8080] [--host 127.0.0.1] [--by NAME]",
       "the editors' review page on a local port (list, filters, detail, decisions)", ServeCommand},
      {"extract", "claimcheck extract --jsonl [--rules DIR] < documents.jsonl > claims.jsonl",
       "stream filter: documents in, claims out (JSON Lines; no database)", ExtractCommand},
      {"ingest-claims", "claimcheck ingest-claims FILE... [--db DB]",
       "load `extract --jsonl` output into the database (then check, report)", IngestClaimsCommand},
  };
  return kCommands;
}

std::string GeneralHelp() {
  std::string out =
      "claimcheck: finds where news sources disagree on quantified claims\n\nusage: claimcheck COMMAND [ARGS]\n\n"
      "commands:\n";
  for (const Command& cmd : Commands()) out += "  " + std::string(cmd.name) + std::string(std::string(cmd.name).size() < 10 ? 10 - std::string(cmd.name).size() : 1, ' ') + cmd.help + "\n";
  out +=
      "\nclaimcheck COMMAND --help shows a command's usage.\n\n"
      "exit status:\n"
      "  0  success, no new conflicts\n"
      "  1  error: the run could not complete (bad rules, database error)\n"
      "  2  usage error\n"
      "  3  success, new conflicts found\n"
      "  4  some inputs could not be read (the rest were processed)\n";
  return out;
}

}  // namespace claimcheck
