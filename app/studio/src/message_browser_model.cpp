#include "message_browser_model.h"

#include <QDateTime>
#include <QLocale>

MessageBrowserModel::MessageBrowserModel(QObject* parent) : QAbstractTableModel(parent) {}

QString MessageBrowserModel::field(const std::vector<sbx::observe::Field>& fields,
                                   const char* name) {
    for (const auto& f : fields) {
        if (f.name == name) {
            return QString::fromStdString(f.value);
        }
    }
    return {};
}

bool MessageBrowserModel::passes(const sbx::observe::ObservedMessage& message) const {
    return !filter_ || filter_->matches(message);
}

void MessageBrowserModel::refilter() {
    beginResetModel();
    shown_.clear();
    for (std::size_t i = 0; i < all_.size(); ++i) {
        if (passes(all_[i])) {
            shown_.push_back(i);
        }
    }
    endResetModel();
}

void MessageBrowserModel::setMessages(std::vector<sbx::observe::ObservedMessage> messages) {
    all_ = std::move(messages);
    refilter();
}

void MessageBrowserModel::append(std::vector<sbx::observe::ObservedMessage> messages) {
    if (messages.empty()) {
        return;
    }
    if (all_.size() + messages.size() > limit_) {
        // Dropping the oldest shifts every index; a reset is simpler than moves.
        const auto excess = std::min(all_.size(), all_.size() + messages.size() - limit_);
        all_.erase(all_.begin(), all_.begin() + static_cast<std::ptrdiff_t>(excess));
        for (auto& m : messages) {
            all_.push_back(std::move(m));
        }
        refilter();
        return;
    }
    std::vector<std::size_t> added;
    for (auto& m : messages) {
        if (passes(m)) {
            added.push_back(all_.size());
        }
        all_.push_back(std::move(m));
    }
    if (added.empty()) {
        return;
    }
    const int first = static_cast<int>(shown_.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    shown_.insert(shown_.end(), added.begin(), added.end());
    endInsertRows();
}

void MessageBrowserModel::setFilter(std::optional<sbx::inspect::CompiledFilter> filter) {
    filter_ = std::move(filter);
    refilter();
}

const sbx::observe::ObservedMessage& MessageBrowserModel::message(int row) const {
    return all_[shown_[static_cast<std::size_t>(row)]];
}

std::vector<sbx::observe::ObservedMessage> MessageBrowserModel::shownMessages() const {
    std::vector<sbx::observe::ObservedMessage> out;
    out.reserve(shown_.size());
    for (const auto i : shown_) {
        out.push_back(all_[i]);
    }
    return out;
}

int MessageBrowserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

int MessageBrowserModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Count;
}

QVariant MessageBrowserModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= Count) {
        return {};
    }
    const auto& m = message(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == Size || index.column() == Position)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (static_cast<Column>(index.column())) {
        case Position:
            return QVariant::fromValue(static_cast<qulonglong>(m.position));
        case Time: {
            const auto ms =
                std::chrono::duration_cast<std::chrono::milliseconds>(m.time.time_since_epoch())
                    .count();
            return ms == 0 ? QString()
                           : QDateTime::fromMSecsSinceEpoch(ms).toString(
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        }
        case RoutingKey:
            return QString::fromStdString(m.routingKey);
        case Size:
            return QLocale().formattedDataSize(static_cast<qint64>(m.payload.size()), 1,
                                               QLocale::DataSizeTraditionalFormat);
        case ContentType:
            return field(m.properties, "content-type");
        case MessageId:
            return field(m.properties, "message-id");
        case CorrelationId: {
            const auto id = field(m.properties, "correlation-id");
            return id.isEmpty() ? field(m.properties, "correlation-data") : id;
        }
        case Count:
            break;
    }
    return {};
}

QVariant MessageBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
        case Position:
            return tr("#");
        case Time:
            return tr("Time");
        case RoutingKey:
            return tr("Routing key / topic");
        case Size:
            return tr("Size");
        case ContentType:
            return tr("Content type");
        case MessageId:
            return tr("Message id");
        case CorrelationId:
            return tr("Correlation id");
        case Count:
            break;
    }
    return {};
}
