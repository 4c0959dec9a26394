// claimcheck serve: the editors' review page on a local port (see
// src/server/desk.h for the routes). Logs go to stderr.
#include <cstdlib>
#include <iostream>

#include "cli/clock.h"
#include "cli/command_util.h"
#include "cli/commands.h"
#include "server/desk.h"
#include "server/server.h"

namespace claimcheck {
namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

int ServeCommand(const Config& c) {
  char* end = nullptr;
  long port = std::strtol(c.port.c_str(), &end, 10);
  if (c.port.empty() || *end != '\0' || port < 0 || port > 65535) {
    std::cerr << "claimcheck serve: --port must be a number from 0 to 65535\n";
    return kExitUsage;
  }
  if (!c.args.empty()) {
    std::cerr << "claimcheck serve: unexpected argument '" << c.args[0] << "'\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(c);
  if (!store.ok()) return Fail(store.status());
  Desk::Options options;
  options.default_reviewer = c.reviewer;
  options.clock = ClockNow;
  // On loopback, only loopback names: guards against DNS rebinding.
  if (IsLoopback(c.host)) options.allowed_hosts = {"127.0.0.1", "localhost", "::1", c.host};
  Desk desk(store->get(), options);
  DeskServer server(&desk);
  Result<int> bound = server.Bind(c.host, static_cast<int>(port));
  if (!bound.ok()) return Fail(bound.status());
  if (!IsLoopback(c.host)) {
    std::cerr << "claimcheck serve: warning: listening on " << c.host
              << ", not only this machine; anyone who can reach it can review conflicts\n";
  }
  if (!c.quiet) {
    std::cerr << "claimcheck serve: http://" << (c.host.find(':') != std::string::npos ? "[" + c.host + "]" : c.host)
              << ":" << *bound << "/ (database " << c.db_path << "; Ctrl-C to stop)" << std::endl;
  }
  Status served = server.Listen();
  return served.ok() ? kExitOk : Fail(served);
}

}  // namespace claimcheck
