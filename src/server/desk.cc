#include "server/desk.h"

#include <algorithm>
#include <set>

#include "report/report_model.h"
#include "server/form.h"
#include "server/pages.h"

namespace claimcheck {
namespace {

constexpr size_t kMaxNote = 4000;
constexpr size_t kMaxReviewer = 100;

HttpResponse Page(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse Error(int status, const std::string& message) { return Page(status, RenderErrorPage(status, message)); }

// Conflict ids are hex fingerprints; anything else in the path is not ours.
bool IsConflictId(const std::string& id) {
  return id.size() >= 6 && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char ch) {
           return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
         });
}

std::string Get(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

Result<std::set<std::string>> NewIds(Store* store) {
  Result<std::vector<std::pair<std::string, std::string>>> changes = store->LoadRunChanges(0);
  if (!changes.ok()) return changes.status();
  std::set<std::string> ids;
  for (const auto& [id, change] : *changes) {
    if (change == "new") ids.insert(id);
  }
  return ids;
}

std::string Lower(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

// True unless the browser says the POST comes from a page of another site:
// Origin (or Referer when there is no Origin) must be http://<Host>[/...].
// Browsers send Origin "null" for sandboxed or opaque origins: refused.
bool FromThisSite(const HttpRequest& request) {
  const std::string source = Lower(!request.origin.empty() ? request.origin : request.referer);
  if (source.empty()) return true;
  const std::string scheme = "http://";
  if (source.rfind(scheme, 0) != 0 || request.host.empty()) return false;
  const std::string authority = source.substr(scheme.size(), source.find('/', scheme.size()) - scheme.size());
  return authority == Lower(request.host);
}

// "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "::1", lower-cased.
std::string HostName(const std::string& host_header) {
  std::string host = Lower(host_header);
  if (!host.empty() && host[0] == '[') {
    size_t close = host.find(']');
    return close == std::string::npos ? host : host.substr(1, close - 1);
  }
  return host.substr(0, host.find(':'));
}

bool HostAllowed(const std::vector<std::string>& allowed, const std::string& host_header) {
  if (allowed.empty()) return true;
  const std::string name = HostName(host_header);
  return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

Desk::Desk(Store* store, Options options) : store_(store), options_(std::move(options)) {}

HttpResponse Desk::Handle(const HttpRequest& request) {
  std::lock_guard<std::mutex> lock(mu_);
  HttpResponse response;
  const std::string session_id = CookieValue(request.cookie, kSessionCookie);
  const std::string& path = request.path;
  const std::string prefix = "/conflict/";
  if (!HostAllowed(options_.allowed_hosts, request.host)) {
    response = Error(403, "This page answers only to the address it was started on.");
  } else if (request.method == "POST") {
    const std::string suffix = "/review";
    if (path.size() > prefix.size() + suffix.size() && path.rfind(prefix, 0) == 0 &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        IsConflictId(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()))) {
      const std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
      const std::string token = Get(ParseForm(request.body), "csrf");
      if (!FromThisSite(request)) {
        response = Error(403, "This form was sent from another site. Open the review page itself and try again.");
      } else if (!sessions_.Check(session_id, token)) {
        response = Error(403, "This form has expired or did not come from this page. Reload the page and try again.");
      } else {
        response = Review(id, request);
      }
    } else {
      response = Error(404, "No such page.");
    }
  } else if (request.method == "GET" || request.method == "HEAD") {
    SessionTokens::Session session = sessions_.Get(session_id);
    if (session.id != session_id) {
      response.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + session.id +
                                                      "; Path=/; HttpOnly; SameSite=Strict");
    }
    HttpResponse page;
    if (path == "/") {
      page = List(request);
    } else if (path == "/app.js") {
      page.content_type = "text/javascript; charset=utf-8";
      page.body = std::string(PageScript());
    } else if (path.rfind(prefix, 0) == 0 && IsConflictId(path.substr(prefix.size()))) {
      page = Detail(path.substr(prefix.size()), session.token,
                    Get(request.query, "saved") == "1" ? "Saved." : "");
    } else {
      page = Error(404, "No such page.");
    }
    page.headers.insert(page.headers.begin(), response.headers.begin(), response.headers.end());
    response = std::move(page);
  } else {
    response = Error(405, "Method not allowed.");
  }
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
  // on the page's own form POSTs, which FromThisSite has to refuse.
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse Desk::List(const HttpRequest& request) {
  Result<std::vector<Conflict>> all = store_->LoadConflicts(/*active_only=*/true);
  if (!all.ok()) return Error(500, all.status().ToString());
  Result<std::set<std::string>> new_ids = NewIds(store_);
  if (!new_ids.ok()) return Error(500, new_ids.status().ToString());
  SortConflictsForReport(&all.value());
  ListPage page;
  page.filter.status = Get(request.query, "status");
  page.filter.severity = Get(request.query, "severity");
  page.filter.metric = Get(request.query, "metric");
  page.filter.subject = Get(request.query, "subject");
  page.filter.outlet = Get(request.query, "outlet");
  page.filter.only_new = Get(request.query, "new") == "1";
  page.total = all->size();
  page.new_ids = std::move(new_ids.value());
  std::set<std::string> metrics, subjects;
  for (const Conflict& c : *all) {
    metrics.insert(c.metric);
    subjects.insert(c.subject);
  }
  page.metrics.assign(metrics.begin(), metrics.end());
  page.subjects.assign(subjects.begin(), subjects.end());
  page.rows = FilterConflicts(*all, page.filter, page.new_ids);
  return Page(200, RenderListPage(page));
}

HttpResponse Desk::Detail(const std::string& id, const std::string& token, const std::string& message) {
  Result<std::vector<Conflict>> all = store_->LoadConflicts(/*active_only=*/false);
  if (!all.ok()) return Error(500, all.status().ToString());
  auto it = std::find_if(all->begin(), all->end(), [&](const Conflict& c) { return c.id == id; });
  if (it == all->end()) return Error(404, "No conflict with id " + id + ".");
  Result<std::vector<Conflict>> active = store_->LoadConflicts(/*active_only=*/true);
  if (!active.ok()) return Error(500, active.status().ToString());
  Result<std::set<std::string>> new_ids = NewIds(store_);
  if (!new_ids.ok()) return Error(500, new_ids.status().ToString());
  Result<std::vector<Store::ReviewRecord>> reviews = store_->LoadReviews(id);
  if (!reviews.ok()) return Error(500, reviews.status().ToString());
  DetailPage page;
  page.conflict = *it;
  page.active = std::any_of(active->begin(), active->end(), [&](const Conflict& c) { return c.id == id; });
  page.is_new = new_ids->count(id) > 0;
  page.reviews = std::move(reviews.value());
  page.csrf_token = token;
  page.reviewer = options_.default_reviewer;
  page.message = message;
  if (page.conflict.a.claim.id != 0 || page.conflict.b.claim.id != 0) {
    Result<std::vector<Document>> docs = store_->LoadDocuments(/*with_text=*/true);
    if (!docs.ok()) return Error(500, docs.status().ToString());
    for (const Document& d : *docs) {
      if (d.file == page.conflict.a.claim.file) page.text_a = d.text;
      if (d.file == page.conflict.b.claim.file) page.text_b = d.text;
    }
  }
  return Page(200, RenderDetailPage(page));
}

HttpResponse Desk::Review(const std::string& id, const HttpRequest& request) {
  std::map<std::string, std::string> form = ParseForm(request.body);
  std::string status = Get(form, "status");
  std::string note = Get(form, "note");
  std::string by = Get(form, "by");
  if (note.size() > kMaxNote || by.size() > kMaxReviewer) return Error(400, "The note or the name is too long.");
  if (by.empty()) by = options_.default_reviewer;
  Status st = store_->AddReview(id, status, note, by, options_.clock());
  if (st.code() == Status::Code::kNotFound) return Error(404, st.message());
  if (st.code() == Status::Code::kInvalidInput) return Error(400, st.message());
  if (!st.ok()) return Error(500, st.ToString());
  HttpResponse r = Page(303, "");
  r.headers.emplace_back("Location", "/conflict/" + id + "?saved=1");
  return r;
}

}  // namespace claimcheck
