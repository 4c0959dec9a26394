// Desk routes without a socket: the list and its filters, the detail page,
// reviews through POST with the session's token, 403 without it, 404 for
// anything that is not one of the page's own routes.
#include "server/desk.h"

#include <gtest/gtest.h>

#include "server/form.h"
#include "server_fixture.h"

namespace claimcheck {
namespace {

class DeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixture_ = MakeDeskFixture();
    Desk::Options options;
    options.default_reviewer = "lan";
    options.clock = [] { return std::string("2025-06-14T09:30:00Z"); };
    desk_ = std::make_unique<Desk>(fixture_.store.get(), options);
  }

  HttpResponse Get(const std::string& path, std::map<std::string, std::string> query = {}) {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    r.cookie = cookie_;
    HttpResponse response = desk_->Handle(r);
    std::string set = response.Header("Set-Cookie");
    if (!set.empty()) cookie_ = set.substr(0, set.find(';'));
    return response;
  }

  HttpResponse Post(const std::string& path, const std::string& body, const std::string& origin = "",
                    const std::string& referer = "") {
    HttpRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.cookie = cookie_;
    r.host = "127.0.0.1:8080";
    r.origin = origin;
    r.referer = referer;
    return desk_->Handle(r);
  }

  // The csrf token in the detail page's form.
  std::string TokenFromDetail() {
    const std::string html = Get("/conflict/c0ffee0011223344").body;
    const std::string marker = "name=\"csrf\" value=\"";
    size_t at = html.find(marker);
    if (at == std::string::npos) return "";
    at += marker.size();
    return html.substr(at, html.find('"', at) - at);
  }

  std::string Status() {
    Result<std::vector<Conflict>> all = fixture_.store->LoadConflicts(false);
    return all.ok() && !all->empty() ? (*all)[0].status + "/" + (*all)[0].note : "?";
  }

  DeskFixture fixture_;
  std::unique_ptr<Desk> desk_;
  std::string cookie_;
};

TEST_F(DeskTest, ListAndFilters) {
  HttpResponse r = Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.Header("Set-Cookie").find("HttpOnly; SameSite=Strict"), std::string::npos);
  EXPECT_NE(r.Header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r.body.find("/conflict/c0ffee0011223344"), std::string::npos);
  EXPECT_NE(r.body.find("<span class=\"badge new\">new</span>"), std::string::npos);
  EXPECT_NE(r.body.find("Tin &lt;Nhanh&gt; &amp; &quot;Mới&quot;"), std::string::npos);
  EXPECT_TRUE(Get("/").Header("Set-Cookie").empty());  // the session is kept

  struct Case { std::map<std::string, std::string> query; bool listed; } cases[] = {
      {{{"status", "open"}}, true},       {{{"status", "dismissed"}}, false},
      {{{"severity", "conflict"}}, true}, {{{"severity", "info"}}, false},
      {{{"metric", "killed"}}, true},     {{{"metric", "missing"}}, false},
      {{{"subject", "storm_wutip"}}, true}, {{{"outlet", "duyên hải"}}, true},
      {{{"outlet", "vnexpress"}}, false}, {{{"new", "1"}}, true},
  };
  for (const Case& c : cases) {
    const std::string body = Get("/", c.query).body;
    EXPECT_EQ(body.find("data-id=\"c0ffee0011223344\"") != std::string::npos, c.listed)
        << c.query.begin()->first << "=" << c.query.begin()->second;
  }
}

TEST_F(DeskTest, DetailShowsBothSidesEscaped) {
  HttpResponse r = Get("/conflict/c0ffee0011223344");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Bão đã làm <mark>12 người chết</mark> và hàng trăm ngôi nhà tốc mái."), std::string::npos);
  EXPECT_NE(r.body.find("khiến <mark>19 người thiệt mạng</mark> &lt;script&gt;"), std::string::npos);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"https://duyenhai.example/bao-wutip\""), std::string::npos);
  EXPECT_EQ(r.body.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(r.body.find("2025-06-13"), std::string::npos);
  EXPECT_NE(r.body.find("No decision yet."), std::string::npos);
  EXPECT_EQ(Get("/conflict/0000000000000000").status, 404);
}

TEST_F(DeskTest, PostWithoutTheSessionTokenIsForbidden) {
  Get("/");
  const std::string path = "/conflict/c0ffee0011223344/review";
  EXPECT_EQ(Post(path, "status=dismissed&note=x").status, 403);
  EXPECT_EQ(Post(path, "csrf=" + RandomToken() + "&status=dismissed").status, 403);
  const std::string token = TokenFromDetail();
  ASSERT_EQ(token.size(), 32u);
  cookie_ = "claimcheck_session=someone-else";
  EXPECT_EQ(Post(path, "csrf=" + token + "&status=dismissed").status, 403);
  EXPECT_EQ(Status(), "open/");
}

TEST_F(DeskTest, PostWithTheTokenStoresTheReview) {
  const std::string token = TokenFromDetail();
  HttpResponse r = Post("/conflict/c0ffee0011223344/review",
                        "csrf=" + token + "&status=dismissed&note=" + UrlEncode("cùng một con số, khác thời điểm") +
                            "&by=" + UrlEncode("Hương"));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("Location"), "/conflict/c0ffee0011223344?saved=1");
  EXPECT_EQ(Status(), "dismissed/cùng một con số, khác thời điểm");
  Result<std::vector<Store::ReviewRecord>> log = fixture_.store->LoadReviews("c0ffee0011223344");
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].reviewer, "Hương");
  EXPECT_EQ((*log)[0].previous_status, "open");
  EXPECT_EQ((*log)[0].created_at, "2025-06-14T09:30:00Z");
  const std::string page = Get("/conflict/c0ffee0011223344", {{"saved", "1"}}).body;
  EXPECT_NE(page.find("Saved."), std::string::npos);
  EXPECT_NE(page.find("<td>Hương</td><td>open → dismissed</td>"), std::string::npos);
  // A bad status is a 400 and stores nothing; the default reviewer fills in.
  EXPECT_EQ(Post("/conflict/c0ffee0011223344/review", "csrf=" + token + "&status=maybe").status, 400);
  EXPECT_EQ(Post("/conflict/c0ffee0011223344/review", "csrf=" + token + "&status=needs_info").status, 303);
  log = fixture_.store->LoadReviews("c0ffee0011223344");
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].reviewer, "lan");
  EXPECT_EQ(Post("/conflict/ffffffffffffffff/review", "csrf=" + token + "&status=open").status, 404);
}

TEST_F(DeskTest, CrossSitePostIsForbiddenEvenWithTheToken) {
  const std::string token = TokenFromDetail();
  const std::string path = "/conflict/c0ffee0011223344/review";
  const std::string body = "csrf=" + token + "&status=dismissed";
  struct Case {
    const char* origin;
    const char* referer;
    int status;
  };
  const Case cases[] = {
      {"http://evil.example", "", 403},
      {"null", "", 403},
      {"http://127.0.0.1:8081", "", 403},                      // another port is another site
      {"https://127.0.0.1:8080", "", 403},                     // and another scheme
      {"http://127.0.0.1:8080.evil.example", "", 403},
      {"", "http://evil.example/conflict/c0ffee0011223344", 403},
      {"", "http://127.0.0.1:8080@evil.example/", 403},
      {"http://evil.example", "http://127.0.0.1:8080/", 403},  // Origin wins over Referer
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Post(path, body, c.origin, c.referer).status, c.status) << c.origin << " " << c.referer;
  }
  EXPECT_EQ(Status(), "open/");
  EXPECT_EQ(Post(path, body, "http://127.0.0.1:8080").status, 303);
  EXPECT_EQ(Post(path, "csrf=" + token + "&status=open", "", "http://127.0.0.1:8080/conflict/c0ffee0011223344")
                .status,
            303);
  EXPECT_EQ(Status(), "open/");
  EXPECT_EQ(Get("/").Header("Referrer-Policy"), "same-origin");
}

TEST_F(DeskTest, OnlyTheAllowedHostNames) {
  Desk::Options options;
  options.clock = [] { return std::string("2025-06-14T09:30:00Z"); };
  options.allowed_hosts = {"127.0.0.1", "localhost", "::1"};
  Desk desk(fixture_.store.get(), options);
  struct Case {
    const char* host;
    int status;
  };
  for (const Case& c : {Case{"127.0.0.1:8080", 200}, Case{"LOCALHOST:8080", 200}, Case{"[::1]:8080", 200},
                        Case{"localhost", 200}, Case{"evil.example:8080", 403}, Case{"127.0.0.1.evil.example", 403},
                        Case{"", 403}}) {
    HttpRequest r;
    r.method = "GET";
    r.path = "/";
    r.host = c.host;
    EXPECT_EQ(desk.Handle(r).status, c.status) << c.host;
  }
}

TEST_F(DeskTest, OnlyItsOwnRoutes) {
  for (const char* path : {"/etc/passwd", "/../claims.db", "/claims.db", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                           "/..%2f..%2fetc%2fpasswd", "/conflict/../../etc/passwd", "/conflict/c0ffee0011223344/../../x",
                           "/conflict/", "/conflict/XYZ123",
                           "/conflict/c0ffee0011223344/extra", "/app.js/x", "/index.html"}) {
    EXPECT_EQ(Get(path).status, 404) << path;
  }
  EXPECT_EQ(Post("/", "").status, 404);
  HttpRequest put;
  put.method = "PUT";
  put.path = "/";
  EXPECT_EQ(desk_->Handle(put).status, 405);
  HttpResponse js = Get("/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
}

}  // namespace
}  // namespace claimcheck
