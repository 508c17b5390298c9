#include "clients_model.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

using sbx::observe::Client;

namespace {

bool sameRow(const Client& a, const Client& b) {
    return a.name == b.name && a.protocol == b.protocol && a.protocolVersion == b.protocolVersion &&
           a.remoteAddress == b.remoteAddress && a.user == b.user && a.vhost == b.vhost &&
           a.connectedAt == b.connectedAt && a.channels == b.channels &&
           a.messagesIn == b.messagesIn && a.messagesOut == b.messagesOut &&
           a.subscriptions.size() == b.subscriptions.size();
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

ClientsModel::ClientsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClientsModel::applySnapshot(const std::vector<Client>& clients) {
    std::vector<Client> next = clients;
    std::sort(next.begin(), next.end(),
              [](const Client& a, const Client& b) { return a.id < b.id; });
    next.erase(std::unique(next.begin(), next.end(),
                           [](const Client& a, const Client& b) { return a.id == b.id; }),
               next.end());
    // Gone: from the bottom up, one signal per run of rows.
    int row = static_cast<int>(clients_.size()) - 1;
    while (row >= 0) {
        const auto gone = [&](int r) {
            return !std::binary_search(
                next.begin(), next.end(), clients_[static_cast<std::size_t>(r)],
                [](const Client& a, const Client& b) { return a.id < b.id; });
        };
        if (!gone(row)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && gone(first - 1)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        clients_.erase(clients_.begin() + first, clients_.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
    // New and changed: both lists are sorted and the current one is a subset.
    std::size_t i = 0;
    for (std::size_t j = 0; j < next.size();) {
        if (i < clients_.size() && clients_[i].id == next[j].id) {
            const bool changed = !sameRow(clients_[i], next[j]);
            clients_[i] = std::move(next[j]);
            if (changed) {
                const int r = static_cast<int>(i);
                emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
            }
            ++i;
            ++j;
            continue;
        }
        const auto start = j;
        while (j < next.size() && (i >= clients_.size() || clients_[i].id != next[j].id)) {
            ++j;
        }
        const int first = static_cast<int>(i);
        const int count = static_cast<int>(j - start);
        beginInsertRows({}, first, first + count - 1);
        clients_.insert(clients_.begin() + first,
                        std::make_move_iterator(next.begin() + static_cast<std::ptrdiff_t>(start)),
                        std::make_move_iterator(next.begin() + static_cast<std::ptrdiff_t>(j)));
        endInsertRows();
        i += static_cast<std::size_t>(count);
    }
}

void ClientsModel::clear() {
    if (clients_.empty()) {
        return;
    }
    beginRemoveRows({}, 0, static_cast<int>(clients_.size()) - 1);
    clients_.clear();
    endRemoveRows();
}

const Client* ClientsModel::client(int row) const {
    return row >= 0 && row < rowCount() ? &clients_[static_cast<std::size_t>(row)] : nullptr;
}

int ClientsModel::rowOf(const QString& clientId) const {
    const auto id = clientId.toStdString();
    for (std::size_t i = 0; i < clients_.size(); ++i) {
        if (clients_[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int ClientsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(clients_.size());
}

int ClientsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case IdColumn:
            return tr("Id");
        case NameColumn:
            return tr("Name");
        case ProtocolColumn:
            return tr("Protocol");
        case VersionColumn:
            return tr("Version");
        case AddressColumn:
            return tr("Address");
        case UserColumn:
            return tr("User");
        case VhostColumn:
            return tr("Vhost");
        case ConnectedColumn:
            return tr("Connected since");
        case ChannelsColumn:
            return tr("Channels");
        case InColumn:
            return tr("In");
        case OutColumn:
            return tr("Out");
        default:
            return {};
    }
}

QVariant ClientsModel::data(const QModelIndex& index, int role) const {
    const auto* c = index.isValid() ? client(index.row()) : nullptr;
    if (c == nullptr) {
        return {};
    }
    const auto connected = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(c->connectedAt.time_since_epoch())
            .count());
    if (role == ClientIdRole) {
        return text(c->id);
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= ChannelsColumn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    }
    if (role == SortRole) {
        switch (index.column()) {
            case ConnectedColumn:
                return connected;
            case ChannelsColumn:
                return c->channels;
            case InColumn:
                return static_cast<qulonglong>(c->messagesIn);
            case OutColumn:
                return static_cast<qulonglong>(c->messagesOut);
            default:
                return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == InColumn || index.column() == OutColumn)) {
        const QLocale locale;
        return tr("%1 messages, %2")
            .arg(locale.toString(static_cast<qulonglong>(
                     index.column() == InColumn ? c->messagesIn : c->messagesOut)),
                 locale.formattedDataSize(
                     static_cast<qint64>(index.column() == InColumn ? c->bytesIn : c->bytesOut)));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
        case IdColumn:
            return text(c->id);
        case NameColumn:
            return text(c->name);
        case ProtocolColumn:
            return text(c->protocol).toUpper();
        case VersionColumn:
            return text(c->protocolVersion);
        case AddressColumn:
            return text(c->remoteAddress);
        case UserColumn:
            return text(c->user);
        case VhostColumn:
            return text(c->vhost);
        case ConnectedColumn:
            return c->connectedAt.time_since_epoch().count() == 0
                       ? QString()
                       : locale.toString(connected.toLocalTime(), QLocale::ShortFormat);
        case ChannelsColumn:
            return c->protocol == "amqp" ? locale.toString(c->channels) : QString();
        case InColumn:
            return locale.toString(static_cast<qulonglong>(c->messagesIn));
        case OutColumn:
            return locale.toString(static_cast<qulonglong>(c->messagesOut));
        default:
            return {};
    }
}
