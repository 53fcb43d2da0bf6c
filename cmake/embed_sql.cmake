# Writes OUT: a header holding every DIR/*.sql file of one area as a constant,
# coach::AREA::sql::NAME (a std::string_view), NAME being the file name without ".sql".
# Each file is one statement (or a script for exec_script, which its comment says); its
# leading "--" comment says what it returns and its parameters (docs/architecture.md,
# "Named SQL"; a template's {placeholders}: "Templates").
#
# Pieces: {{AREA/NAME}} or {{AREA/NAME(arg, ...)}} in a file is replaced, here at build time, by
# src/AREA/sql/pieces/NAME.sql (its leading comment dropped), its {{1}}, {{2}}, ... by the
# arguments (no parentheses or commas inside one). A piece is SQL shared by several statements
# that PostgreSQL would otherwise inline from a function on every plan (docs/architecture.md,
# "Pieces"). SRC is the source root.
function(expand_pieces var where)
  set(text "${${var}}")
  set(count 0)
  while(text MATCHES "{{([a-z_]+)/([a-z_]+)(\\(([^(){}]*)\\))?}}")
    set(call "${CMAKE_MATCH_0}")
    set(file "${SRC}/src/${CMAKE_MATCH_1}/sql/pieces/${CMAKE_MATCH_2}.sql")
    set(args "${CMAKE_MATCH_4}")
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "${where}: ${call}: no ${file}")
    endif()
    file(READ "${file}" piece)
    string(REGEX REPLACE "^(--[^\n]*\n)+" "" piece "${piece}")
    string(STRIP "${piece}" piece)
    string(REPLACE "," ";" args "${args}")
    set(i 1)
    foreach(arg IN LISTS args)
      string(STRIP "${arg}" arg)
      string(REPLACE "{{${i}}}" "${arg}" piece "${piece}")
      math(EXPR i "${i} + 1")
    endforeach()
    if(piece MATCHES "{{[0-9]+}}")
      message(FATAL_ERROR "${where}: ${call}: ${CMAKE_MATCH_0} has no argument")
    endif()
    string(REPLACE "${call}" "${piece}" text "${text}")
    math(EXPR count "${count} + 1")
    if(count GREATER 100)
      message(FATAL_ERROR "${where}: pieces nested too deep")
    endif()
  endwhile()
  if(text MATCHES "{{")
    message(FATAL_ERROR "${where}: a {{...}} that is not a piece")
  endif()
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "// Generated from src/${AREA}/sql/*.sql by cmake/embed_sql.cmake: edit those files.\n")
string(APPEND body "#pragma once\n#include <string_view>\n\nnamespace coach::${AREA}::sql {\n")
foreach(f IN LISTS files)
  get_filename_component(name ${f} NAME_WE)
  if(NOT name MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${f}: a named SQL file is called like a C++ identifier (a-z, 0-9, _)")
  endif()
  file(READ ${f} text)
  # The leading comment is for readers of the file, not for PostgreSQL: without it the text
  # that every query hashes (the prepared-statement cache) and sends once is shorter.
  string(REGEX REPLACE "^(--[^\n]*\n)+" "" text "${text}")
  expand_pieces(text ${f})
  if(text MATCHES "\\)coach_sql\"")
    message(FATAL_ERROR "${f} contains the literal's delimiter")
  endif()
  # Adjacent literals of at most 8000 bytes each: some compilers limit one literal's length.
  string(LENGTH "${text}" len)
  set(chunks "")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${text}" ${pos} 8000 part)
    string(APPEND chunks "R\"coach_sql(${part})coach_sql\"\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  string(APPEND body "\n// src/${AREA}/sql/${name}.sql\ninline constexpr std::string_view ${name} =\n${chunks};\n")
endforeach()
string(APPEND body "\n}  // namespace coach::${AREA}::sql\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
