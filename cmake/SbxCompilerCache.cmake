# Use ccache when it is installed: rebuilds after a branch switch cost seconds, not minutes.
find_program(SBX_CCACHE ccache)
if(SBX_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${SBX_CCACHE}")
endif()
