# bench.validator_smoke: the whole-process validator benchmark once, on two 2000-line corpora
# made by the floor binary; fails when a process exits non-zero (the checked floor does when it
# rejects a line) or no result is written, and when the checked floor or the validator accepts a
# line with an unknown member.
# Usage: cmake -DFLOOR=<floor binary> -DVALIDATOR=<bedrock-agent-validate> -DPYTHON=<python3>
#              -DSCRIPT=<time_validator.py> -DDIR=<work directory> -P validator_smoke.cmake
file(MAKE_DIRECTORY ${DIR})
foreach(kind distinct polled)
  execute_process(COMMAND ${FLOOR} generate ${kind} 2000 ${DIR}/smoke-${kind}.ndjson RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "bench.validator_smoke: generating the ${kind} corpus exited with ${rc}")
  endif()
endforeach()
file(REMOVE ${DIR}/validator-smoke.json)
execute_process(
  COMMAND ${PYTHON} ${SCRIPT} ${DIR}/validator-smoke.json 1
          --corpus distinct=${DIR}/smoke-distinct.ndjson --corpus polled=${DIR}/smoke-polled.ndjson
          "--command=floor=${FLOOR} read"
          "--command=checked floor=${FLOOR} checked"
          "--command=validator=${VALIDATOR} --input ndjson --shape response --quiet --no-progress"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${DIR}/validator-smoke.json)
  message(FATAL_ERROR "bench.validator_smoke: time_validator.py exited with ${rc}")
endif()

# The checked floor's checks can fail: the first distinct line with one more member is rejected,
# by it and by the validator alike.
file(STRINGS ${DIR}/smoke-distinct.ndjson first LIMIT_COUNT 1)
string(REPLACE "\"ingestionJobId\"" "\"ingestionJobID\":\"IJ00000000\",\"ingestionJobId\"" bad "${first}")
if(bad STREQUAL first)
  message(FATAL_ERROR "bench.validator_smoke: the generated line has no ingestionJobId member")
endif()
file(WRITE ${DIR}/smoke-unknown-member.ndjson "${bad}\n")
execute_process(COMMAND ${FLOOR} checked ${DIR}/smoke-unknown-member.ndjson RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "bench.validator_smoke: the checked floor exited with ${rc} on a line with an unknown member (expected 1)")
endif()
execute_process(COMMAND ${VALIDATOR} --input ndjson --shape response --quiet --no-progress
                        ${DIR}/smoke-unknown-member.ndjson RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "bench.validator_smoke: the validator exited with ${rc} on a line with an unknown member (expected 1)")
endif()
