// Sessions and CSRF tokens for the review page. Each browser gets a session
// id in an HttpOnly, SameSite=Strict cookie; the session's token (random, 128
// bits, never in the cookie) goes into every form, and every POST must carry
// the token of the session its cookie names. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace claimcheck {

// 32 hex digits from std::random_device (the kernel's random source).
std::string RandomToken();

// Compares in time independent of where the strings differ.
bool TokensEqual(std::string_view a, std::string_view b);

class SessionTokens {
 public:
  struct Session {
    std::string id, token;
  };
  // The session named by `session_id` if known, else a new one (a fresh id
  // and token). At most kMaxSessions are kept; the oldest go first.
  Session Get(const std::string& session_id);
  // True when `session_id` is known and `token` is its token.
  bool Check(const std::string& session_id, const std::string& token) const;

  static constexpr size_t kMaxSessions = 1000;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> tokens_;     // session id -> token
  std::map<unsigned long, std::string> order_;    // creation order -> session id
  unsigned long next_ = 0;
};

}  // namespace claimcheck
