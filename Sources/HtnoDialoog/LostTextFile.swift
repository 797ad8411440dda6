import Foundation
import ReviewStore

/// The last resort for typed text the review database could not take as a draft (read-only, full, gone)
/// when a signal ends the program: a file under `$XDG_STATE_HOME/htno-dialoog/` (`~/.local/state/...`).
enum LostTextFile {
    static func keep(_ text: String) {
        let folder = URL(fileURLWithPath: DraftStore.folder(environment: ProcessInfo.processInfo.environment))
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let file = folder.appendingPathComponent("niet-bewaard-\(stamp)-\(getpid()).txt")
        do {
            // Only its writer may read it, whatever the umask: it is someone's unsaved text.
            try PrivateFolder.make(folder.path)
            guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            FileHandle.standardError.write(Data("htno-dialoog: je niet bewaarde tekst staat in \(file.path)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("htno-dialoog: je tekst kon nergens bewaard worden (\(error)):\n\(text)".utf8))
        }
    }
}
