#include "workspace_controller.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "studio_settings.h"

namespace {

constexpr auto kDemoResourceRoot = ":/demo-workspace";

std::vector<std::string> toStd(const QStringList& list) {
    std::vector<std::string> result;
    result.reserve(static_cast<std::size_t>(list.size()));
    for (const auto& item : list) {
        result.push_back(item.toStdString());
    }
    return result;
}

void setError(QString* error, const QString& text) {
    if (error != nullptr) {
        *error = text;
    }
}

}  // namespace

WorkspaceController::WorkspaceController(StudioSettings& settings, sbx::LogHub& log,
                                         QObject* parent)
    : QObject(parent),
      settings_(settings),
      log_(log),
      recent_(toStd(settings.recentWorkspaces()), 10) {
    recent_.prune(
        [](const std::string& path) { return sbx::workspace::Workspace::isWorkspace(path); });
}

bool WorkspaceController::open(const QString& dir, QString* error) {
    auto opened = sbx::workspace::Workspace::open(dir.toStdString());
    if (!opened) {
        const auto text =
            tr("Cannot open workspace: %1").arg(QString::fromStdString(opened.error().message));
        log_.log(sbx::LogLevel::Error, "studio", text.toStdString());
        setError(error, text);
        return false;
    }
    remember(*opened);
    current_ = std::move(opened).value();
    log_.log(sbx::LogLevel::Info, "studio",
             tr("Opened workspace \"%1\" (%2)")
                 .arg(QString::fromStdString(current_->name()),
                      QString::fromStdString(current_->root().string()))
                 .toStdString());
    emit workspaceChanged();
    return true;
}

bool WorkspaceController::create(const QString& dir, const QString& name, QString* error) {
    auto created = sbx::workspace::Workspace::create(dir.toStdString(), name.toStdString());
    if (!created) {
        const auto text =
            tr("Cannot create workspace: %1").arg(QString::fromStdString(created.error().message));
        log_.log(sbx::LogLevel::Error, "studio", text.toStdString());
        setError(error, text);
        return false;
    }
    log_.log(sbx::LogLevel::Info, "studio", tr("Created workspace \"%1\"").arg(name).toStdString());
    return open(QString::fromStdString(created->root().string()), error);
}

QString WorkspaceController::defaultDemoWorkspaceDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo-workspace"));
}

bool WorkspaceController::ensureDemoWorkspace(const QString& dir, QString* error) {
    if (sbx::workspace::Workspace::isWorkspace(dir.toStdString())) {
        return true;
    }
    QDirIterator it(kDemoResourceRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto source = it.next();
        const auto relative = source.mid(QString::fromLatin1(kDemoResourceRoot).size() + 1);
        const auto target = QDir(dir).filePath(relative);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) ||
            (!QFile::exists(target) && !QFile::copy(source, target))) {
            setError(error, tr("Cannot unpack the demo workspace into %1").arg(dir));
            return false;
        }
        // Resource files are read-only; the user's copy must be editable.
        QFile::setPermissions(
            target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    log_.log(sbx::LogLevel::Info, "studio",
             tr("Unpacked the demo workspace into %1").arg(dir).toStdString());
    return true;
}

bool WorkspaceController::openInitial(const QString& requested, QString* error) {
    if (!requested.isEmpty()) {
        return open(requested, error);
    }
    const auto last = settings_.lastWorkspace();
    if (!last.isEmpty() && sbx::workspace::Workspace::isWorkspace(last.toStdString())) {
        return open(last, error);
    }
    const auto demo = defaultDemoWorkspaceDir();
    return ensureDemoWorkspace(demo, error) && open(demo, error);
}

QStringList WorkspaceController::recentWorkspaces() const {
    QStringList result;
    for (const auto& entry : recent_.entries()) {
        result << QString::fromStdString(entry);
    }
    return result;
}

void WorkspaceController::clearRecentWorkspaces() {
    recent_.clear();
    storeRecent();
}

void WorkspaceController::remember(const sbx::workspace::Workspace& workspace) {
    const auto path = QString::fromStdString(workspace.root().string());
    recent_.add(path.toStdString());
    settings_.setLastWorkspace(path);
    storeRecent();
}

void WorkspaceController::storeRecent() {
    settings_.setRecentWorkspaces(recentWorkspaces());
    emit recentWorkspacesChanged();
}
