// Form and header parsing for the review page: url-encoded bodies and query
// strings, cookies. Pure functions on strings; no socket, no httplib.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace claimcheck {

// Decodes %XX escapes and '+' (as a space). A malformed escape is kept as is.
std::string UrlDecode(std::string_view s);
// Percent-encodes everything but A-Z a-z 0-9 - _ . ~ (for links and redirects).
std::string UrlEncode(std::string_view s);

// Parses an application/x-www-form-urlencoded body (or a query string without
// the '?'): "a=1&b=x+y" -> {a: "1", b: "x y"}. The first of repeated names
// wins; a name without '=' maps to "".
std::map<std::string, std::string> ParseForm(std::string_view body);

// The value of cookie `name` in a Cookie header ("a=1; b=2"), "" when absent.
std::string CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace claimcheck
