#include <gtest/gtest.h>

#include <QApplication>

#include "studio_environment.h"

int main(int argc, char** argv) {
    StudioTestEnvironment environment;
    qputenv("LANG", "C.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    QApplication app(argc, argv);
    nameApplicationLikeTheStudio();
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
