// The real server on a loopback ephemeral port, driven with httplib::Client:
// GET the page, POST without the token (403), POST with it (stored).
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <thread>

#include "server/form.h"
#include "server_fixture.h"

namespace claimcheck {
namespace {

TEST(HttpTest, ServesTheDeskOnLoopback) {
  DeskFixture fixture = MakeDeskFixture();
  Desk::Options options;
  options.clock = [] { return std::string("2025-06-14T10:00:00Z"); };
  Desk desk(fixture.store.get(), options);
  DeskServer server(&desk);
  Result<int> port = server.Bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread thread([&] { (void)server.Listen(); });
  for (int i = 0; i < 200 && !server.IsRunning(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  httplib::Client client("127.0.0.1", *port);
  auto page = client.Get("/conflict/c0ffee0011223344");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  const std::string cookie = page->get_header_value("Set-Cookie");
  const std::string session = cookie.substr(0, cookie.find(';'));
  const std::string marker = "name=\"csrf\" value=\"";
  size_t at = page->body.find(marker) + marker.size();
  const std::string token = page->body.substr(at, page->body.find('"', at) - at);
  ASSERT_EQ(token.size(), 32u);

  httplib::Headers headers = {{"Cookie", session}};
  auto forbidden = client.Post("/conflict/c0ffee0011223344/review", headers, "status=dismissed&note=x",
                               "application/x-www-form-urlencoded");
  ASSERT_TRUE(forbidden);
  EXPECT_EQ(forbidden->status, 403);

  auto saved = client.Post("/conflict/c0ffee0011223344/review", headers,
                           "csrf=" + token + "&status=dismissed&note=" + UrlEncode("đã kiểm tra") + "&by=lan",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303);
  // A cross-site POST carrying a valid session and token (CSRF from a page on
  // another site the editor has open) is refused.
  httplib::Headers cross = {{"Cookie", session}, {"Origin", "http://evil.example"}};
  auto cross_site = client.Post("/conflict/c0ffee0011223344/review", cross, "csrf=" + token + "&status=open",
                                "application/x-www-form-urlencoded");
  ASSERT_TRUE(cross_site);
  EXPECT_EQ(cross_site->status, 403);
  // No file outside the desk's own pages, however the path is spelled (httplib
  // decodes %2e and %2f before routing; the desk still only knows its routes).
  for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                           "/..%2f..%2fetc%2fpasswd", "/conflict/..%2f..%2fetc%2fpasswd", "//etc/passwd",
                           "/app.js/../../etc/passwd", "/.%2e/.%2e/etc/passwd"}) {
    auto missing = client.Get(path);
    ASSERT_TRUE(missing) << path;
    EXPECT_TRUE(missing->status == 404 || missing->status == 400) << path << " " << missing->status;
    EXPECT_EQ(missing->body.find("root:"), std::string::npos) << path;
  }

  server.Stop();
  thread.join();
  Result<std::vector<Conflict>> conflicts = fixture.store->LoadConflicts(true);
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ((*conflicts)[0].status, "dismissed");
  EXPECT_EQ((*conflicts)[0].note, "đã kiểm tra");
}

}  // namespace
}  // namespace claimcheck
