# Whether the Python module can be built: Python's headers (python3-dev) and pybind11
# (pybind11-dev), the module not asked away (-DSALESFAB_PYTHON=OFF) and no sanitizer (a module
# under ASan would need the sanitizer's runtime preloaded into python). Included by the top
# CMakeLists before the layers: the module links them, so they must be position-independent.
# Sets SALESFAB_PYTHON_MODULE (ON/OFF) and, when OFF, SALESFAB_PYTHON_MISSING (why).
option(SALESFAB_PYTHON "Build the Python module when Python's headers and pybind11 are there" ON)
set(SALESFAB_PYTHON_MODULE OFF)
set(SALESFAB_PYTHON_MISSING "")
if(NOT SALESFAB_PYTHON)
  set(SALESFAB_PYTHON_MISSING "-DSALESFAB_PYTHON=OFF")
elseif(SALESFAB_SANITIZE OR SALESFAB_TSAN OR SALESFAB_FUZZ)
  set(SALESFAB_PYTHON_MISSING "a sanitizer build")
else()
  # Debian's python3 first: the module is for the python3 that python3-pandas and the Debian
  # package serve, not for another interpreter that comes earlier on PATH.
  if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3)
  endif()
  find_package(Python3 COMPONENTS Interpreter Development.Module)
  if(NOT Python3_Development.Module_FOUND)
    set(SALESFAB_PYTHON_MISSING "Python's headers are not installed (apt-get install python3-dev)")
  else()
    set(PYBIND11_FINDPYTHON ON)
    find_package(pybind11 2.6 CONFIG QUIET)
    if(NOT pybind11_FOUND)
      set(SALESFAB_PYTHON_MISSING "pybind11 is not installed (apt-get install pybind11-dev)")
    else()
      set(SALESFAB_PYTHON_MODULE ON)
    endif()
  endif()
endif()
if(SALESFAB_PYTHON_MODULE)
  message(STATUS "Python module: for ${Python3_EXECUTABLE} ${Python3_VERSION}")
  math(EXPR SALESFAB_PYTHON_NEXT_MINOR "${Python3_VERSION_MINOR} + 1")
  # The module links the layers' static libraries: they are compiled position-independent.
  # Such code may not assume that its own functions are not replaced at load time, which would
  # stop the compiler inlining them: they are not, say so (the program runs as fast as before).
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-fno-semantic-interposition)
  endif()
else()
  message(STATUS "Python module not built: ${SALESFAB_PYTHON_MISSING}")
endif()
