// A small review desk for the server tests: an in-memory Store holding two
// Vietnamese articles (written for these tests) that disagree on a storm's
// death toll, and the conflict between them.
#pragma once

#include <memory>
#include <string>

#include "model/conflict.h"
#include "store/store.h"

namespace claimcheck {

struct DeskFixture {
  std::unique_ptr<Store> store;
  Conflict conflict;  // as saved (id "c0ffee0011223344")
};

// Opens ":memory:", stores both articles with one claim each, runs one check
// that saves `conflict`. Hostile text (<script>, quotes, a javascript: url)
// sits in side b's sentence, outlet and url so escaping can be checked.
DeskFixture MakeDeskFixture();

}  // namespace claimcheck
