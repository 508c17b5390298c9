#include <QApplication>

#include "studio_app.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    return runStudio(app);
}
