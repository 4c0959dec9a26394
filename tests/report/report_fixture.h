// Hand-written report inputs shared by the report tests: two Vietnamese flood
// articles that disagree on a death toll and a missing count, and two treaty
// articles (one English) that date a signing at different precision. The
// sentences are written for these tests, not taken from any article.
#pragma once

#include <string>

#include "model/claim.h"
#include "model/conflict.h"
#include "report/report_model.h"

namespace claimcheck {

// Documents, claim counts and three conflicts (given out of report order: info,
// conflict, divergence) plus a run summary marking the conflict as new.
ReportInput MakeFixtureInput();

// The claims behind MakeFixtureInput's counts and conflicts (for the exports).
std::vector<Claim> MakeFixtureClaims();

// A count claim with the evidence fields filled in.
Claim MakeCountClaim(const std::string& file, const std::string& metric,
                     const std::string& subject, double value, Qualifier qualifier,
                     const std::string& quote, const std::string& sentence);

// A conflict between two claims with outlets/dates left empty.
Conflict MakeConflict(const std::string& id, Severity severity, const std::string& metric,
                      const std::string& subject, const Claim& a, const Claim& b);

// Reads tests/golden/report/<name> and compares it with `actual` byte for byte.
// To regenerate after an intended change, run the test with
// CLAIMCHECK_UPDATE_GOLDEN=1 in the environment: the golden file is rewritten
// (and the check passes); review the diff before committing it.
// Returns an empty string on success, otherwise a message for the failure.
std::string CompareWithGolden(const std::string& name, const std::string& actual);

}  // namespace claimcheck
