// Desk: the review page's request handling on plain structs (no socket, no
// httplib), so every route can be tested directly. Routes:
//   GET  /                       the conflict list; query: status, severity,
//                                metric, subject, outlet, new=1
//   GET  /conflict/ID            one conflict (active or resolved)
//   POST /conflict/ID/review     form: csrf, status, note, by -> 303 to the detail
//   GET  /app.js                 the page script
// Anything else is 404 (no file is ever served from disk). A POST from another
// site is 403: its Origin (or, without one, its Referer) must name this server
// (http://<Host>); "null" never does. A POST with neither header (curl, a
// script) is judged by its token alone. A POST whose csrf field is not the
// token of the session named by its cookie is 403. With Options::allowed_hosts,
// any request for another Host name is 403. Every
// response carries a strict Content-Security-Policy and no-sniff headers.
// Handle() is serialised by a mutex, so one Desk (and its Store) may serve
// several threads.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "server/session.h"
#include "store/store.h"

namespace claimcheck {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::map<std::string, std::string> query;  // decoded
  std::string body;    // raw (application/x-www-form-urlencoded for POST)
  std::string cookie;  // the Cookie header, "" when absent
  std::string host;    // the Host header ("127.0.0.1:8080"), "" when absent
  std::string origin;  // the Origin header, "" when absent
  std::string referer; // the Referer header, "" when absent
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Location, ...)

  // The value of header `name` (exact case), "" when absent.
  std::string Header(const std::string& name) const;
};

class Desk {
 public:
  static constexpr char kSessionCookie[] = "claimcheck_session";

  struct Options {
    std::string default_reviewer = "editor";  // the form's default "by"
    std::function<std::string()> clock;       // ISO 8601 UTC "now" for reviews; required
    // When not empty, a request whose Host header (without its port) is not
    // one of these names is refused with 403: a page of another site whose
    // name an attacker re-points at 127.0.0.1 (DNS rebinding) cannot read or
    // post to the desk. `claimcheck serve` on loopback sets the loopback names.
    std::vector<std::string> allowed_hosts;
  };

  // REQUIRES: store outlives the Desk; options.clock is set.
  Desk(Store* store, Options options);

  HttpResponse Handle(const HttpRequest& request);

 private:
  HttpResponse List(const HttpRequest& request);
  HttpResponse Detail(const std::string& id, const std::string& token, const std::string& message);
  HttpResponse Review(const std::string& id, const HttpRequest& request);

  Store* store_;
  Options options_;
  SessionTokens sessions_;
  std::mutex mu_;
};

}  // namespace claimcheck
