#pragma once

#include <QDialog>

// Version, purpose, and the licenses of the libraries the studio is built on.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
};
