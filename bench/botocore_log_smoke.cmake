# bench.botocore_log_smoke: the botocore debug log benchmark once, on a 2 MB log made by the
# floor binary from a real AWS CLI log; fails when either process exits non-zero (the validator
# must find nothing: every copy is a valid session of its own job) or no result is written.
# Usage: cmake -DFLOOR=<floor binary> -DVALIDATOR=<bedrock-agent-validate> -DPYTHON=<python3>
#              -DSCRIPT=<time_validator.py> -DSOURCE=<a botocore log> -DDIR=<work directory>
#              -P botocore_log_smoke.cmake
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${FLOOR} generate ${SOURCE} 2 ${DIR}/smoke.log RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench.botocore_log_smoke: generating the log exited with ${rc}")
endif()
file(REMOVE ${DIR}/botocore-log-smoke.json)
execute_process(
  COMMAND ${PYTHON} ${SCRIPT} ${DIR}/botocore-log-smoke.json 1 --corpus log=${DIR}/smoke.log
          "--command=floor=${FLOOR} read"
          "--command=validator=${VALIDATOR} --input botocore-log --quiet --no-progress"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${DIR}/botocore-log-smoke.json)
  message(FATAL_ERROR "bench.botocore_log_smoke: time_validator.py exited with ${rc}")
endif()
