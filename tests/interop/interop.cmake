# Interop with the official AWS SDK for JavaScript v3 (docs/interop.md). Included by
# tests/CMakeLists.txt. The driver (C++) writes the cases and judges the observations; the
# harness (node) feeds the cases to the pinned SDK through a request handler that never does
# I/O. npm ci installs the pinned SDK into the build tree, not the source tree.

set(BEDROCK_AGENT_INTEROP_DIR ${CMAKE_CURRENT_LIST_DIR})
set(BEDROCK_AGENT_INTEROP_SUITES responses requests errors differences)

add_executable(bedrock_agent_interop_driver
  ${BEDROCK_AGENT_INTEROP_DIR}/interop_driver.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/responses.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/requests.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/errors.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/differences.cpp)
target_link_libraries(bedrock_agent_interop_driver PRIVATE bedrock_agent::contract bedrock_agent_warnings
                      bedrock_agent_test_build)
target_compile_definitions(bedrock_agent_interop_driver PRIVATE
  BEDROCK_AGENT_RECORDINGS_DIR="${PROJECT_SOURCE_DIR}/examples/recordings")
# Generated responses come from the project's RapidCheck generators (include/bedrock_agent/
# testing/), sampled with a fixed seed; the driver's own generator stands in where they are absent.
if(EXISTS ${PROJECT_SOURCE_DIR}/include/bedrock_agent/testing/arbitrary.hpp)
  find_package(rapidcheck CONFIG REQUIRED)
  target_link_libraries(bedrock_agent_interop_driver PRIVATE rapidcheck)
  target_compile_definitions(bedrock_agent_interop_driver PRIVATE BEDROCK_AGENT_INTEROP_RAPIDCHECK=1)
endif()

# The table of known differences in docs/interop.md is the driver's, verbatim (needs no node).
add_test(NAME interop.docs
  COMMAND ${CMAKE_COMMAND}
    -DDRIVER=$<TARGET_FILE:bedrock_agent_interop_driver>
    -DDOC=${PROJECT_SOURCE_DIR}/docs/interop.md
    -P ${BEDROCK_AGENT_INTEROP_DIR}/check_doc.cmake)

find_program(BEDROCK_AGENT_NODE node)
find_program(BEDROCK_AGENT_NPM npm)
set(bedrock_agent_interop_skip "")
if(NOT BEDROCK_AGENT_NODE OR NOT BEDROCK_AGENT_NPM)
  set(bedrock_agent_interop_skip "node and npm (Node.js >= 20) are not on PATH")
else()
  execute_process(COMMAND ${BEDROCK_AGENT_NODE} --version OUTPUT_VARIABLE bedrock_agent_node_version
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE bedrock_agent_node_rc)
  string(REGEX MATCH "^v([0-9]+)" bedrock_agent_node_major "${bedrock_agent_node_version}")
  if(NOT bedrock_agent_node_rc EQUAL 0 OR NOT CMAKE_MATCH_1 OR CMAKE_MATCH_1 LESS 20)
    set(bedrock_agent_interop_skip "the pinned SDK needs Node.js >= 20; ${BEDROCK_AGENT_NODE} is '${bedrock_agent_node_version}'")
  endif()
endif()

if(bedrock_agent_interop_skip)
  message(STATUS "interop: ${bedrock_agent_interop_skip}: the interop.* SDK tests will report SKIPPED")
  foreach(suite IN LISTS BEDROCK_AGENT_INTEROP_SUITES)
    add_test(NAME interop.${suite}
      COMMAND ${CMAKE_COMMAND} -E echo "interop.${suite} SKIPPED: ${bedrock_agent_interop_skip}")
    set_tests_properties(interop.${suite} PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED")
  endforeach()
else()
  set(bedrock_agent_interop_work ${CMAKE_CURRENT_BINARY_DIR}/interop)
  add_test(NAME interop.npm_ci
    COMMAND ${CMAKE_COMMAND}
      -DNPM=${BEDROCK_AGENT_NPM}
      -DSOURCE_DIR=${BEDROCK_AGENT_INTEROP_DIR}
      -DWORK_DIR=${bedrock_agent_interop_work}
      -P ${BEDROCK_AGENT_INTEROP_DIR}/npm_ci.cmake)
  set_tests_properties(interop.npm_ci PROPERTIES FIXTURES_SETUP bedrock_agent_interop_sdk TIMEOUT 300)
  foreach(suite IN LISTS BEDROCK_AGENT_INTEROP_SUITES)
    add_test(NAME interop.${suite}
      COMMAND ${BEDROCK_AGENT_NODE} ${BEDROCK_AGENT_INTEROP_DIR}/harness.js
        --driver $<TARGET_FILE:bedrock_agent_interop_driver>
        --suite ${suite}
        --modules ${bedrock_agent_interop_work})
    set_tests_properties(interop.${suite} PROPERTIES FIXTURES_REQUIRED bedrock_agent_interop_sdk TIMEOUT 120)
  endforeach()
endif()
