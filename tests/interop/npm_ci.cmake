# Installs the pinned SDK (package-lock.json) into WORK_DIR/node_modules with `npm ci`, unless
# the lock file installed there last time is the same one. Usage:
#   cmake -DNPM=<npm> -DSOURCE_DIR=<tests/interop> -DWORK_DIR=<build dir> -P npm_ci.cmake
foreach(var NPM SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "npm_ci.cmake: -D${var}=... is required")
  endif()
endforeach()

file(MAKE_DIRECTORY ${WORK_DIR})
file(SHA256 ${SOURCE_DIR}/package-lock.json lock_hash)
file(SHA256 ${SOURCE_DIR}/package.json manifest_hash)
set(stamp ${WORK_DIR}/npm-ci.stamp)
if(EXISTS ${stamp} AND EXISTS ${WORK_DIR}/node_modules/@aws-sdk/client-bedrock-agent/package.json)
  file(READ ${stamp} installed)
  if(installed STREQUAL "${manifest_hash} ${lock_hash}")
    message(STATUS "interop: the pinned SDK is already installed in ${WORK_DIR}")
    return()
  endif()
endif()

file(REMOVE ${stamp})
configure_file(${SOURCE_DIR}/package.json ${WORK_DIR}/package.json COPYONLY)
configure_file(${SOURCE_DIR}/package-lock.json ${WORK_DIR}/package-lock.json COPYONLY)
message(STATUS "interop: npm ci in ${WORK_DIR}")
execute_process(
  COMMAND ${NPM} ci --no-audit --no-fund --prefer-offline
  WORKING_DIRECTORY ${WORK_DIR}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "interop: npm ci failed (${rc}); the npm registry must be reachable (or its packages cached)")
endif()
file(WRITE ${stamp} "${manifest_hash} ${lock_hash}")
