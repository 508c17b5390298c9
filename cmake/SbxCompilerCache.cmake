# Use ccache when it is installed: rebuilds after a branch switch cost seconds, not minutes.
# CCACHE_BASEDIR and CCACHE_NOHASHDIR make its entries independent of where the checkout
# lives, so a fresh clone (CI, a second work tree) reuses what another one compiled.
find_program(SBX_CCACHE ccache)
if(SBX_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER
        "${CMAKE_COMMAND};-E;env;CCACHE_BASEDIR=${CMAKE_SOURCE_DIR};CCACHE_NOHASHDIR=true;${SBX_CCACHE}")
endif()
