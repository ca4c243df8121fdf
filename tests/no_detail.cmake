# Fails when a file under DIR names the library's internals: a `detail::` name or a
# <bedrock_agent/.../detail/...> include. Tools are clients of the public API; what one needs from
# detail:: is a missing public function. Used by the ctest tools.no-detail.
#   cmake -DDIR=<dir> -P tests/no_detail.cmake
file(GLOB_RECURSE files LIST_DIRECTORIES false "${DIR}/*")
set(found "")
foreach(f IN LISTS files)
  file(STRINGS "${f}" hits REGEX "detail::|bedrock_agent/[a-z_/]*detail/")
  foreach(h IN LISTS hits)
    string(APPEND found "${f}: ${h}\n")
  endforeach()
endforeach()
list(LENGTH files n)
if(n EQUAL 0)
  message(FATAL_ERROR "no files under ${DIR}")
endif()
if(found)
  message(FATAL_ERROR "internal names used under ${DIR}:\n${found}")
endif()
message(STATUS "${n} files under ${DIR}, none names detail::")
