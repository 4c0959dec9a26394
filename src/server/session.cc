#include "server/session.h"

#include <random>

namespace claimcheck {

std::string RandomToken() {
  static const char kHex[] = "0123456789abcdef";
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    uint32_t word = rd();
    for (int j = 0; j < 8; ++j) {
      out.push_back(kHex[word & 15]);
      word >>= 4;
    }
  }
  return out;
}

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

SessionTokens::Session SessionTokens::Get(const std::string& session_id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = tokens_.find(session_id); !session_id.empty() && it != tokens_.end()) {
    return {it->first, it->second};
  }
  while (tokens_.size() >= kMaxSessions && !order_.empty()) {
    tokens_.erase(order_.begin()->second);
    order_.erase(order_.begin());
  }
  Session s{RandomToken(), RandomToken()};
  tokens_[s.id] = s.token;
  order_[next_++] = s.id;
  return s;
}

bool SessionTokens::Check(const std::string& session_id, const std::string& token) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = tokens_.find(session_id);
  if (session_id.empty() || token.empty() || it == tokens_.end()) return false;
  return TokensEqual(it->second, token);
}

}  // namespace claimcheck
