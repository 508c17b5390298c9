#pragma once

#include <QTemporaryDir>

// Points HOME and the XDG folders at a fresh temp dir before QApplication exists, so
// GUI tests never read or write the developer's own settings, and run offscreen.
class StudioTestEnvironment {
public:
    StudioTestEnvironment();
    [[nodiscard]] QString path() const { return dir_.path(); }

private:
    QTemporaryDir dir_;
};

// Names the application as the studio does, so QSettings and data paths match.
void nameApplicationLikeTheStudio();
