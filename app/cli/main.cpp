#include "cli_app.h"

int main(int argc, char** argv) { return sbx::cli::run(argc, argv); }
