// DeskServer: serves a Desk over HTTP with cpp-httplib (Debian's
// libcpp-httplib-dev). The only file that includes httplib.h is server.cc.
// Every request, whatever its method or path, goes to Desk::Handle, so the
// server answers only the Desk's routes and never serves files from disk.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "server/desk.h"

namespace claimcheck {

class DeskServer {
 public:
  // REQUIRES: desk outlives the server.
  explicit DeskServer(Desk* desk);
  ~DeskServer();
  DeskServer(const DeskServer&) = delete;
  DeskServer& operator=(const DeskServer&) = delete;

  // Binds host:port (port 0 = any free port) and returns the bound port.
  // Errors: IoError when the address cannot be bound.
  Result<int> Bind(const std::string& host, int port);
  // Serves requests until Stop(); blocks. REQUIRES: Bind succeeded.
  Status Listen();
  // Stops Listen() (from another thread or a signal-safe context).
  void Stop();
  // True once Listen() is accepting connections.
  bool IsRunning() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck
