/// Decodes a data file with every string made safe as it is read (`SafeText.visible`): control characters
/// that YAML or JSON escapes produce (`"\e"`, `"\u001b"`) only exist after parsing, so the sanitiser sits in
/// the decoder itself. Wrap the file's type: `decoder.decode(SafelyDecoded<File>.self, …).value`.
struct SafelyDecoded<Value: Decodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        value = try Value(from: SafeDecoder(decoder))
    }
}

private struct SafeDecoder: Decoder {
    let inner: any Decoder

    init(_ inner: any Decoder) { self.inner = inner }

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(SafeKeyedContainer(inner: try inner.container(keyedBy: type)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { SafeUnkeyedContainer(inner: try inner.unkeyedContainer()) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SafeSingleValueContainer(inner: try inner.singleValueContainer()) }
}

/// Strings made safe, anything else decoded through the safe decoder again.
private func safely<T: Decodable>(_ type: T.Type, string: () throws -> String, nested: () throws -> any Decoder) throws -> T {
    if T.self == String.self { return SafeText.visible(try string()) as! T }
    return try T(from: SafeDecoder(try nested()))
}

private struct SafeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var inner: KeyedDecodingContainer<Key>

    var codingPath: [any CodingKey] { inner.codingPath }
    var allKeys: [Key] { inner.allKeys }

    func contains(_ key: Key) -> Bool { inner.contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { try inner.decodeNil(forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { SafeText.visible(try inner.decode(type, forKey: key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try inner.decode(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try inner.decode(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try inner.decode(type, forKey: key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try safely(type, string: { try inner.decode(String.self, forKey: key) }, nested: { try inner.superDecoder(forKey: key) })
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(SafeKeyedContainer<NestedKey>(inner: try inner.nestedContainer(keyedBy: type, forKey: key)))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        SafeUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(forKey: key))
    }
    func superDecoder() throws -> any Decoder { SafeDecoder(try inner.superDecoder()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SafeDecoder(try inner.superDecoder(forKey: key)) }
}

private struct SafeUnkeyedContainer: UnkeyedDecodingContainer {
    var inner: any UnkeyedDecodingContainer

    var codingPath: [any CodingKey] { inner.codingPath }
    var count: Int? { inner.count }
    var isAtEnd: Bool { inner.isAtEnd }
    var currentIndex: Int { inner.currentIndex }

    mutating func decodeNil() throws -> Bool { try inner.decodeNil() }
    mutating func decode(_ type: String.Type) throws -> String { SafeText.visible(try inner.decode(type)) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return SafeText.visible(try inner.decode(String.self)) as! T }
        return try T(from: SafeDecoder(try inner.superDecoder()))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(SafeKeyedContainer<NestedKey>(inner: try inner.nestedContainer(keyedBy: type)))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        SafeUnkeyedContainer(inner: try inner.nestedUnkeyedContainer())
    }
    mutating func superDecoder() throws -> any Decoder { SafeDecoder(try inner.superDecoder()) }
}

private struct SafeSingleValueContainer: SingleValueDecodingContainer {
    let inner: any SingleValueDecodingContainer

    var codingPath: [any CodingKey] { inner.codingPath }

    func decodeNil() -> Bool { inner.decodeNil() }
    func decode(_ type: String.Type) throws -> String { SafeText.visible(try inner.decode(type)) }
    func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return SafeText.visible(try inner.decode(String.self)) as! T }
        return try inner.decode(type)
    }
}
