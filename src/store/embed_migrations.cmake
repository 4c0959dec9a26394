# Writes a C++ source that holds every db/migrations/*.sql file as a string,
# so the binary never reads migrations from disk (like ninja's inline.sh).
# Run by src/store/CMakeLists.txt at build time:
#   cmake -DOUT=<file.cc> -DFILES=<a.sql;b.sql> -P embed_migrations.cmake
# Each file must be named NNNN_<what>.sql; NNNN becomes the version.
set(body "// Generated from db/migrations by src/store/embed_migrations.cmake. Do not edit.\n")
string(APPEND body "#include \"store/migration.h\"\n\nnamespace claimcheck {\n\n")
string(APPEND body "const std::vector<Migration>& EmbeddedMigrations() {\n")
string(APPEND body "  static const std::vector<Migration> kMigrations = {\n")
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME)
  if(NOT name MATCHES "^([0-9]+)_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "migration file name must be NNNN_<what>.sql: ${name}")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  file(READ "${file}" sql)
  if(sql MATCHES "\\)claimcheck_sql\"")
    message(FATAL_ERROR "${name} contains the raw-string delimiter")
  endif()
  string(APPEND body "      {${version}, \"${name}\", R\"claimcheck_sql(${sql})claimcheck_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return kMigrations;\n}\n\n}  // namespace claimcheck\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
