#include "cli/clock.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace claimcheck {

std::string ClockNow() {
  if (const char* now = std::getenv("CLAIMCHECK_NOW"); now && *now) return now;
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace claimcheck
