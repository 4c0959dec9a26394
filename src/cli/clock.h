// The wall clock for records written after startup (a run's finished_at, a
// review made on the page): $CLAIMCHECK_NOW when set (tests pin time with
// it), else the system time. ISO 8601 UTC, e.g. "2026-11-25T02:00:00Z".
#pragma once

#include <string>

namespace claimcheck {

std::string ClockNow();

}  // namespace claimcheck
