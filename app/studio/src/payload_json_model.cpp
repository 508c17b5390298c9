#include "payload_json_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

PayloadJsonModel::PayloadJsonModel(QObject* parent)
    : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {}

PayloadJsonModel::~PayloadJsonModel() = default;

void PayloadJsonModel::build(Node& node) {
    const auto add = [&node](const QString& key, const QJsonValue& value) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->value = value;
        child->parent = &node;
        child->row = static_cast<int>(node.children.size());
        build(*child);
        node.children.push_back(std::move(child));
    };
    if (node.value.isObject()) {
        const auto object = node.value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            add(it.key(), it.value());
        }
    } else if (node.value.isArray()) {
        const auto array = node.value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            add(QStringLiteral("[%1]").arg(i), array.at(i));
        }
    }
}

bool PayloadJsonModel::setJson(const QByteArray& json) {
    beginResetModel();
    root_ = std::make_unique<Node>();
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(json, &error);
    const bool ok = error.error == QJsonParseError::NoError && !document.isNull();
    if (ok) {
        root_->value =
            document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        build(*root_);
    }
    endResetModel();
    return ok;
}

const PayloadJsonModel::Node* PayloadJsonModel::nodeAt(const QModelIndex& index) const {
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : root_.get();
}

QModelIndex PayloadJsonModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    const auto* node = nodeAt(parent);
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex PayloadJsonModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    const auto* node = nodeAt(child);
    if (node->parent == nullptr || node->parent == root_.get()) {
        return {};
    }
    return createIndex(node->parent->row, 0, node->parent);
}

int PayloadJsonModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return static_cast<int>(nodeAt(parent)->children.size());
}

int PayloadJsonModel::columnCount(const QModelIndex& /*parent*/) const {
    return 3;
}

QVariant PayloadJsonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    const auto* node = nodeAt(index);
    const auto& v = node->value;
    switch (index.column()) {
        case 0:
            return node->key;
        case 1:
            if (v.isObject()) {
                return tr("{%1 keys}").arg(node->children.size());
            }
            if (v.isArray()) {
                return tr("[%1 items]").arg(node->children.size());
            }
            if (v.isString()) {
                return v.toString();
            }
            if (v.isNull()) {
                return QStringLiteral("null");
            }
            if (v.isBool()) {
                return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            }
            return QString::number(v.toDouble(), 'g', 17);
        case 2:
            return v.isObject()   ? tr("object")
                   : v.isArray()  ? tr("array")
                   : v.isString() ? tr("string")
                   : v.isBool()   ? tr("boolean")
                   : v.isNull()   ? tr("null")
                                  : tr("number");
        default:
            return {};
    }
}

QVariant PayloadJsonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == 0 ? tr("Key") : section == 1 ? tr("Value") : tr("Type");
}
