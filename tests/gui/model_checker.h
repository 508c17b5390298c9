#pragma once

#include <QAbstractItemModelTester>
#include <QString>
#include <QStringList>
#include <memory>

// Runs QAbstractItemModelTester on a model for the life of the checker and collects what
// it reports (it speaks through qWarning outside QtTest), so a GoogleTest can assert on
// it: EXPECT_TRUE(checker.problems().isEmpty()) << checker.report().
class ModelChecker {
public:
    explicit ModelChecker(QAbstractItemModel* model);
    ~ModelChecker();
    ModelChecker(const ModelChecker&) = delete;
    ModelChecker& operator=(const ModelChecker&) = delete;

    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] std::string report() const { return problems().join('\n').toStdString(); }

private:
    std::unique_ptr<QAbstractItemModelTester> tester_;
};
