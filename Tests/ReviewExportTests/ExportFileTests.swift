import Foundation
import Testing
import DialoogModel
@testable import ReviewExport

/// An export in a shared folder never follows a planted link, never takes over someone else's file, and an
/// existing export keeps its mode and its other names.
@Suite struct ExportFileTests {
    private let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("htno-export-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    private func refusal(_ path: String) -> String? {
        do {
            try ReviewExporter.write("export\n", to: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aPlantedLinkIsNotFollowed() throws {
        let dangling = folder + "/review.md", target = folder + "/bestaat-niet/geheim.txt"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: target)
        #expect(refusal(dangling) == "\(dangling): is een koppeling naar \(target), dat niet bestaat; er is niets geschreven (kies een andere naam)")
        #expect(!FileManager.default.fileExists(atPath: target), "the link's target was not created")

        let someone = folder + "/van-een-ander.txt", linked = folder + "/agenda.md"
        try "van een ander\n".write(toFile: someone, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: someone)
        #expect(refusal(linked)?.hasSuffix("is een koppeling naar \(someone); er is niets geschreven (geef die naam zelf als het zo bedoeld is)") == true)
        #expect(try String(contentsOfFile: someone, encoding: .utf8) == "van een ander\n")
        #expect(refusal("/dev/stdout") == nil, "a link to a device is written in place")
    }

    @Test func anExistingExportKeepsItsModeAndItsOtherNames() throws {
        let path = folder + "/review.md", other = folder + "/ook-review.md"
        try "oud\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        try ReviewExporter.write("nieuw\n", to: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try FileManager.default.linkItem(atPath: path, toPath: other)
        try ReviewExporter.write("nieuwer\n", to: path)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "nieuwer\n", "a hard link is written in place, both names stay one file")
    }

    /// A workbook and a Word document are made beside the file and put in its place the same way.
    @Test(arguments: ["xlsx", "docx"])
    func aWorkbookOrDocumentKeepsTheModeAndOtherNamesOfTheExportItReplaces(_ format: String) throws {
        let path = folder + "/review.\(format)", other = folder + "/ook-review.\(format)"
        try "oud\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        let options = ReviewExporter.Options(exportedAt: Date(timeIntervalSince1970: 1_795_600_800))
        // A .docx path turns the Markdown export into a Word document through pandoc.
        let kind: ReviewExporter.Format = format == "xlsx" ? .xlsx : .markdown
        try ReviewExporter.write(sampleDataset, review: .empty, format: kind, options: options, to: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Data("PK".utf8)), "a zip container, whole")
        try FileManager.default.linkItem(atPath: path, toPath: other)
        try ReviewExporter.write(sampleDataset, review: .empty, format: kind, options: options, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == Data(contentsOf: URL(fileURLWithPath: path)), "both names stay one file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ook-review.\(format)", "review.\(format)"],
                "nothing left beside it")
    }

    @Test func anotherUsersFileIsNotOverwritten() throws {
        let path = folder + "/van-bert.md"
        try "van bert\n".write(toFile: path, atomically: false, encoding: .utf8)
        // Only root can give a file away; elsewhere there is no other user's file to make here.
        guard getuid() == 0, chown(path, 65_534, 65_534) == 0 else { return }
        #expect(refusal(path) == "\(path): is van een andere gebruiker; er is niets overschreven (kies een andere naam)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "van bert\n")
    }
}
