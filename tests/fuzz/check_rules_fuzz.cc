// Fuzzes the check-rule loader (rulebook/check_rules.h) on arbitrary TOML text:
// it either reports diagnostics with a not-ok status or returns rules that print.
#include "fuzz_util.h"
#include "rulebook/check_rules.h"

using namespace claimcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<CheckRule> rules;
  DiagnosticSink sink;
  Status st = ParseCheckRules(std::string(fuzz::AsText(data, size)), "fuzz.toml", &rules, &sink);
  fuzz::Check(st.ok() == (sink.error_count() == 0));
  if (!st.ok()) fuzz::Check(rules.empty());
  for (const Diagnostic& d : sink.items()) (void)d.ToString();
  for (const CheckRule& r : rules) (void)r.ToString();
  return 0;
}
