#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "sbx/observe/broker_snapshot.h"

// The connected clients of one broker, one row each, kept in id order. A snapshot is
// applied as a diff (removed, inserted, changed rows), so the selection stays on its
// client while the numbers move.
class ClientsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        ProtocolColumn,
        VersionColumn,
        AddressColumn,
        UserColumn,
        VhostColumn,
        ConnectedColumn,
        ChannelsColumn,
        InColumn,
        OutColumn,
        ColumnCount
    };
    enum Role { ClientIdRole = Qt::UserRole + 1, SortRole };

    explicit ClientsModel(QObject* parent = nullptr);

    void applySnapshot(const std::vector<sbx::observe::Client>& clients);
    void clear();
    [[nodiscard]] const sbx::observe::Client* client(int row) const;
    [[nodiscard]] int rowOf(const QString& clientId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<sbx::observe::Client> clients_;
};
