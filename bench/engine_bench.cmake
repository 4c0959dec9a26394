# engine_bench: times the check stage on 10k, 100k and 1M synthetic claims (see
# bench/RESULTS.md, section "engine"). Built on request (`--target engine_bench`), not
# by default; ctest runs it once with a tiny N as a smoke test.
add_executable(engine_bench EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/engine_bench.cc)
target_link_libraries(engine_bench PRIVATE claimcheck_engine claimcheck_rulebook)
target_compile_definitions(engine_bench PRIVATE CLAIMCHECK_RULES_DIR="${PROJECT_SOURCE_DIR}/rules")
target_compile_options(engine_bench PRIVATE ${CLAIMCHECK_WARNINGS})
if(BUILD_TESTING)
  # The smoke test builds the benchmark first (it is excluded from `all`).
  add_test(NAME engine_bench_build
    COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target engine_bench)
  set_tests_properties(engine_bench_build PROPERTIES FIXTURES_SETUP engine_bench_bin)
  add_test(NAME engine_bench_smoke COMMAND engine_bench 200 2000)
  set_tests_properties(engine_bench_smoke PROPERTIES FIXTURES_REQUIRED engine_bench_bin)
endif()
