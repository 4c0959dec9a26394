#include "server/server.h"

#include <httplib.h>

namespace claimcheck {

struct DeskServer::Impl {
  Desk* desk;
  httplib::Server server;
};

DeskServer::DeskServer(Desk* desk) : impl_(std::make_unique<Impl>()) {
  impl_->desk = desk;
  impl_->server.set_payload_max_length(64 * 1024);
  // Every method and path goes to the Desk (httplib reads the body before
  // calling route handlers, not before the pre-routing hook, so routes are
  // registered for all paths instead). No mount point: no file is served.
  auto handle = [this](const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    if (req.method == "GET" || req.method == "HEAD") {
      for (const auto& [key, value] : req.params) request.query.emplace(key, value);  // first wins
    }
    request.body = req.body;
    request.cookie = req.get_header_value("Cookie");
    request.host = req.get_header_value("Host");
    request.origin = req.get_header_value("Origin");
    request.referer = req.get_header_value("Referer");
    HttpResponse response = impl_->desk->Handle(request);
    res.status = response.status;
    for (const auto& [key, value] : response.headers) res.set_header(key.c_str(), value);
    res.set_content(response.body, response.content_type.c_str());
  };
  const char* kAnyPath = ".*";
  impl_->server.Get(kAnyPath, handle);
  impl_->server.Post(kAnyPath, handle);
  impl_->server.Put(kAnyPath, handle);
  impl_->server.Patch(kAnyPath, handle);
  impl_->server.Delete(kAnyPath, handle);
  impl_->server.Options(kAnyPath, handle);
}

DeskServer::~DeskServer() { Stop(); }

Result<int> DeskServer::Bind(const std::string& host, int port) {
  if (port == 0) {
    int bound = impl_->server.bind_to_any_port(host);
    if (bound <= 0) return Status::IoError("cannot bind " + host + " to a free port");
    return bound;
  }
  if (!impl_->server.bind_to_port(host, port)) {
    return Status::IoError("cannot bind " + host + ":" + std::to_string(port) + " (in use?)");
  }
  return port;
}

Status DeskServer::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void DeskServer::Stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

bool DeskServer::IsRunning() const { return impl_->server.is_running(); }

}  // namespace claimcheck
