#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>
#include <memory>
#include <vector>

// A parsed JSON payload as a collapsible tree: key, value (scalars) and type.
class PayloadJsonModel : public QAbstractItemModel {
    Q_OBJECT
public:
    explicit PayloadJsonModel(QObject* parent = nullptr);
    ~PayloadJsonModel() override;

    // False (and an empty tree) when `json` is not a JSON object or array.
    bool setJson(const QByteArray& json);

    [[nodiscard]] QModelIndex index(int row, int column,
                                    const QModelIndex& parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    struct Node {
        QString key;
        QJsonValue value;  // children hold the parts of objects and arrays
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node& node);
    [[nodiscard]] const Node* nodeAt(const QModelIndex& index) const;

    std::unique_ptr<Node> root_;
};
