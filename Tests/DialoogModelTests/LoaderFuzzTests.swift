import Foundation
import Testing
import TestSupport
@testable import DialoogModel

/// Seeded mutations of every sample file: loading must give the dataset or a DataError naming the
/// file, never crash, hang or throw anything else.
@Suite struct LoaderFuzzTests {
    static let mutationsPerFile = 60

    static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let nasty: [[UInt8]] = [[0], [0x1B, 0x5B, 0x32, 0x4A], [0xFF, 0xFE], [0xC3], Array("\n  - ".utf8), Array(": [".utf8),
                                Array("&a *a".utf8), Array("\t".utf8), Array("{{{{".utf8), Array("'''".utf8), Array("!!binary".utf8)]
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes.remove(at: position)
            case 1: bytes.insert(contentsOf: nasty.randomElement(using: &generator)!, at: position)
            case 2: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 3: bytes = Array(bytes[..<position])
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0..<bytes.count, using: &generator))
            default:
                let lineStart = bytes[..<position].lastIndex(of: 10).map { $0 + 1 } ?? 0
                bytes.insert(contentsOf: Array("    ".utf8), at: lineStart)
            }
        }
        return bytes
    }

    @Test(arguments: DatasetLoader.fileNames)
    func mutatedFilesGiveDataErrorsNeverCrashes(file: String) throws {
        let original = try [UInt8](Data(contentsOf: sampleDataURL.appendingPathComponent(file)))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("htno-fuzz-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: sampleDataURL, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: UInt64(file.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        let dataFile = try #require(DataFile(rawValue: file))
        var loaded = 0
        var rejected = 0
        for _ in 0..<Self.mutationsPerFile {
            let mutated = Self.mutate(original, using: &generator)
            let url = directory.appendingPathComponent(file)
            try Data(mutated).write(to: url)
            do {
                // The mutated file alone first, as the loader reads each file; only a file that still reads is
                // loaded with the ten others, for the checks across files. A whole load for every mutation
                // (ten unchanged files read again) made this the slowest suite of CI: 75 s of processor time.
                _ = try dataFile.decoded(at: url)
                _ = try DatasetLoader.load(directory: directory)
                loaded += 1
            } catch {
                rejected += 1
                // A changed case or goal id can leave a reference in another file pointing nowhere: that file is named.
                let referring = (file == "regions.yaml" && error.file.hasSuffix("regional-examples-2018.yaml") && error.path.hasSuffix(".seoCase"))
                    || (file == "pilot-goals.yaml" && error.file.hasSuffix("jaarverslag-2023-hoofdstukken.yaml") && error.path.hasSuffix(".goal"))
                #expect(error.file.hasSuffix(file) || referring, "the error names the mutated file: \(error)")
                #expect(!error.message.isEmpty)
                #expect(!error.description.contains("\n"), "one line: \(error)")
            }
        }
        #expect(loaded + rejected == Self.mutationsPerFile)
        #expect(rejected > 0, "the mutations do break the file")
    }
}
