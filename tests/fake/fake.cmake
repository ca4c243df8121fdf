# End-to-end tests of bedrock-agent-fake with real clients (docs/fake.md#end-to-end-tests).
# Included by tests/CMakeLists.txt after interop.cmake: the JS SDK test reuses its npm fixture
# (bedrock_agent_interop_sdk) and node_modules. Each test is e2e.py: the server on port 0 with
# --record, one client, SIGTERM, then bedrock-agent-validate on the HAR. Label: fake.

if(NOT BEDROCK_AGENT_BUILD_TOOLS)
  return()  # the server and the validator are tools
endif()
set(BEDROCK_AGENT_FAKE_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
set(bedrock_agent_fake_work ${CMAKE_CURRENT_BINARY_DIR}/fake)
find_program(BEDROCK_AGENT_PYTHON3 python3)

# fake_e2e(NAME [SERVER_ARGS ...] [VALIDATE_RC n] [VALIDATE_HAS text...] [STATUS_COUNT s:n...]
#          CLIENT command...)
function(fake_e2e name)
  cmake_parse_arguments(T "" "VALIDATE_RC;STOP_SIGNAL" "SERVER_ARGS;VALIDATE_HAS;STATUS_COUNT;CLIENT" ${ARGN})
  if(NOT BEDROCK_AGENT_PYTHON3)
    add_test(NAME fake.${name} COMMAND ${CMAKE_COMMAND} -E echo "fake.${name} SKIPPED: python3 is not on PATH")
  else()
    set(args --fake $<TARGET_FILE:bedrock-agent-fake> --validate $<TARGET_FILE:bedrock-agent-validate>
             --work ${bedrock_agent_fake_work} --name ${name})
    foreach(a IN LISTS T_SERVER_ARGS)
      list(APPEND args --server-arg=${a})
    endforeach()
    if(DEFINED T_VALIDATE_RC)
      list(APPEND args --validate-rc ${T_VALIDATE_RC})
    endif()
    if(DEFINED T_STOP_SIGNAL)
      list(APPEND args --stop-signal ${T_STOP_SIGNAL})
    endif()
    foreach(a IN LISTS T_VALIDATE_HAS)
      list(APPEND args --validate-has ${a})
    endforeach()
    foreach(a IN LISTS T_STATUS_COUNT)
      list(APPEND args --status-count ${a})
    endforeach()
    add_test(NAME fake.${name} COMMAND ${BEDROCK_AGENT_PYTHON3} ${BEDROCK_AGENT_FAKE_TEST_DIR}/e2e.py ${args} -- ${T_CLIENT})
  endif()
  set_tests_properties(fake.${name} PROPERTIES LABELS fake TIMEOUT 120 SKIP_REGULAR_EXPRESSION "SKIPPED:")
endfunction()

set(py ${BEDROCK_AGENT_PYTHON3})
fake_e2e(boto3 CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/client_boto3.py STATUS_COUNT 409:1
         VALIDATE_HAS "0 invalid")
# Every second call throttled: boto3's standard retry mode still gets the flow through; the HAR
# holds the 429s.
fake_e2e(boto3-throttled SERVER_ARGS --throttle-every 2
         CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/client_boto3.py --standard-retries
         STATUS_COUNT 429:4 409:1 VALIDATE_HAS "0 invalid")
# A contract break on purpose: the validator must fail the HAR and name the rule.
fake_e2e(boto3-break-lowercase-status SERVER_ARGS --break lowercase-status
         CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/client_boto3.py --break-flow
         VALIDATE_RC 1 VALIDATE_HAS "error[constraint.enum]")
fake_e2e(aws-cli CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/client_awscli.py STATUS_COUNT 409:1
         VALIDATE_HAS "0 invalid")
fake_e2e(robustness SERVER_ARGS --max-connections 8
         CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/robustness.py STATUS_COUNT 404:10 VALIDATE_HAS "0 invalid")
# The seed, the real clock, --latency-ms (a timer: the loop goes on), --idle-timeout-ms; SIGINT.
fake_e2e(options SERVER_ARGS --seed ${BEDROCK_AGENT_FAKE_TEST_DIR}/seed.json --clock real --starting-ms 400
         --in-progress-ms 800 --stopping-ms 100 --latency-ms 300 --idle-timeout-ms 500 STOP_SIGNAL INT
         CLIENT ${py} ${BEDROCK_AGENT_FAKE_TEST_DIR}/options.py STATUS_COUNT 404:1 VALIDATE_HAS "0 invalid")

# The JS SDK: node and the pinned SDK of the interop fixture.
if(bedrock_agent_interop_skip)
  add_test(NAME fake.js-sdk COMMAND ${CMAKE_COMMAND} -E echo "fake.js-sdk SKIPPED: ${bedrock_agent_interop_skip}")
  set_tests_properties(fake.js-sdk PROPERTIES LABELS fake SKIP_REGULAR_EXPRESSION "SKIPPED:")
else()
  fake_e2e(js-sdk CLIENT ${BEDROCK_AGENT_NODE} ${BEDROCK_AGENT_FAKE_TEST_DIR}/client_js.js ${bedrock_agent_interop_work}
           STATUS_COUNT 409:1 VALIDATE_HAS "0 invalid")
  set_tests_properties(fake.js-sdk PROPERTIES FIXTURES_REQUIRED bedrock_agent_interop_sdk)
endif()

# Command-line errors: exit 2 with a message on stderr.
function(fake_cli name stderr_has)
  add_test(NAME fake.cli.${name}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:bedrock-agent-fake> "-DARGS=${ARGN}" "-DSTDERR_HAS=${stderr_has}"
            -P ${BEDROCK_AGENT_FAKE_TEST_DIR}/cli_expect.cmake)
  set_tests_properties(fake.cli.${name} PROPERTIES LABELS fake)
endfunction()
fake_cli(unknown-flag "unknown option '--frobnicate'" --frobnicate)
fake_cli(bad-value "bad value 'zero' for --throttle-every" --throttle-every zero)
fake_cli(missing-value "option '--latency-ms' needs a value" --latency-ms)
fake_cli(bad-listen "'localhost' is not an IP address" --listen localhost:0)
fake_cli(bad-break "bad value 'no-such-break' for --break" --break no-such-break)
fake_cli(bad-seed "bad seed" --seed ${BEDROCK_AGENT_FAKE_TEST_DIR}/bad-seed.json)
add_test(NAME fake.cli.help COMMAND bedrock-agent-fake --help)
set_tests_properties(fake.cli.help PROPERTIES LABELS fake PASS_REGULAR_EXPRESSION "--max-connections")
