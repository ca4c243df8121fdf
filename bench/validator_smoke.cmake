# bench.validator_smoke: the whole-process validator benchmark once, on two 2000-line corpora
# made by the floor binary; fails when either process exits non-zero or no result is written.
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
          "--command=validator=${VALIDATOR} --input ndjson --shape response --quiet --no-progress"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${DIR}/validator-smoke.json)
  message(FATAL_ERROR "bench.validator_smoke: time_validator.py exited with ${rc}")
endif()
