# Interop with two clients nobody here wrote, the official AWS SDK for JavaScript v3 and botocore
# (docs/interop.md). Included by tests/CMakeLists.txt. The driver (C++) writes the cases and
# judges the observations; a harness per client (harness.js on node, harness.py on Python) feeds
# the cases to the client through a request handler that never does I/O. npm ci installs the
# pinned JS SDK into the build tree, not the source tree; botocore is the one installed with
# Python.

set(BEDROCK_AGENT_INTEROP_DIR ${CMAKE_CURRENT_LIST_DIR})
set(BEDROCK_AGENT_INTEROP_SUITES responses requests errors differences operations wire_requests)
# The suites botocore runs too (the others pin the JS SDK's own behaviour).
set(BEDROCK_AGENT_INTEROP_BOTOCORE_SUITES operations wire_requests)

add_executable(bedrock_agent_interop_driver
  ${BEDROCK_AGENT_INTEROP_DIR}/interop_driver.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/responses.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/requests.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/errors.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/differences.cpp
  ${BEDROCK_AGENT_INTEROP_DIR}/operations.cpp)
target_link_libraries(bedrock_agent_interop_driver PRIVATE bedrock_agent::contract bedrock_agent_warnings
                      bedrock_agent_test_build)
# operations.cpp instantiates the generators, the codec and the comparison for every shape of the
# four operations: at -O2 -g it took 123 s of CPU and 3.2 GB with g++ 12, at -O1 -g0 68 s and
# 1.9 GB. The driver's own work is under a second per suite, so it is built lighter still than
# the other test programs (-O1 -g1; -O0 with clang and the sanitizers, see CMakeLists.txt).
set_source_files_properties(${BEDROCK_AGENT_INTEROP_DIR}/operations.cpp PROPERTIES
  COMPILE_OPTIONS "$<$<OR:$<CXX_COMPILER_ID:GNU>,$<CXX_COMPILER_ID:Clang>>:${bedrock_agent_test_opt};-g0>")
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
        --modules ${bedrock_agent_interop_work}
        --record ${bedrock_agent_interop_work}/${suite}.js.ndjson)
    set_tests_properties(interop.${suite} PROPERTIES FIXTURES_REQUIRED bedrock_agent_interop_sdk TIMEOUT 120)
  endforeach()
endif()

# botocore: the Python interpreter on PATH and the botocore installed with it. harness.py exits
# 77 (SKIP_RETURN_CODE) and prints "skipped" when botocore cannot be imported.
find_program(BEDROCK_AGENT_PYTHON3 python3)
foreach(suite IN LISTS BEDROCK_AGENT_INTEROP_BOTOCORE_SUITES)
  if(NOT BEDROCK_AGENT_PYTHON3)
    add_test(NAME interop.botocore.${suite}
      COMMAND ${CMAKE_COMMAND} -E echo "interop.botocore.${suite} skipped: python3 is not on PATH")
    set_tests_properties(interop.botocore.${suite} PROPERTIES SKIP_REGULAR_EXPRESSION "skipped")
  else()
    add_test(NAME interop.botocore.${suite}
      COMMAND ${BEDROCK_AGENT_PYTHON3} ${BEDROCK_AGENT_INTEROP_DIR}/harness.py
        --driver $<TARGET_FILE:bedrock_agent_interop_driver>
        --suite ${suite}
        --record ${CMAKE_CURRENT_BINARY_DIR}/${suite}.botocore.ndjson)
    set_tests_properties(interop.botocore.${suite} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
  endif()
endforeach()
